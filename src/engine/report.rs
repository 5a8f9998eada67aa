//! The output side of the domain model: one [`Report`] per evaluated scenario, structured per
//! layer so the UI renders every table and chart from it without further finance.
//!
//! Health factor and liquidation point are enums, never placeholder numbers (docs/METHODOLOGY.md §2):
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
    /// Smart-contract exploit of the layer's contracts: a loss of backing.
    Exploit,
    /// Slashing by one of the layer's services: a loss of backing.
    Slashing,
    /// The layer's token trading below its backing: a market discount.
    Depeg,
}

/// One risk event a layer adds, valued by revaluing the whole position under it
/// (docs/METHODOLOGY.md §3): its loss of equity includes every liquidation it triggers above it
/// (so a liquidation is never a second, independent event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEvent {
    /// Category.
    pub kind: RiskKind,
    /// For a slashing event, the index of the service in the layer's AVS list.
    pub avs: Option<usize>,
    /// Annual probability p.
    pub p_annual: f64,
    /// Loss given the event at its own layer: the backing lost or the discount, g.
    pub loss_given_event: f64,
    /// Loss of equity when it happens, liquidations included, in [0, 1].
    pub equity_loss: f64,
    /// The part of `equity_loss` paid as liquidation penalties.
    pub liquidation_penalty: f64,
    /// The first loop it liquidates, if any.
    pub liquidates: Option<usize>,
    /// Contribution to expected annual loss of equity: p · equity_loss.
    pub expected_loss: f64,
}

/// Which market move a loop's leverage sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeverageOn {
    /// Debt in USD: the base asset's USD price.
    BasePrice,
    /// Debt in the base asset: the collateral / debt ratio (a depeg of the collateral).
    CollateralRatio,
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
    /// What the layer does.
    pub kind: crate::engine::Kind,
    /// Yield this layer adds (or takes, when negative) on equity: `apr` is the change of the
    /// equity APR, `apy` the change of the cumulative APY, so the layers' `apy`s add up to the
    /// top layer's cumulative APY. Points are included only when the settings include them.
    pub yield_added: Rate,
    /// Yield on equity of the stack up to and including this layer.
    pub cumulative: Rate,
    /// Points APR on equity this layer adds (kept apart from the headline).
    pub points_apr: f64,
    /// Leverage of the position so far: collateral value / equity, the product of the loops' L
    /// (1 with nothing borrowed).
    pub leverage: f64,
    /// Yield exposure so far: Π L · Π 1/P_YT, what one point of underlying yield does to the
    /// equity's APY.
    pub yield_exposure: f64,
    /// For a loop: the market move its leverage sits on.
    pub leverage_on: Option<LeverageOn>,
    /// Health factor of the position up to this loop (all debt beneath it counted), where the
    /// layer borrows.
    pub health: HealthFactor,
    /// Liquidation point of the position up to this loop, where the layer borrows.
    pub liquidation: Liquidation,
    /// For a loop: how many loops the position up to it holds (1 = this one alone).
    pub loops_in_position: u32,
    /// For a YT: the underlying APY at which it does as well as holding the underlying.
    pub yt_break_even_apy: Option<f64>,
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
    /// Risk events this layer adds (exploit, depeg, one slashing event per service).
    pub risks: Vec<RiskEvent>,
    /// Names of the layer's services (restake layers), indexed by [`RiskEvent::avs`].
    pub avs_names: Vec<String>,
    /// Sum of this layer's contributions to expected annual loss of equity, capped at 1.
    pub expected_loss: f64,
    /// What entering and leaving this layer costs (all 0 without cost inputs).
    pub costs: LayerCostReport,
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
    /// Leverage: collateral value / equity, the product of the loops' L (1 with nothing borrowed).
    pub leverage: f64,
    /// Yield exposure: Π L · Π 1/P_YT.
    pub yield_exposure: f64,
    /// Exposure of equity to the base asset's USD price: 1 + USD debt per unit of equity (debt in
    /// the base asset cancels the price out).
    pub price_exposure: f64,
    /// Lowest health factor among the borrowing layers.
    pub health: HealthFactor,
    /// The liquidation point that binds first.
    pub liquidation: Liquidation,
    /// Margin left at the top of the stack.
    pub margin: f64,
    /// Loss of equity if every service slashes its whole allocated magnitude at once (ELIP-002's
    /// bound), liquidations included, in [0, 1].
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
    /// Pendle layers that mature within the horizon, in order of maturity.
    pub maturities: Vec<Maturity>,
    /// Entry and exit costs, the APY after them, the break-even day and stake.
    pub costs: CostSummary,
}

