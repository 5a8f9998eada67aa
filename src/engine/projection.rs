//! Projected value over the horizon, against simply holding the asset (docs/METHODOLOGY.md §6).

use super::r#yield::{walk, Step};
use super::rates::{apr_to_apy, finite_or, growth_factor, DAYS_PER_YEAR};
use super::report::{Maturity, ProjectionPoint};
use super::scenario::{Layer, LayerKind, Scenario};

/// Most points in a projected series (enough for a smooth chart, small enough for a share card).
pub const MAX_PROJECTION_POINTS: usize = 60;

/// Growth factor from day 0 to `day` when the net APY is `apy` until the first maturity and each
/// [`Maturity::apy_after`] from its day on (the projection's, and the Monte Carlo simulation's
/// accrued yield, docs/METHODOLOGY.md §6 and §11).
pub(crate) fn growth_to(day: f64, apy: f64, maturities: &[Maturity]) -> f64 {
    let mut g = 1.0;
    let mut from = 0.0;
    let mut rate = apy;
    for m in maturities {
        if m.day >= day {
            break;
        }
        g *= growth_factor(rate, (m.day - from) / DAYS_PER_YEAR);
        from = m.day;
        rate = m.apy_after;
    }
    g * growth_factor(rate, (day - from).max(0.0) / DAYS_PER_YEAR)
}

/// The projected series from day 0 to the horizon.
///
/// # Formula
/// strategy(day) = equity · Π (1 + APY_k)^(Δdays_k / 365) over the segments between maturities
/// (via [`growth_factor`], saturating): the net APY until the first PT or YT matures, then the
/// APY of the stack without the matured layers (a PT has redeemed into its underlying, a YT has
/// paid out its yield and is worth 0). hold(day) = equity: both at constant prices, so the gap is
/// the yield alone. Points are evenly spaced, daily for short horizons:
/// n = clamp(⌈horizon⌉ + 1, 2, 60), the first at day 0 and the last exactly at the horizon.
/// `maturities` must be sorted by day.
pub fn projection(
    equity_usd: f64,
    net_apy: f64,
    horizon_days: f64,
    maturities: &[Maturity],
) -> Vec<ProjectionPoint> {
    let horizon = if horizon_days.is_finite() && horizon_days > 0.0 {
        horizon_days
    } else {
        0.0
    };
    let wanted = (horizon.ceil() + 1.0).clamp(2.0, MAX_PROJECTION_POINTS as f64);
    // `wanted` is an integer in [2, 60], so the cast is exact.
    let n = wanted as usize;
    let last = (n - 1) as f64;
    (0..n)
        .map(|k| {
            let day = if k + 1 == n {
                horizon
            } else {
                horizon * k as f64 / last
            };
            ProjectionPoint {
                day,
                strategy_usd: finite_or(equity_usd * growth_to(day, net_apy, maturities), 0.0),
                hold_usd: equity_usd,
            }
        })
        .collect()
}

/// Equity APR after a step, points included when the settings say so.
pub(crate) fn equity_apr(step: &Step, with_points: bool) -> f64 {
    finite_or(
        step.equity_apr
            + if with_points {
                step.points_equity_apr
            } else {
                0.0
            },
        0.0,
    )
}

/// Days to maturity of a Pendle layer that has not matured yet.
fn maturity_days(layer: &Layer) -> Option<f64> {
    match &layer.kind {
        LayerKind::PendlePt { maturity_days, .. } | LayerKind::PendleYt { maturity_days, .. } => {
            (*maturity_days > 0.0).then_some(*maturity_days)
        }
        _ => None,
    }
}

/// The Pendle layers that mature before `before_day` (the horizon for the projection), in order
/// of day, each with the net APY of the stack without every layer matured by then
/// (docs/METHODOLOGY.md §6). `borrow_floor` raises every loop's borrow APR as in [`walk`] (the
/// Monte Carlo simulation's borrow spike, §11).
pub(crate) fn maturities(
    s: &Scenario,
    before_day: f64,
    with_points: bool,
    borrow_floor: Option<f64>,
) -> Vec<Maturity> {
    let mut due: Vec<(usize, f64)> = s
        .layers
        .iter()
        .enumerate()
        .filter_map(|(i, l)| maturity_days(l).map(|d| (i, d)))
        .filter(|(_, d)| *d < before_day)
        .collect();
    // At most 16 layers: an insertion sort by day, then layer (stable, and far smaller in the
    // wasm than the standard library's general sort).
    for i in 1..due.len() {
        let mut j = i;
        while j > 0 {
            let (Some(a), Some(b)) = (due.get(j - 1), due.get(j)) else {
                break;
            };
            if a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)).is_le() {
                break;
            }
            due.swap(j - 1, j);
            j -= 1;
        }
    }
    due.iter()
        .map(|&(layer, day)| {
            let remaining: Vec<Layer> = s
                .layers
                .iter()
                .filter(|l| maturity_days(l).is_none_or(|d| d > day))
                .cloned()
                .collect();
            let apy_after = walk(&remaining, borrow_floor)
                .last()
                .map_or(0.0, |st| apr_to_apy(equity_apr(st, with_points)));
            Maturity {
                layer,
                day,
                apy_after,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for USD values computed from round numbers.
    const TOL_USD: f64 = 1e-6;

    #[test]
    fn projection_table() {
        // (what, equity, apy, horizon, expected points, expected last strategy value)
        let cases: [(&str, f64, f64, f64, usize, f64); 4] = [
            // 96,000 · 1.05 = 100,800
            ("one year at 5 %", 96_000.0, 0.05, 365.0, 60, 100_800.0),
            ("short horizon is daily", 1_000.0, 0.0, 10.0, 11, 1_000.0),
            // a horizon shorter than a day still gives a start and an end point
            ("fraction of a day", 1_000.0, 0.0, 0.5, 2, 1_000.0),
            // 1,000 · 0.8^2 = 640: negative APY is shown, not clamped
            ("two years at −20 %", 1_000.0, -0.2, 730.0, 60, 640.0),
        ];
        for (what, equity, apy, horizon, n, last) in cases {
            let p = projection(equity, apy, horizon, &[]);
            assert_eq!(p.len(), n, "{what}");
            assert_eq!(p.first().map(|x| x.day), Some(0.0), "{what}");
            assert_eq!(p.last().map(|x| x.day), Some(horizon), "{what}");
            let got = p.last().map_or(f64::NAN, |x| x.strategy_usd);
            assert!((got - last).abs() < TOL_USD, "{what}: {got}");
            assert!(p.iter().all(|x| x.hold_usd == equity), "{what}");
        }
    }

    #[test]
    fn a_maturity_switches_the_rate() {
        // 1,000 at 20 % for 73 days (0.2 years), then 5 % for the remaining 292 days (0.8 years):
        // 1,000 · 1.2^0.2 · 1.05^0.8 = 1,000 · 1.0371373 · 1.0398039 = 1,078.4194.
        let m = [Maturity {
            layer: 3,
            day: 73.0,
            apy_after: 0.05,
        }];
        let p = projection(1_000.0, 0.2, 365.0, &m);
        let last = p.last().map_or(f64::NAN, |x| x.strategy_usd);
        assert!((last - 1_078.419_4).abs() < 1e-3, "{last}");
        // Before the maturity nothing changes.
        assert!((growth_to(73.0, 0.2, &m) - 1.2_f64.powf(0.2)).abs() < 1e-12);
    }
}
