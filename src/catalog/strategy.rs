//! Ready-made strategies: stacks of catalog products the user starts from (docs/METHODOLOGY.md §8 and
//! the catalog issue). The numbers come from the products, so a data-file update moves them too.

use super::product::ProductError;
use super::Catalog;
use crate::engine::{Asset, CostSettings, RiskSettings, Scenario, Stake, StressSettings};

/// A ready-made stack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strategy {
    /// Id used in share links (`s=`) and the picker.
    pub id: &'static str,
    /// Picker label.
    pub name: &'static str,
    /// Asset staked.
    pub asset: Asset,
    /// Default amount (a typical stake: one validator's 32 ETH, 1.5 BTC, 500 SOL, 10,000 SUI).
    pub amount: f64,
    /// One-line description: what the stack does and the risk it shows.
    pub description: &'static str,
    /// Product ids, bottom layer first.
    pub products: &'static [&'static str],
}

/// The page Restack opens without a link: the first strategy with the shipped figures, as its
/// share link (a test keeps it equal to what `share::encode` writes for it, and the README's
/// example equal to it). The app shows it at once, before the data file arrives, so the page
/// carries no copy of the catalog; once the file loads, an untouched default page moves to its
/// figures.
pub const DEFAULT_LINK: &str = "v=1&asset=ETH&stake=32&price=3000&days=365&gas=1&l=stake.etherfi.eETH(apr:0.03,fee:0.1,pex:0.01,exl:0.3,pdep:0.05,depl:0.03,exit:14,inst:1,share:0.43,gin:70000,gout:161248)&l=restake.eigencloud.eETH%20%28restaked%29(comm:0.1,avs:EigenDA(apr:0.004,mag:0.3,p:0.01,sev:0.05),avs:AI%20compute%20AVS(apr:0.006,mag:0.2,p:0.02,sev:0.1),pex:0.005,exl:0.5,exit:14,share:0.68,gin:250000,gout:400000)&l=lrt.etherfi.weETH(pex:0.005,exl:0.3,pdep:0.05,depl:0.05,exit:14,inst:1,share:0.43,gin:190000,gout:161248,swap:0.0005,imp:0.0025)&l=yt.pendle.YT-weETH(iapy:0.03,fee:0.05,tier:0.001,pex:0.005,exl:0.5,inst:1,share:0.19,gin:230000,gout:230000,imp:0.01)&strategy=eth-etherfi-yt";

/// Projection horizon of every ready-made strategy: one year.
pub const DEFAULT_HORIZON_DAYS: f64 = 365.0;

/// Every ready-made strategy; the first is the default, the first per asset is what picking that
/// asset loads.
pub const STRATEGIES: [Strategy; 9] = [
    Strategy {
        id: "eth-etherfi-yt",
        name: "ETH → EtherFi eETH → EigenCloud → weETH → Pendle YT",
        asset: Asset::Eth,
        amount: 32.0,
        description: "The seed article's nested stack: the same ETH staked, restaked, wrapped and split for leveraged yield.",
        products: &["etherfi-eeth", "eigencloud-restake", "etherfi-weeth", "pendle-yt-weeth"],
    },
    Strategy {
        id: "eth-weeth-loop",
        name: "ETH → weETH looped on Aave",
        asset: Asset::Eth,
        amount: 32.0,
        description: "Restaked ETH as collateral to borrow ETH and restake again: leverage on the yield spread.",
        products: &["etherfi-eeth", "eigencloud-restake", "etherfi-weeth", "aave-weeth-loop"],
    },
    Strategy {
        id: "eth-symbiotic",
        name: "ETH → Lido wstETH → Symbiotic vault",
        asset: Asset::Eth,
        amount: 32.0,
        description: "A liquid-staking token restaked in a Symbiotic vault securing one network.",
        products: &["lido-wsteth", "symbiotic-vault"],
    },
    Strategy {
        id: "eth-pendle-pt",
        name: "ETH → weETH → Pendle PT (fixed)",
        asset: Asset::Eth,
        amount: 32.0,
        description: "Restaked ETH swapped into a principal token: a fixed yield to maturity instead of a variable one.",
        products: &["etherfi-eeth", "eigencloud-restake", "etherfi-weeth", "pendle-pt-weeth"],
    },
    Strategy {
        id: "eth-native",
        name: "ETH → native staking only",
        asset: Asset::Eth,
        amount: 32.0,
        description: "One validator, no restaking: the baseline every layer above is compared with.",
        products: &["eth-native"],
    },
    Strategy {
        id: "btc-babylon",
        name: "BTC → Babylon staking",
        asset: Asset::Btc,
        amount: 1.5,
        description: "Bitcoin has no native yield: Babylon pays stakers for securing other chains, with slashing.",
        products: &["babylon-btc"],
    },
    Strategy {
        id: "btc-babylon-aave",
        name: "BTC → Babylon → Aave BTC loop (planned)",
        asset: Asset::Btc,
        amount: 1.5,
        description: "The planned Babylon–Aave integration: borrow stablecoins against staked BTC and stake more.",
        products: &["babylon-btc", "aave-btc-loop"],
    },
    Strategy {
        id: "sol-jito",
        name: "SOL → Jito JitoSOL",
        asset: Asset::Sol,
        amount: 500.0,
        description: "MEV-boosted liquid staking on Solana (seed: 5.94% average APY).",
        products: &["jito-jitosol"],
    },
    Strategy {
        id: "sui-hasui",
        name: "SUI → Haedal haSUI",
        asset: Asset::Sui,
        amount: 10_000.0,
        description: "Liquid staking on Sui (seed: haSUI/SUI at 1.07, ≈ 7.03% earned since launch).",
        products: &["haedal-hasui"],
    },
];

