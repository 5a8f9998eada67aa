//! The output side of the domain model: one [`Report`] per evaluated scenario, structured per
//! layer so the UI renders every table and chart from it without further finance.
//!
//! Health factor and liquidation point are enums, never placeholder numbers (`DESIGN.md` §7):
//! "no debt" and "not liquidatable by this shock" are states, not 0 or −1.

use serde::{Deserialize, Serialize};

/// A yearly rate shown both ways: simple `apr` and compounded `apy` (daily compounding unless the
/// field's doc says otherwise). The UI always labels which one it shows.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rate {
    /// Simple annual rate.
    pub apr: f64,
    /// Compounded annual rate.
    pub apy: f64,
}

/// Health factor of a borrowing position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum HealthFactor {
    /// Nothing borrowed: no health factor exists.
    NoDebt,
    /// HF = collateral × LT / debt; liquidation below 1.
    Value(f64),
}

/// Where a borrowing position is liquidated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Liquidation {
    /// Nothing borrowed.
    NoDebt,
    /// Debt is in USD: liquidated when the base asset falls to `price_usd`, a drop of `max_drop`.
    Price {
        /// Liquidation price of the base asset in USD.
        price_usd: f64,
        /// Fractional price drop from today that reaches it.
        max_drop: f64,
    },
    /// Debt is the base asset and the oracle follows the market: liquidated when the collateral
    /// trades at `ratio` of its fair value, a depeg of `max_depeg`.
    Depeg {
        /// Collateral / debt price ratio at liquidation.
        ratio: f64,
        /// Fractional depeg that reaches it.
        max_depeg: f64,
    },
    /// The oracle does not follow the market price (exchange-rate or linear-discount): price and
    /// depeg moves cost value but do not liquidate; `backing_loss` of the collateral's backing
    /// (slashing, exploit) would.
    NotByMarket {
        /// Fractional loss of the backing that liquidates.
        backing_loss: f64,
    },
}

/// Category of a risk event, for the risk-stack chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RiskKind {
    /// Smart-contract exploit.
    Exploit,
    /// AVS / validator slashing.
    Slashing,
    /// Derivative trading below its backing.
    Depeg,
    /// Liquidation of a borrowing position (penalty, forced sale).
    Liquidation,
}

impl RiskKind {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            RiskKind::Exploit => "contract exploit",
            RiskKind::Slashing => "slashing",
            RiskKind::Depeg => "depeg",
            RiskKind::Liquidation => "liquidation",
        }
    }
}

/// One risk event a layer adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEvent {
    /// Category.
    pub kind: RiskKind,
    /// What it is ("AVS slashing: EigenDA", "weETH depeg").
    pub label: String,
    /// Annual probability p_ik.
    pub p_annual: f64,
    /// Loss given the event as a fraction of the value held at this layer, g_ik.
    pub loss_given_event: f64,
    /// Loss as a fraction of equity after the leverage above the layer: min(1, g_ik · X_i).
    pub equity_loss: f64,
    /// Contribution to expected annual loss of equity: p_ik · equity_loss.
    pub expected_loss: f64,
}

/// Everything computed for one layer, in stack order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerReport {
    /// Position in the stack (0 = bottom).
    pub index: usize,
    /// Catalog protocol id.
    pub protocol: String,
    /// Token held after this layer.
    pub token: String,
    /// Kind label ("Restake").
    pub kind: String,
    /// Yield this layer adds (or takes, when negative) on equity: `apr` is the change of the
    /// equity APR, `apy` the change of the cumulative APY, so the layers' `apy`s add up to the
    /// top layer's cumulative APY. Points are included only when the settings include them.
    pub yield_added: Rate,
    /// Yield on equity of the stack up to and including this layer.
    pub cumulative: Rate,
    /// Points APR on equity this layer adds (kept apart from the headline).
    pub points_apr: f64,
    /// Exposure multiplier of the stack up to this layer (product of the layer multipliers).
    pub multiplier: f64,
    /// Multiplier applied to this layer's own events: the product of the multipliers of this
    /// layer and every layer above it (how much equity a loss here costs).
    pub event_exposure: f64,
    /// Health factor, where the layer borrows.
    pub health: HealthFactor,
    /// Liquidation point, where the layer borrows.
    pub liquidation: Liquidation,
    /// Margin ladder: the largest fractional shock (base-asset drop or derivative depeg) the
    /// stack up to this layer survives without liquidation or total loss. Non-increasing with depth.
    pub margin: f64,
    /// Days to exit this layer through its redemption path.
    pub exit_days: f64,
    /// Longest redemption path of the stack up to this layer.
    pub stack_exit_days: f64,
    /// The token at this depth trades instantly while the stack beneath needs days to redeem.
    pub liquidity_mismatch: bool,
    /// How many wrappers (contracts / oracles that can fail) deep the token is.
    pub wrapper_depth: u32,
    /// Risk events this layer adds.
    pub risks: Vec<RiskEvent>,
    /// Sum of this layer's contributions to expected annual loss of equity, capped at 1.
    pub expected_loss: f64,
}