/// A cost in USD, split by what it pays for (docs/METHODOLOGY.md §12). Every field ≥ 0.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Cost {
    /// Gas of the transactions.
    pub gas_usd: f64,
    /// Swap fees: a market's fee, Pendle's maturity-scaled fee.
    pub fee_usd: f64,
    /// Price impact and the market's discount to the backing.
    pub impact_usd: f64,
    /// gas + fee + impact.
    pub total_usd: f64,
    /// `total_usd` as a fraction of today's equity.
    pub share: f64,
}

/// How the stack's exit leaves one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum LayerExit {
    /// By its own path: a stake, restake or wrapper redeems (queue, unbonding, unwrap), a loop
    /// is unwound, a PT or YT is sold (or redeems, or expires, at maturity).
    #[default]
    Own,
    /// Its token is sold on its market, which leaves it and every layer beneath it.
    Sold,
    /// Left by the sale of the token of layer `by`, above it.
    Covered {
        /// The layer whose token is sold.
        by: usize,
    },
}

/// What entering and leaving one layer costs, leaving on the horizon day.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct LayerCostReport {
    /// Entering it (a loop: all its loops).
    pub entry: Cost,
    /// Leaving it by its own path ([`LayerExit::Own`]).
    pub exit_own: Cost,
    /// Selling its token on its market, which leaves it and every layer beneath: stake, restake
    /// and wrapper layers whose token trades (`inst`); `None` otherwise.
    pub exit_sale: Option<Cost>,
    /// What the stack's chosen exit ([`CostSummary::exit`]) pays at this layer: `exit_own`,
    /// `exit_sale` or nothing.
    pub exit: Cost,
    /// How the chosen exit leaves it.
    pub exit_by: LayerExit,
}

/// A way out of the whole stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ExitPath {
    /// Every layer by its own path: the redemption queues (slow, no market discount).
    Redeem,
    /// The instant exit: the loops and Pendle layers above `layer` unwound or sold, the layers
    /// above it whose token does not trade redeemed, and `layer`'s token sold on its market.
    Market {
        /// The layer whose token is sold: the highest stake, restake or wrapper layer that trades.
        layer: usize,
    },
}

/// One way out of the stack on the horizon day: what it costs and how long it takes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StackExit {
    /// Which way.
    pub path: ExitPath,
    /// Its cost.
    pub cost: Cost,
    /// Days it takes: the longest redemption path among the layers it redeems.
    pub days: f64,
}

/// When the stack after its costs catches up with simply holding.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum BreakEven {
    /// From this day on (fractional days from today) the stack, entered today and left that day,
    /// is worth at least holding, up to [`crate::engine::MAX_BREAK_EVEN_DAYS`].
    Day(f64),
    /// Not within [`crate::engine::MAX_BREAK_EVEN_DAYS`]: the yield never pays for the costs,
    /// or entering costs the whole stake.
    Never,
}

/// The smallest stake that breaks even by the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum MinStake {
    /// Any stake does: nothing fixed (gas) to recover, and the yield covers the proportional
    /// costs.
    Any,
    /// Stakes from this size on do.
    Equity {
        /// Equity in USD.
        usd: f64,
        /// The same in units of the staked asset, at the stake's price.
        amount: f64,
    },
    /// No stake does: the proportional costs (fees, impact) exceed what the stack earns by the
    /// horizon.
    Never,
}