/// Every ready-made strategy for the stake of `user` (docs/METHODOLOGY.md §10): strategies of
/// the user's asset at the user's amount and price; strategies of another asset at the same value
/// in USD, at that asset's catalog price; the user's horizon, risk and stress settings for all.
/// A strategy whose products the catalog lacks is left out.
pub fn for_the_same_stake(
    catalog: &Catalog,
    user: &Scenario,
) -> Vec<(&'static Strategy, Scenario)> {
    let equity_usd = user.stake.amount * user.stake.price_usd;
    STRATEGIES
        .iter()
        .filter_map(|s| {
            let mut sc = s.scenario(catalog).ok()?;
            if s.asset == user.stake.asset {
                sc.stake.amount = user.stake.amount;
                sc.stake.price_usd = user.stake.price_usd;
            } else {
                let price = sc.stake.price_usd;
                if !(price > 0.0 && equity_usd.is_finite()) {
                    return None;
                }
                sc.stake.amount = equity_usd / price;
            }
            sc.horizon_days = user.horizon_days;
            sc.risk = user.risk.clone();
            sc.stress = user.stress.clone();
            Some((s, sc))
        })
        .collect()
}

impl Strategy {
    /// A strategy by id.
    pub fn find(id: &str) -> Option<&'static Strategy> {
        STRATEGIES.iter().find(|s| s.id == id)
    }

    /// The first strategy for an asset.
    pub fn first_for(asset: Asset) -> Option<&'static Strategy> {
        STRATEGIES.iter().find(|s| s.asset == asset)
    }

    /// The scenario this strategy stands for with `catalog`'s figures.
    ///
    /// # Errors
    /// A product that is missing from the catalog or cannot become a layer.
    pub fn scenario(&self, catalog: &Catalog) -> Result<Scenario, ProductError> {
        let layers = self
            .products
            .iter()
            .map(|id| {
                catalog
                    .product(id)
                    .ok_or_else(|| ProductError {
                        product: (*id).into(),
                        key: "id".into(),
                        message: format!("strategy {} needs it and the catalog has none", self.id),
                    })
                    .and_then(|p| p.to_layer())
            })
            .collect::<Result<_, _>>()?;
        let price = catalog.price(self.asset).map_or(1.0, |f| f.value);
        Ok(Scenario {
            stake: Stake {
                amount: self.amount,
                asset: self.asset,
                price_usd: price,
            },
            horizon_days: DEFAULT_HORIZON_DAYS,
            layers,
            risk: RiskSettings::default(),
            stress: StressSettings::default(),
            mc: Default::default(),
            costs: CostSettings {
                gas_price: catalog.gas_price(self.asset).map_or(0.0, |f| f.value),
            },
        })
    }
}