/// One point of the projected-value series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProjectionPoint {
    /// Days from today.
    pub day: f64,
    /// Value of the strategy in USD at constant prices.
    pub strategy_usd: f64,
    /// Value of simply holding the asset in USD at constant prices.
    pub hold_usd: f64,
}

/// Whole-stack results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Equity today in USD (amount × price).
    pub equity_usd: f64,
    /// Net yield on equity, points excluded unless the settings include them.
    pub net: Rate,
    /// Points APR on equity (shown apart).
    pub points_apr: f64,
    /// Net APY minus expected annual loss.
    pub risk_adjusted_apy: f64,
    /// P(any loss event in a year) under the correlation setting.
    pub p_any_loss: f64,
    /// Expected annual loss as a fraction of equity, in [0, 1].
    pub expected_loss: f64,
    /// The same in USD.
    pub expected_loss_usd: f64,
    /// Total exposure multiplier.
    pub leverage: f64,
    /// Lowest health factor among the borrowing layers.
    pub health: HealthFactor,
    /// The liquidation point that binds first.
    pub liquidation: Liquidation,
    /// Margin left at the top of the stack.
    pub margin: f64,
    /// Worst-case slashable fraction of equity (Σ allocated magnitudes × exposure, capped at 1).
    pub worst_case_slash: f64,
    /// Longest redemption path in days.
    pub exit_days: f64,
    /// Whether any layer shows a liquidity mismatch.
    pub liquidity_mismatch: bool,
    /// Projected value at the horizon in USD.
    pub projected_usd: f64,
    /// Value of simply holding at the horizon in USD.
    pub hold_usd: f64,
    /// The projected series from day 0 to the horizon.
    pub projection: Vec<ProjectionPoint>,
}

/// Which deterministic shock a stress row applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum StressKind {
    /// Base-asset price drop.
    PriceDrop,
    /// Small derivative depeg.
    DepegSmall,
    /// Large derivative depeg.
    DepegLarge,
    /// AVS slash.
    AvsSlash,
    /// Borrow rate jump.
    BorrowSpike,
    /// YT implied APY collapse.
    YtCollapse,
}

/// Result of one stress scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressResult {
    /// Which shock.
    pub kind: StressKind,
    /// Human description with the shock size ("ETH −30%").
    pub label: String,
    /// Shock size as given in the settings.
    pub shock: f64,
    /// Equity after the shock, USD.
    pub equity_after_usd: f64,
    /// Fractional change of equity (−1 = wiped out).
    pub equity_change: f64,
    /// Whether a borrowing layer is liquidated.
    pub liquidated: bool,
    /// Index of the first layer that breaks (liquidated, wiped out or negative carry), if any.
    pub breaks_first: Option<usize>,
    /// One-line explanation ("exchange-rate oracle: depeg costs value, no liquidation").
    pub note: String,
    /// Lowest health factor among the borrowing layers after the shock (`NoDebt` without loops).
    /// `liquidated` is exactly "this is a value below 1".
    pub health_after: HealthFactor,
    /// Net APY on equity after the shock (as `Summary::net.apy`). Only the borrow spike changes
    /// it; the other shocks move prices, not rates, and repeat today's figure.
    pub net_apy_after: f64,
    /// Borrow spike only: days until negative carry liquidates the first loop, if within 100 years.
    pub days_to_liquidation: Option<f64>,
}

/// The full evaluation of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Per layer, bottom to top.
    pub layers: Vec<LayerReport>,
    /// Whole stack.
    pub summary: Summary,
    /// Deterministic stress scenarios.
    pub stress: Vec<StressResult>,
}
