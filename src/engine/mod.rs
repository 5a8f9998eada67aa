//! The calculation engine (docs/METHODOLOGY.md): pure Rust, no Leptos, web-sys or JS.
//!
//! [`evaluate`] turns a [`Scenario`] into a [`Report`]; each concern lives in its own module:
//!
//! | module | concern |
//! |---|---|
//! | `scenario`, `kind`, `param` | the inputs; the layer kinds as codes; the table of every number |
//! | `validate`, `error` | ranges and domain rules, typed errors naming the field |
//! | `rates` | APR ↔ APY, saturating growth, exchange-rate yields |
//! | `yield` | the bottom → top walk: yield added, leverage and debt per layer |
//! | `leverage` | loop leverage, health factor, liquidation share and penalty, negative carry |
//! | `position` | loops as one position: health, liquidation points, the margin ladder |
//! | `pendle` | P_PT, P_YT, YT long-yield APY, break-even, YT loss on a backing loss |
//! | `restake` | AVS rewards and magnitudes |
//! | `valuation` | revaluing the position under a shock (events, stresses, worst case) |
//! | `risk` | risk events, P(any loss), expected loss, worst-case slash, exit ladder |
//! | `stress` | deterministic shocks, typed outcomes |
//! | `historical` | crises that happened, replayed on any stack by their shock profile |
//! | `projection` | value over the horizon against holding, maturities included |
//! | `montecarlo` | the distribution of outcomes over the horizon: seeded paths, chunked, merged |
//! | `costs`, `break_even` | entry and exit costs, the APY after them, break-even day and stake |
//! | `security` | the restaking-network security benchmark: margins, cascades, bounds (§13) |
//! | `assemble` | puts the report together (no formulas) |
//! | `compare` | the worst stress of a report, the efficient frontier of several |
//!
//! Every function is total: no panics, and no NaN or infinity in a report (rates saturate at
//! [`APY_CAP`], growth at [`GROWTH_CAP`], inputs are bounded by [`validate`], whose
//! `validate::validate` checks a scenario without evaluating it).

#![warn(clippy::indexing_slicing)]

mod assemble;
mod break_even;
mod compare;
mod costs;
mod error;
mod example;
mod finite;
mod historical;
mod kind;
mod leverage;
mod montecarlo;
pub mod param;
mod pendle;
mod position;
mod projection;
mod rates;
mod report;
mod restake;
mod risk;
mod scenario;
pub mod security;
mod stress;
pub mod validate;
mod valuation;
mod r#yield;

pub use break_even::days_to_grow;
pub use compare::{efficient_frontier, worst_stress};
pub use costs::{
    gas_cost_usd, loops_paid, pendle_swap_fee, yt_pt_swapped, CostModel, GAS_PRICE_UNIT,
    MAX_BREAK_EVEN_DAYS,
};
pub use error::{Problem, ScenarioError};
pub use example::example_scenario;
pub use finite::non_finite_paths;
pub use historical::{replay_crisis, CrisisExit, CrisisResult, CrisisShock};
pub use kind::{Kind, UnknownKind};
pub use leverage::{
    days_to_liquidation, health_factor, is_liquidatable, liquidation_penalty, liquidation_ratio,
    loop_leverage, loop_leverage_closed_form, loop_leverage_sum, loop_yield_added,
    loops_for_target, max_leverage, position_health, repaid_share, CLOSE_FACTOR_HF_THRESHOLD,
    FULL_LIQUIDATION_BELOW_USD, MAX_DAYS_TO_LIQUIDATION, MAX_LOOPS, MAX_LOOP_LEVERAGE,
};
pub use montecarlo::{
    simulate, simulate_chunk, Bin, CauseCount, Histogram, LossCause, McError, McPartial, McPlan,
    McReport, HISTOGRAM_BINS, STEP_DAYS,
};
pub use param::{default_price_usd, default_volatility};
pub use pendle::{
    pt_price, years_to_maturity, yield_left, yt_backing_loss, yt_break_even_apy, yt_leverage,
    yt_long_yield_apy, yt_price, MIN_YT_PRICE,
};
pub use projection::{projection, MAX_PROJECTION_POINTS};
pub use rates::{
    annualised_yield_from_exchange_rate, apr_to_apy, apr_to_apy_periods, apy_to_apr,
    cumulative_yield_from_exchange_rate, growth_factor, APY_CAP, DAYS_PER_YEAR, GROWTH_CAP,
};
pub use report::*;
pub use restake::{avs_reward_apr, total_magnitude};
pub use risk::p_any_loss;
pub use scenario::*;
pub use validate::{
    MAX_AMOUNT, MAX_APR, MAX_AVS, MAX_GAS_PRICE, MAX_GAS_UNITS, MAX_HORIZON_DAYS, MAX_LAYERS,
    MAX_MATURITY_DAYS, MAX_MC_PATHS, MAX_PRICE_USD, MAX_TEXT_CHARS, MIN_APR,
};

/// Evaluate a scenario: validate it, then compute every per-layer and whole-stack figure and the
/// stress scenarios.
///
/// # Errors
/// A [`ScenarioError`] naming the first invalid field.
///
/// # Examples
/// ```
/// let report = restack::engine::evaluate(&restack::engine::example_scenario()).unwrap_or_else(|e| {
///     unreachable!("the example is valid: {e}")
/// });
/// assert_eq!(report.layers.len(), 4);
/// assert_eq!(report.stress.len(), 6);
/// ```
pub fn evaluate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    validate::validate(scenario)?;
    Ok(assemble::build(scenario))
}
