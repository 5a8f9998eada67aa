//! Ready-made strategies: stacks of catalog products the user starts from (docs/METHODOLOGY.md §8 and
//! the catalog issue). The numbers come from the products, so a data-file update moves them too.

use super::product::ProductError;
use super::Catalog;
use crate::engine::{Asset, RiskSettings, Scenario, Stake, StressSettings};

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
        })
    }
}
