//! The input side of the domain model (docs/METHODOLOGY.md): a [`Scenario`] is a stake, a horizon, an
//! ordered stack of [`Layer`]s and the risk / stress assumptions. These are plain data; all
//! checking lives in [`crate::engine::validate`] and all maths in the sibling modules.
//!
//! Conventions, used everywhere in the engine:
//! - rates are fractions per year (`0.035` = 3.5 %), named `*_apr` (simple, not compounded) or
//!   `*_apy` (compounded) so the unit is in the name;
//! - probabilities are annual, in `[0, 1]`, named `p_*`;
//! - losses, fees, magnitudes and LTVs are fractions in `[0, 1]`, named `*_ratio` or by their
//!   domain name (`ltv`, `magnitude`);
//! - durations are in days (`*_days`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The asset the user stakes. Its native chain decides which layers make sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub enum Asset {
    /// Ether (Ethereum).
    #[default]
    Eth,
    /// Bitcoin (no native yield; Babylon staking).
    Btc,
    /// Solana.
    Sol,
    /// Sui.
    Sui,
}

impl Asset {
    /// Every asset, in display order.
    pub const ALL: [Asset; 4] = [Asset::Eth, Asset::Btc, Asset::Sol, Asset::Sui];

    /// Ticker as shown and as written in share links (`ETH`).
    pub fn ticker(self) -> &'static str {
        match self {
            Asset::Eth => "ETH",
            Asset::Btc => "BTC",
            Asset::Sol => "SOL",
            Asset::Sui => "SUI",
        }
    }
}

impl fmt::Display for Asset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ticker())
    }
}

/// Error for an unknown asset ticker.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown asset {0:?} (expected ETH, BTC, SOL or SUI)")]
pub struct UnknownAsset(pub String);

impl FromStr for Asset {
    type Err = UnknownAsset;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Asset::ALL
            .into_iter()
            .find(|a| a.ticker().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownAsset(s.chars().take(16).collect()))
    }
}

/// What the user puts in: `amount` units of `asset` at `price_usd` each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stake {
    /// Units of the asset (e.g. 32 ETH). Must be > 0.
    pub amount: f64,
    /// The asset.
    pub asset: Asset,
    /// USD price of one unit. Must be > 0.
    pub price_usd: f64,
}

/// How the lending market prices the collateral when it checks the health factor.
/// (docs/METHODOLOGY.md §3, oracle-aware liquidation.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub enum OracleKind {
    /// Market price: a depeg of the collateral against the debt lowers the health factor.
    #[default]
    Market,
    /// Exchange-rate (redemption-rate) oracle, e.g. weETH/WETH in an e-mode: a market depeg does
    /// not move it; only slashing of the backing, negative carry or parameter changes liquidate.
    ExchangeRate,
    /// Linear discount to maturity (Pendle PT oracles): market moves of the PT do not liquidate.
    LinearDiscount,
}

impl OracleKind {
    /// Every oracle kind, in display order.
    pub const ALL: [OracleKind; 3] = [
        OracleKind::Market,
        OracleKind::ExchangeRate,
        OracleKind::LinearDiscount,
    ];

    /// Short code used in share links and selects.
    pub fn code(self) -> &'static str {
        match self {
            OracleKind::Market => "mkt",
            OracleKind::ExchangeRate => "rate",
            OracleKind::LinearDiscount => "lin",
        }
    }

    /// Whether a market depeg of the collateral moves this oracle (and so can liquidate).
    pub fn follows_market(self) -> bool {
        matches!(self, OracleKind::Market)
    }
}

impl FromStr for OracleKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OracleKind::ALL
            .into_iter()
            .find(|o| o.code() == s)
            .ok_or_else(|| {
                format!(
                    "unknown oracle {:?}",
                    s.chars().take(16).collect::<String>()
                )
            })
    }
}

/// What the loop borrows against its collateral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub enum DebtAsset {
    /// The stake's own base asset (weETH collateral, WETH debt): leverage on the yield spread;
    /// the base-asset price cancels out, only the collateral's depeg matters.
    #[default]
    Base,
    /// A USD stablecoin: leverage on the base-asset price too; a price drop can liquidate.
    Usd,
}

