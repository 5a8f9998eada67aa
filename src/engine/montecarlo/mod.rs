//! Monte Carlo simulation of the whole stack over the horizon (docs/METHODOLOGY.md §11): the
//! distribution of ending equity, the odds of a loss, a liquidation and a wipe-out, VaR and CVaR,
//! and which layer's events caused the losses.
//!
//! # Model (weekly steps; the last step is shorter so the horizon is exact)
//! - **Base-asset price**: geometric Brownian motion with annual volatility σ
//!   (`mc.volatility`, default per asset: [`crate::engine::default_volatility`]) and no drift
//!   in expectation (ln b moves by −σ²Δt/2 + σ√Δt · Z), plus optional crashes of size
//!   `stress.price_drop` at annual probability `mc.p_crash`, compensated so that E[b] stays 1.
//! - **Events**: each layer's exploit (a backing loss), depeg (a market discount) and each
//!   service's slash (a backing loss), with the layer's annual probability p as a constant
//!   hazard: a step of Δt years holds an event with chance 1 − (1 − p)^Δt, at most one per step
//!   per source. Losses persist to the horizon (a depeg is realised on exit, as in §3).
//! - **Rates**: with probability `mc.p_borrow_spike` a year, every borrow APR jumps to
//!   `stress.borrow_apr` for the rest of the horizon; with `mc.p_yt_fall`, every YT's implied
//!   APY falls to `stress.yt_implied_apy` (the YT's remaining tokens are repriced).
//! - **Crisis mode** (`mc.crisis`): a crash step (the price falls by `stress.price_drop` or more
//!   within it, or a crash) carries a whole year's odds of every depeg and of the borrow spike.
//! - **Valuation**: each step revalues the position with the engine's one model
//!   ([`crate::engine::valuation`], §3) under the path's marks, carrying what earlier
//!   liquidations took (a loop can be liquidated again), its lenders seeing interest accrue
//!   (HF(t) ≈ HF₀ · e^{(y_c − ȳ_d)·t}, §2). The yield accrues as in the projection (§6): ending
//!   equity = valuation × the projection's growth to the horizon (the spiked rates' from a
//!   spike on). With σ = 0 and no event, every path ends at the projection.
//!
//! # Determinism
//! Path i's numbers come from streams keyed by (seed, i, lane) ([`rng`]), every transcendental
//! from `libm`, and partials merge by concatenation and integer sums; [`McPartial::finish`]
//! sorts before summing. Same scenario, seed and paths: the same bits in any chunking,
//! natively and in wasm32.
//!
//! # For a worker
//! ```
//! use restack::engine::{example_scenario, McPlan};
//! let mut scenario = example_scenario();
//! scenario.mc.paths = 2_000;
//! let plan = McPlan::new(&scenario).unwrap_or_else(|e| unreachable!("valid: {e}"));
//! let mut total = plan.run(0..0);
//! for start in (0..plan.paths()).step_by(500) {
//!     let chunk = plan.run(start..start + 500); // report progress, or stop, between chunks
//!     total.merge(chunk).unwrap_or_else(|e| unreachable!("disjoint chunks: {e}"));
//! }
//! let report = total.finish(&plan).unwrap_or_else(|e| unreachable!("same plan: {e}"));
//! assert_eq!(report.paths, 2_000);
//! assert!((0.0..=1.0).contains(&report.p_loss));
//! ```

// `!(x > 0.0)` is the guard wanted throughout: it is true for NaN as well.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

mod path;
mod plan;
mod rng;
mod summary;

pub use plan::{McPlan, STEP_DAYS};
pub use summary::{Bin, CauseCount, Histogram, McError, McPartial, McReport, HISTOGRAM_BINS};

use super::report::RiskKind;
use super::scenario::Scenario;
use super::ScenarioError;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a path's largest one-step fall of equity came with: an event, or none (the market).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum LossCause {
    /// No event: the base asset's price, interest accruing, yields below the debt's cost.
    Market,
    /// A crash of the base asset's price (`mc.p_crash`).
    PriceCrash,
    /// Borrow rates jumping to the stress level.
    BorrowSpike,
    /// YT implied APYs falling to the stress level.
    YtFall,
    /// A layer's risk event.
    Event {
        /// The layer.
        layer: usize,
        /// Exploit, depeg or slash.
        kind: RiskKind,
        /// The service, for a slash.
        avs: Option<usize>,
    },
}

impl McPlan {
    /// Simulate `paths` (clipped to the plan's path count) and return them as a partial. Each
    /// path depends only on the plan and its index. Allocates once per call, never per step.
    pub fn run(&self, paths: Range<u32>) -> McPartial {
        let start = paths.start.min(self.paths);
        let end = paths.end.clamp(start, self.paths);
        let mut partial = McPartial::empty(self);
        let mut scratch = path::Scratch::default();
        partial.record(
            start..end,
            (start..end).map(|i| path::run(self, i, &mut scratch)),
        );
        partial
    }
}

/// Simulate the paths `paths` of `scenario` (its `mc` settings): a worker's chunk.
///
/// # Errors
/// The scenario's first invalid field. A worker running many chunks should build one
/// [`McPlan`] and call [`McPlan::run`] instead.
pub fn simulate_chunk(scenario: &Scenario, paths: Range<u32>) -> Result<McPartial, ScenarioError> {
    Ok(McPlan::new(scenario)?.run(paths))
}

/// Simulate every path of `scenario` and summarise them.
///
/// # Errors
/// The scenario's first invalid field.
pub fn simulate(scenario: &Scenario) -> Result<McReport, ScenarioError> {
    let plan = McPlan::new(scenario)?;
    let partial = plan.run(0..plan.paths());
    // A partial finishes with its own plan.
    Ok(partial
        .finish(&plan)
        .unwrap_or_else(|_| empty_report(&plan)))
}

/// A report of no paths (never reached: a plan's own partial always finishes).
fn empty_report(plan: &McPlan) -> McReport {
    McReport {
        paths: 0,
        seed: plan.seed,
        steps: plan.n_steps,
        step_days: STEP_DAYS,
        last_step_days: plan.last_days,
        horizon_days: plan.horizon_days,
        volatility: plan.price.sigma,
        equity_usd: plan.equity_usd,
        projected_equity: 1.0,
        mean_equity: 0.0,
        median_equity: 0.0,
        p5_equity: 0.0,
        median_apy: 0.0,
        p5_apy: 0.0,
        p_loss: 0.0,
        p_liquidation: 0.0,
        p_wipeout: 0.0,
        p_below_hold: 0.0,
        expected_loss: 0.0,
        var95: 0.0,
        cvar95: 0.0,
        histogram: Histogram {
            bins: Vec::new(),
            below: 0,
            above: 0,
        },
        loss_causes: Vec::new(),
        main_loss_cause: None,
    }
}
