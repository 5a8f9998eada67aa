//! Deterministic stress scenarios (docs/METHODOLOGY.md §7): base-asset price drop, derivative
//! depeg (small and large), AVS slash, borrow-rate spike, YT implied-APY collapse.
//!
//! Each price shock is revalued on the whole position by [`super::valuation::revalue`], the same
//! model as the risk events: a depeg hits "the derivative", the lowest non-loop layer whose token
//! trades on a market, and every token above it; a slash hits every restake layer, capped by its
//! allocated magnitude; the YT collapse reprices every YT at the new implied APY. The borrow spike
//! changes no price: it reports the new net APY and the time until negative carry liquidates
//! ([`super::position::days_to_liquidation_by_carry`]). The outcome is typed
//! ([`StressDetail`]); the UI words it.

use super::leverage::is_liquidatable;
use super::pendle::yt_price;
use super::position::days_to_liquidation_by_carry;
use super::r#yield::{walk, Step};
use super::rates::{apr_to_apy, finite_or};
use super::report::{DebtExposure, HealthFactor, StressDetail, StressKind, StressResult};
use super::restake::total_magnitude;
use super::risk::Positions;
use super::scenario::{DebtAsset, Layer, LayerKind, Scenario};
use super::valuation::{Backing, Shock, Valuation, NO_SHOCK};

/// Inputs every stress row needs besides the shock.
pub(crate) struct StressInput<'a> {
    /// The scenario (layers, stress sizes, asset).
    pub scenario: &'a Scenario,
    /// The position (layers, walk, today's valuation).
    pub positions: &'a Positions<'a>,
    /// The loops' health factors today, per layer (for the time to liquidation by carry).
    pub health: &'a [HealthFactor],
    /// Net APY today (as in the summary).
    pub net_apy: f64,
}

/// Index of the derivative a depeg hits: the lowest non-loop layer whose token trades on a market.
pub(crate) fn derivative_index(layers: &[Layer]) -> Option<usize> {
    layers
        .iter()
        .position(|l| l.risk.instant_exit && !matches!(l.kind, LayerKind::Loop { .. }))
}

/// Run the six stress scenarios, in the order of [`StressKind`].
pub(crate) fn run(input: &StressInput<'_>) -> Vec<StressResult> {
    let s = &input.scenario.stress;
    vec![
        price_drop(input, s.price_drop),
        depeg(input, StressKind::DepegSmall, s.depeg_small),
        depeg(input, StressKind::DepegLarge, s.depeg_large),
        avs_slash(input, s.avs_slash),
        borrow_spike(input, s.borrow_apr),
        yt_collapse(input, s.yt_implied_apy),
    ]
}

fn steps<'a>(input: &'a StressInput<'_>) -> &'a [Step] {
    input.positions.steps
}

fn price_drop(input: &StressInput<'_>, d: f64) -> StressResult {
    let v = input.positions.value(&Shock {
        base_price: 1.0 - d,
        ..NO_SHOCK
    });
    let loops = || steps(input).iter().filter_map(|s| s.loop_step);
    let debt = if loops().any(|l| l.debt == DebtAsset::Usd) {
        DebtExposure::Usd
    } else if loops().next().is_some() {
        DebtExposure::BaseOnly
    } else {
        DebtExposure::NoDebt
    };
    result(
        input,
        StressKind::PriceDrop,
        d,
        &v,
        StressDetail::PriceDrop { debt },
    )
}

fn depeg(input: &StressInput<'_>, kind: StressKind, d: f64) -> StressResult {
    let layers = input.positions.layers;
    let derivative = derivative_index(layers);
    let v = input.positions.value(&Shock {
        discount: derivative.map(|i| (i, d)),
        ..NO_SHOCK
    });
    let above: Vec<(usize, super::r#yield::LoopStep)> = match derivative {
        Some(der) => steps(input)
            .iter()
            .enumerate()
            .skip(der)
            .filter_map(|(i, s)| s.loop_step.map(|l| (i, l)))
            .collect(),
        None => Vec::new(),
    };
    let non_market_loop = above
        .iter()
        .find(|(_, l)| !l.oracle.follows_market())
        .map(|(i, l)| (*i, l.oracle));
    let exit_days = layers.iter().map(|l| l.risk.exit_days).fold(0.0, f64::max);
    result(
        input,
        kind,
        d,
        &v,
        StressDetail::Depeg {
            derivative,
            non_market_loop,
            loops_above: !above.is_empty(),
            exit_days,
        },
    )
}