impl DebtAsset {
    /// Short code used in share links and selects.
    pub fn code(self) -> &'static str {
        match self {
            DebtAsset::Base => "base",
            DebtAsset::Usd => "usd",
        }
    }
}

impl FromStr for DebtAsset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "base" => Ok(DebtAsset::Base),
            "usd" => Ok(DebtAsset::Usd),
            _ => Err(format!(
                "unknown debt asset {:?}",
                s.chars().take(16).collect::<String>()
            )),
        }
    }
}

/// How much leverage a loop builds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum LoopSize {
    /// Re-deposit the borrowed amount `n` times at the layer's LTV: L = Σ_{i=0..n} ℓ^i.
    Loops(u32),
    /// Aim for this total leverage; capped by 1/(1 − ℓ) at the layer's LTV.
    Target(f64),
}

/// One actively validated service (EigenCloud AVS, Symbiotic network, Babylon BSN) that the same
/// restaked stake secures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Avs {
    /// Display name (free text, escaped by the UI; bounded in length by validation).
    pub name: String,
    /// Reward APR this service pays on the whole restaked stake of the layer (not only on its
    /// allocated magnitude), before operator commission: rewards add up across services
    /// (docs/METHODOLOGY.md §5).
    pub reward_apr: f64,
    /// Allocated magnitude m_j: the fraction of the stake this AVS may slash. Σ m_j ≤ 1.
    pub magnitude: f64,
    /// Annual probability p_j of a slashing event.
    pub p_slash: f64,
    /// Severity s_j of a slashing event as a fraction of the stake; s_j ≤ m_j.
    pub severity: f64,
}

/// What a layer does. Each variant's fields carry the protocol parameters that the formulas use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum LayerKind {
    /// Native or liquid staking (ETH validators, EtherFi eETH, JitoSOL, haSUI, Babylon BTC).
    Stake {
        /// Gross staking APR of the underlying (including MEV where relevant).
        base_apr: f64,
        /// Fraction of rewards the protocol keeps.
        fee_ratio: f64,
    },
    /// Restaking the token to secure one or more AVSs (EigenCloud, Symbiotic, Babylon).
    Restake {
        /// The services secured by the same stake.
        avs: Vec<Avs>,
        /// Fraction of AVS rewards kept by the operator.
        commission_ratio: f64,
    },
    /// A liquid-restaking wrapper (EtherFi weETH): a fee on the rewards beneath it.
    LiquidRestake {
        /// Fraction of the underlying rewards the wrapper keeps.
        fee_ratio: f64,
    },
    /// Pendle principal token: fixed implied APY to maturity.
    PendlePt {
        /// Implied APY at purchase.
        implied_apy: f64,
        /// Days to maturity (0 = matured: PT = 1).
        maturity_days: f64,
        /// The market's swap-fee tier, a rate per year: a trade pays tier × days to maturity /
        /// 365 of the PT value swapped (Pendle's Fees page; docs/METHODOLOGY.md §12). 0 = no fee.
        #[serde(default)]
        fee_tier: f64,
    },
    /// Pendle yield token: the yield of 1/P_YT units of the underlying until maturity.
    PendleYt {
        /// Implied APY at purchase (prices the YT).
        implied_apy: f64,
        /// Days to maturity; must be > 0 (an expired YT is worth 0).
        maturity_days: f64,
        /// Extra reward APR paid to YT holders (external incentives), in underlying terms.
        reward_apr: f64,
        /// Share of the YT's yield and points Pendle keeps (5 % per Pendle's Fees page as of
        /// 2025-05; 3 % before; docs/METHODOLOGY.md §4).
        fee_ratio: f64,
        /// The market's swap-fee tier, a rate per year: a YT trade pays tier × days to maturity
        /// / 365 of the PT value it swaps (Pendle routes YT trades through the PT AMM;
        /// docs/METHODOLOGY.md §12). 0 = no fee.
        #[serde(default)]
        fee_tier: f64,
    },
    /// Lending loop: deposit, borrow at `ltv`, buy more, re-deposit.
    Loop {
        /// Loan-to-value used per loop.
        ltv: f64,
        /// Liquidation threshold LT (≥ ltv).
        liq_threshold: f64,
        /// Liquidation bonus paid to the liquidator on what is sold.
        liq_bonus: f64,
        /// Borrow APR on the debt.
        borrow_apr: f64,
        /// Supply APR paid on the collateral by the lender (often 0 for LSTs).
        supply_apr: f64,
        /// Share of the debt a liquidation repays while the health factor after the shock is
        /// above 0.95 (Aave v3: 0.5); at or below 0.95 the whole debt is repaid
        /// (docs/METHODOLOGY.md §3).
        close_factor: f64,
        /// Loop count or target leverage.
        size: LoopSize,
        /// How the lender prices the collateral.
        oracle: OracleKind,
        /// What is borrowed.
        debt: DebtAsset,
    },
}