/// The stack's costs (docs/METHODOLOGY.md §12): entering today, leaving on the horizon day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CostSummary {
    /// Entering every layer.
    pub entry: Cost,
    /// Leaving by the redemption path.
    pub redeem: StackExit,
    /// Leaving by the instant market exit, when a stake, restake or wrapper token trades.
    pub market: Option<StackExit>,
    /// The exit counted in the totals: the cheaper of `redeem` and `market` (`redeem` on a tie).
    pub exit: StackExit,
    /// `entry` + `exit`.
    pub total: Cost,
    /// The APY over the horizon before costs: G(H)^(365/H) − 1, with G the projection's growth
    /// (equal to `net.apy` when nothing matures within the horizon).
    pub horizon_apy: f64,
    /// The APY over the horizon after costs: ((1 − c_in) · G(H) − c_out)^(365/H) − 1, with the
    /// costs c as fractions of equity (−1 when the costs take everything).
    pub net_apy_after_costs: f64,
    /// Value at the horizon after costs, in USD (at least 0).
    pub projected_after_costs_usd: f64,
    /// From which day the stack after costs beats holding.
    pub break_even: BreakEven,
    /// The smallest stake that breaks even by the horizon.
    pub min_stake: MinStake,
}

/// A PT or YT that matures within the horizon: from `day` on the position holds the underlying
/// (a PT redeemed into it; a YT's yield paid out, the YT worth 0) and earns `apy_after`, the
/// yield of the stack without the matured layers (docs/METHODOLOGY.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Maturity {
    /// The layer that matures.
    pub layer: usize,
    /// Days from today.
    pub day: f64,
    /// Net APY on equity from then on.
    pub apy_after: f64,
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

/// What a stress scenario met, for the UI to word (docs/METHODOLOGY.md §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum StressDetail {
    /// Base-asset price drop.
    PriceDrop {
        /// What the loops borrow: no loops, only the base asset, or some USD.
        debt: DebtExposure,
    },
    /// Derivative depeg.
    Depeg {
        /// The layer whose token the depeg hits (`None`: no token trades on a market).
        derivative: Option<usize>,
        /// A loop above it whose oracle ignores market prices (index, oracle).
        non_market_loop: Option<(usize, crate::engine::OracleKind)>,
        /// Whether a loop sits above the derivative.
        loops_above: bool,
        /// Longest redemption path of the stack, days (the alternative to selling at a discount).
        exit_days: f64,
    },
    /// AVS slash.
    Slash {
        /// Whether the stack restakes at all.
        restaked: bool,
        /// Whether a layer's allocated magnitude capped the slash.
        capped: bool,
    },
    /// Borrow-rate spike.
    BorrowSpike {
        /// Whether the stack borrows at all.
        borrows: bool,
        /// The loop whose position negative carry liquidates first.
        carry_loop: Option<usize>,
    },
    /// YT implied-APY collapse.
    YtCollapse {
        /// The first YT repriced: layer, P_YT before and after.
        yt: Option<(usize, f64, f64)>,
    },
}

/// What the loops of a stack borrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DebtExposure {
    /// Nothing borrowed.
    NoDebt,
    /// Only the base asset (its price cancels in the health factor).
    BaseOnly,
    /// Some USD (a price drop moves the health factor).
    Usd,
}

/// Result of one stress scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressResult {
    /// Which shock.
    pub kind: StressKind,
    /// Shock size as given in the settings.
    pub shock: f64,
    /// Equity after the shock, USD.
    pub equity_after_usd: f64,
    /// Fractional change of equity (−1 = wiped out).
    pub equity_change: f64,
    /// Whether a borrowing layer is liquidated.
    pub liquidated: bool,
    /// The first loop liquidated.
    pub liquidated_at: Option<usize>,
    /// Share of the debt that liquidation repaid (the close factor, or 1).
    pub repaid_share: f64,
    /// Layer at which equity is wiped out.
    pub wiped_at: Option<usize>,
    /// Index of the first layer that breaks (liquidated, wiped out or negative carry), if any.
    pub breaks_first: Option<usize>,
    /// Lowest health factor among the borrowing layers after the shock (`NoDebt` without loops).
    /// `liquidated` is exactly "this is a value below 1".
    pub health_after: HealthFactor,
    /// Net APY on equity after the shock (as `Summary::net.apy`). Only the borrow spike changes
    /// it; the other shocks move prices, not rates, and repeat today's figure.
    pub net_apy_after: f64,
    /// Borrow spike only: days until negative carry liquidates the first loop, if within 100 years.
    pub days_to_liquidation: Option<f64>,
    /// What the shock met, for the wording.
    pub detail: StressDetail,
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