fn avs_slash(input: &StressInput<'_>, s: f64) -> StressResult {
    let v = input.positions.value(&Shock {
        backing: Backing::EveryRestake { slash: s },
        ..NO_SHOCK
    });
    let magnitudes: Vec<f64> = input
        .positions
        .layers
        .iter()
        .filter_map(|l| match &l.kind {
            LayerKind::Restake { avs, .. } => Some(total_magnitude(avs)),
            _ => None,
        })
        .collect();
    let detail = StressDetail::Slash {
        restaked: !magnitudes.is_empty(),
        capped: magnitudes.iter().any(|m| *m < s),
    };
    result(input, StressKind::AvsSlash, s, &v, detail)
}

/// What a borrow rate of `rate` on every loop does: the new net APY, and the loop negative
/// carry liquidates first with the days it takes (ties go to the lowest layer; `None` days: it
/// never gets there). Shared by the borrow spike and the historical crises.
pub(crate) struct CarryOutcome {
    /// Whether the stack borrows at all.
    pub borrows: bool,
    /// Net APY on equity at the new rate.
    pub net_apy_after: f64,
    /// The loop negative carry liquidates first, and in how many days.
    pub first: Option<(usize, Option<f64>)>,
}

pub(crate) fn carry_at(input: &StressInput<'_>, rate: f64) -> CarryOutcome {
    let sc = input.scenario;
    let spiked = walk(&sc.layers, Some(rate));
    let net_apr = spiked.last().map_or(0.0, |s| s.equity_apr)
        + if sc.risk.include_points {
            spiked.last().map_or(0.0, |s| s.points_equity_apr)
        } else {
            0.0
        };
    let mut first: Option<(usize, Option<f64>)> = None;
    for (i, step) in spiked.iter().enumerate() {
        let Some(l) = step.loop_step else { continue };
        let debt = step.debt_base + step.debt_usd;
        if debt.is_nan() || debt <= 0.0 || step.debt_cost_apr / debt <= l.collateral_apr {
            continue;
        }
        let health = input.health.get(i).copied().unwrap_or(HealthFactor::NoDebt);
        let days = days_to_liquidation_by_carry(step, health);
        let better = match first {
            None => true,
            Some((_, best)) => days.unwrap_or(f64::INFINITY) < best.unwrap_or(f64::INFINITY),
        };
        if better {
            first = Some((i, days));
        }
    }
    CarryOutcome {
        borrows: spiked.iter().any(|s| s.loop_step.is_some()),
        net_apy_after: apr_to_apy(net_apr),
        first,
    }
}

fn borrow_spike(input: &StressInput<'_>, rate: f64) -> StressResult {
    let carry = carry_at(input, rate);
    let v = input.positions.today;
    let first = carry.first;
    let mut r = result(
        input,
        StressKind::BorrowSpike,
        rate,
        &v,
        StressDetail::BorrowSpike {
            borrows: carry.borrows,
            carry_loop: first.map(|(i, _)| i),
        },
    );
    r.breaks_first = first.map(|(i, _)| i).or(r.breaks_first);
    r.net_apy_after = carry.net_apy_after;
    r.days_to_liquidation = first.and_then(|(_, d)| d);
    r
}

fn yt_collapse(input: &StressInput<'_>, y: f64) -> StressResult {
    let v = input.positions.value(&Shock {
        yt_implied_apy: Some(y),
        ..NO_SHOCK
    });
    let yt = steps(input)
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.yt.map(|t| (i, t.price, yt_price(y, t.maturity_days))));
    result(
        input,
        StressKind::YtCollapse,
        y,
        &v,
        StressDetail::YtCollapse { yt },
    )
}

fn result(
    input: &StressInput<'_>,
    kind: StressKind,
    shock: f64,
    v: &Valuation,
    detail: StressDetail,
) -> StressResult {
    let ratio = finite_or(v.equity, 0.0).max(0.0);
    let equity_usd = input.positions.equity_usd;
    StressResult {
        kind,
        shock,
        equity_after_usd: finite_or(equity_usd * ratio, 0.0),
        equity_change: ratio - 1.0,
        liquidated: is_liquidatable(v.health_after),
        liquidated_at: v.liquidated_at,
        repaid_share: v.repaid_share,
        wiped_at: v.wiped_at,
        breaks_first: match (v.liquidated_at, v.wiped_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        health_after: v.health_after,
        net_apy_after: input.net_apy,
        days_to_liquidation: None,
        detail,
    }
}
