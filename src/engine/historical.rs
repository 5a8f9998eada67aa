//! Historical crises replayed on any stack (docs/METHODOLOGY.md §7, "Historical crises"). A
//! crisis is a shock profile, not a token: the base asset's price change over the event, the
//! discount "the derivative" traded at (the lowest non-loop layer whose token trades on a market,
//! as in the depeg stresses), how long it traded below peg, the borrow rate the loops paid at the
//! peak, and the validator exit queue at the time (or redemptions closed). So every stack gets
//! every crisis. Price and discount are revalued together on the whole position by
//! [`super::valuation::revalue`] (the worst point of the event, both at once); the borrow rate
//! goes through the borrow-spike computation ([`super::stress::carry_at`]); the exit compares the
//! stack's redemption path, lengthened by the queue, with the time the discount lasted.

use super::r#yield::walk;
use super::rates::finite_or;
use super::report::HealthFactor;
use super::risk::Positions;
use super::scenario::Scenario;
use super::stress::{carry_at, derivative_index, StressInput};
use super::valuation::{Shock, NO_SHOCK};
use super::{evaluate, ScenarioError, MAX_APR};
use serde::{Deserialize, Serialize};

/// The shock profile of a crisis (the catalog's `crises`, each figure sourced there).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CrisisShock {
    /// Change of the base asset's USD price from before the event to its worst point
    /// (−0.65: fell 65 %). Clamped to [−1, 10].
    pub price_change: f64,
    /// Discount of the derivative to its backing at the worst point (0.067: 0.933 per unit).
    /// Clamped to [0, 1].
    pub depeg: f64,
    /// Days the derivative traded below peg (≥ 0).
    pub depeg_days: f64,
    /// Borrow APR the loops paid at the peak, if the event moved it.
    pub borrow_apr: Option<f64>,
    /// Validator exit queue at the time, in days; `None`: redemptions were closed (stETH before
    /// Ethereum's Shapella upgrade of April 2023, ezETH in April 2024).
    pub exit_queue_days: Option<f64>,
}

/// Whether a holder could redeem at par before the discount ended.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum CrisisExit {
    /// Redemptions were closed: the only exit was selling at the discount.
    Closed,
    /// The redemption path took `days` (the stack's longest, or the queue if longer);
    /// `in_time` when that is no longer than the time the discount lasted.
    Redeem {
        /// Days to redeem through the protocols during the event.
        days: f64,
        /// Redeemed before the discount ended.
        in_time: bool,
    },
}

/// What a crisis does to a stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrisisResult {
    /// Equity at the worst point, USD.
    pub equity_after_usd: f64,
    /// Change of equity (−1 = wiped out).
    pub equity_change: f64,
    /// Whether a loop's health factor fell below 1.
    pub liquidated: bool,
    /// First loop liquidated.
    pub liquidated_at: Option<usize>,
    /// Layer at which equity reached 0.
    pub wiped_at: Option<usize>,
    /// The layer that broke first: liquidated or wiped out, whichever is lower, else the loop
    /// the crisis's borrow rate liquidates by negative carry within the event.
    pub breaks_first: Option<usize>,
    /// Lowest health factor after the shock.
    pub health_after: HealthFactor,
    /// The layer whose token took the discount (`None`: no token trades on a market).
    pub derivative: Option<usize>,
    /// Net APY at the crisis's borrow rate (today's when it did not move).
    pub net_apy_after: f64,
    /// The loop negative carry at that rate liquidates first, and in how many days.
    pub carry_liquidation: Option<(usize, Option<f64>)>,
    /// Whether redeeming at par beat the discount.
    pub exit: CrisisExit,
}

/// Replay `shock` on `scenario` at its worst point.
///
/// # Errors
/// The scenario's first invalid field, as [`evaluate`] reports it.
pub fn replay_crisis(
    scenario: &Scenario,
    shock: &CrisisShock,
) -> Result<CrisisResult, ScenarioError> {
    let report = evaluate(scenario)?;
    let steps = walk(&scenario.layers, None);
    let equity_usd = report.summary.equity_usd;
    let positions = Positions::new(&scenario.layers, &steps, equity_usd);
    let health: Vec<HealthFactor> = report.layers.iter().map(|l| l.health).collect();
    let input = StressInput {
        scenario,
        positions: &positions,
        health: &health,
        net_apy: report.summary.net.apy,
    };
    let price_change = finite_or(shock.price_change, 0.0).clamp(-1.0, 10.0);
    let depeg = finite_or(shock.depeg, 0.0).clamp(0.0, 1.0);
    let depeg_days = finite_or(shock.depeg_days, 0.0).max(0.0);
    let derivative = derivative_index(&scenario.layers);
    let v = positions.value(&Shock {
        base_price: 1.0 + price_change,
        discount: derivative.filter(|_| depeg > 0.0).map(|i| (i, depeg)),
        ..NO_SHOCK
    });
    let carry = shock
        .borrow_apr
        .map(|r| carry_at(&input, finite_or(r, 0.0).clamp(0.0, MAX_APR)));
    // Negative carry counts as breaking the stack only if it liquidates within the event.
    let carry_break = carry
        .as_ref()
        .and_then(|c| c.first)
        .filter(|(_, days)| days.is_some_and(|d| d <= depeg_days))
        .map(|(i, _)| i);
    let ratio = finite_or(v.equity, 0.0).max(0.0);
    let exit = match shock.exit_queue_days {
        None => CrisisExit::Closed,
        Some(q) => {
            let days = report.summary.exit_days.max(finite_or(q, 0.0).max(0.0));
            CrisisExit::Redeem {
                days,
                in_time: days <= depeg_days,
            }
        }
    };
    Ok(CrisisResult {
        equity_after_usd: finite_or(equity_usd * ratio, 0.0),
        equity_change: ratio - 1.0,
        liquidated: super::leverage::is_liquidatable(v.health_after),
        liquidated_at: v.liquidated_at,
        wiped_at: v.wiped_at,
        breaks_first: match (v.liquidated_at, v.wiped_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b).or(carry_break),
        },
        health_after: v.health_after,
        derivative,
        net_apy_after: carry
            .as_ref()
            .map_or(report.summary.net.apy, |c| c.net_apy_after),
        carry_liquidation: carry.and_then(|c| c.first),
        exit,
    })
}