/// Per-layer risk assumptions: annual event probabilities and the loss each event causes, as a
/// fraction of the value held at that layer (before the leverage above it is applied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct LayerRisk {
    /// Annual probability of a smart-contract exploit of this layer's contracts.
    pub p_exploit: f64,
    /// Loss given an exploit.
    pub exploit_loss: f64,
    /// Annual probability that this layer's token trades at a discount the holder must realise.
    pub p_depeg: f64,
    /// Size of that discount.
    pub depeg_loss: f64,
    /// Days to exit through the protocol's own redemption path (queue, unbonding, withdrawal).
    pub exit_days: f64,
    /// Whether the layer's token also trades on a market for an instant exit.
    pub instant_exit: bool,
    /// Share of its sector the protocol holds (concentration risk; 0.68 for EigenCloud).
    pub market_share: f64,
}

/// What entering and leaving one layer costs (docs/METHODOLOGY.md §12). Every field at its
/// default (0, not bought) means the layer costs nothing: what a v1 link without cost keys says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LayerCosts {
    /// Gas units of the transactions that enter the layer (for a loop, of one loop: it pays them
    /// once per loop).
    pub gas_in: f64,
    /// Gas units of the transactions that leave it: its redemption path, or the sale of its token
    /// (for a loop, of unwinding one loop).
    pub gas_out: f64,
    /// Fee of the market the layer trades on, as a fraction of the value traded.
    pub swap_fee: f64,
    /// Price impact of a trade on that market, and the market's discount to the backing, as a
    /// fraction of the value traded.
    pub impact: f64,
    /// Stake, restake and wrapper layers: the token is bought on its market instead of being
    /// minted, deposited or wrapped (so entering pays `swap_fee` and `impact`). Pendle layers and
    /// loops always trade.
    pub bought: bool,
}

/// One layer of the stack: which catalog protocol it is, what it does, and its risks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layer {
    /// Catalog protocol id (`etherfi`, `eigencloud`, ...). Free text for custom layers.
    pub protocol: String,
    /// Label of the token held after this layer (`eETH`, `weETH`, `PT-weETH`).
    pub token: String,
    /// What the layer does.
    pub kind: LayerKind,
    /// Its risks.
    pub risk: LayerRisk,
    /// Points / airdrop APR-equivalent, valued only if the user gives a value; kept apart from
    /// the headline APY (docs/METHODOLOGY.md).
    pub points_apr: f64,
    /// What entering and leaving it costs (none by default).
    #[serde(default)]
    pub costs: LayerCosts,
}

/// Sizes of the deterministic stress shocks (all fractions). Users may set their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressSettings {
    /// Base-asset price drop (default 0.30).
    pub price_drop: f64,
    /// Small derivative depeg (default 0.05).
    pub depeg_small: f64,
    /// Large derivative depeg (default 0.15).
    pub depeg_large: f64,
    /// AVS slash as a fraction of the restaked stake (default 0.10).
    pub avs_slash: f64,
    /// Borrow APR the loops jump to (default 0.20).
    pub borrow_apr: f64,
    /// Implied APY a YT is marked at after the collapse (default 0.0).
    pub yt_implied_apy: f64,
}

impl Default for StressSettings {
    fn default() -> Self {
        StressSettings {
            price_drop: 0.30,
            depeg_small: 0.05,
            depeg_large: 0.15,
            avs_slash: 0.10,
            borrow_apr: 0.20,
            yt_implied_apy: 0.0,
        }
    }
}

/// Whole-stack risk settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskSettings {
    /// Correlation between risk events, ρ in [0, 1]: 0 = independent (P(any) = 1 − Π(1 − p)),
    /// 1 = comonotonic (P(any) = max p). Interpolated linearly in between.
    pub correlation: f64,
    /// Count the points APR in the headline and risk-adjusted APY (off by default).
    pub include_points: bool,
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            correlation: 0.0,
            include_points: false,
        }
    }
}

/// Settings of the Monte Carlo simulation (docs/METHODOLOGY.md §11). Every field's default is
/// its v1 link default (`engine::param`): a link without `mc.*` keys simulates with these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct McSettings {
    /// Seed of the simulation's random streams (default
    /// [`crate::engine::param::DEFAULT_MC_SEED`]). Same scenario, seed and path count: the same
    /// numbers, natively and in the browser.
    pub seed: u64,
    /// Number of simulated paths, 1 to [`crate::engine::MAX_MC_PATHS`] (default
    /// [`crate::engine::param::DEFAULT_MC_PATHS`]).
    pub paths: u32,
    /// Annual volatility of the base asset's price (log returns), in [0, 5]. `None`: the asset's
    /// default, [`crate::engine::param::default_volatility`]; the page writes the value it used.
    pub volatility: Option<f64>,
    /// Annual probability of a crash of the base asset's price by `stress.price_drop` (a jump;
    /// default 0, none).
    pub p_crash: f64,
    /// Annual probability that every loop's borrow APR jumps to `stress.borrow_apr` for the rest
    /// of the horizon (default 0, never).
    pub p_borrow_spike: f64,
    /// Annual probability that every YT's implied APY falls to `stress.yt_implied_apy` for the
    /// rest of the horizon (default 0, never).
    pub p_yt_fall: f64,
    /// Crisis mode: a crash step (the base asset falls by `stress.price_drop` or more within the
    /// step, or a crash jump) carries a whole year's odds of every depeg and of the borrow spike.
    /// Off (the default): every event is independent of the price.
    pub crisis: bool,
}

impl Default for McSettings {
    fn default() -> Self {
        McSettings {
            seed: crate::engine::param::DEFAULT_MC_SEED,
            paths: crate::engine::param::DEFAULT_MC_PATHS,
            volatility: None,
            p_crash: 0.0,
            p_borrow_spike: 0.0,
            p_yt_fall: 0.0,
            crisis: false,
        }
    }
}

/// Whole-stack cost settings (docs/METHODOLOGY.md §12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CostSettings {
    /// Gas price on the stake's chain, in billionths of its native token per gas unit: gwei on
    /// Ethereum, lamports on Solana, MIST on Sui (for Bitcoin, 10 per sat/vB with gas units in
    /// vbytes). The native token is the staked asset, so gas is priced at the stake's price.
    /// 0 (the v1 default) = no gas costs.
    pub gas_price: f64,
}

/// Everything the engine needs to produce a [`crate::engine::Report`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// What is staked.
    pub stake: Stake,
    /// Projection horizon in days (> 0).
    pub horizon_days: f64,
    /// The stack, bottom (first) to top (last).
    pub layers: Vec<Layer>,
    /// Risk settings.
    pub risk: RiskSettings,
    /// Stress shock sizes.
    pub stress: StressSettings,
    /// Monte Carlo settings (absent from JSON written before they existed: their defaults).
    #[serde(default)]
    pub mc: McSettings,
    /// Cost settings (none by default).
    #[serde(default)]
    pub costs: CostSettings,
}
