//! When a stack pays for its costs (docs/METHODOLOGY.md §12): the break-even day and the
//! break-even stake of a [`CostModel`].
//!
//! Entered today and left on day T, the stack is worth, per unit of today's equity,
//! v(T) = (1 − c_in) · G(T) − c_out(T), and holding is worth 1 (constant prices, §6). The gap
//! v(T) − 1 is what the stack gains over holding after its costs.
//!
//! - G is the projection's growth: exponential at the net APY r_j between maturities.
//! - c_out(T) is non-increasing in T: only a Pendle sale depends on the day, and its fee (the
//!   days left) and a YT's value (P_YT of the days left) fall towards maturity; it drops at a
//!   maturity. So on a segment with r_j ≥ 0 the gap never decreases, and where c_out is constant
//!   it has a closed form ([`days_to_grow`]). On a segment with r_j < 0 the gap is convex (G is
//!   convex and c_out concave in T).

use super::costs::{CostModel, MAX_BREAK_EVEN_DAYS};
use super::rates::{finite_or, DAYS_PER_YEAR};
use super::report::{BreakEven, MinStake};

/// Bisection steps: 200 halvings reach the resolution of an f64 on any day in 100 years.
const MAX_STEPS: usize = 200;
/// Days: a search stops when its bracket is this narrow.
const DAY_RESOLUTION: f64 = 1e-9;
/// Two exit costs (fractions of equity) closer than this are the same cost.
const SAME_COST: f64 = 1e-15;

/// Days until a value growing at `apy` from `from_value` on day `from_day` reaches
/// `to_value`.
///
/// # Formula
/// from_value · (1 + apy)^((t − from_day) / 365) = to_value ⇒
/// t = from_day + 365 · ln(to_value / from_value) / ln(1 + apy). `None` when it never does
/// (apy ≤ 0 with to_value above from_value, non-positive values, or a non-finite answer);
/// `from_day` when `from_value` already reaches `to_value`.
///
/// # Examples
/// ```
/// // 0.99 growing at 10 % a year reaches 1 after 365 · ln(1/0.99) / ln(1.1) = 38.4888 days.
/// let t = restack::engine::days_to_grow(0.0, 0.99, 1.0, 0.10).unwrap_or(f64::NAN);
/// assert!((t - 38.488_8).abs() < 1e-4);
/// ```
pub fn days_to_grow(from_day: f64, from_value: f64, to_value: f64, apy: f64) -> Option<f64> {
    if !(from_value > 0.0 && to_value > 0.0 && from_day.is_finite()) {
        return None;
    }
    if from_value >= to_value {
        return Some(from_day);
    }
    if apy.is_nan() || apy <= 0.0 {
        return None;
    }
    let t = from_day + DAYS_PER_YEAR * (to_value / from_value).ln() / apy.ln_1p();
    t.is_finite().then_some(t)
}

impl CostModel {
    /// The gap v(T) − 1 (the left limit at a maturity when `left`).
    fn gap(&self, day: f64, left: bool) -> f64 {
        self.value_share(day, left) - 1.0
    }

    /// The APY in force on the segment starting at `day`.
    fn rate_from(&self, day: f64) -> f64 {
        self.maturities
            .iter()
            .rfind(|m| m.day <= day)
            .map_or(self.net_apy, |m| m.apy_after)
    }

    /// The first point of (`lo`, `hi`] where the gap is ≥ 0, given gap(lo) < 0 ≤ gap(hi⁻) and a
    /// gap that does not decrease in between.
    fn bisect(&self, mut lo: f64, mut hi: f64) -> f64 {
        for _ in 0..MAX_STEPS {
            if hi - lo <= DAY_RESOLUTION {
                break;
            }
            let mid = 0.5 * (lo + hi);
            if self.gap(mid, false) >= 0.0 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// The lowest gap on [`a`, `b`) (convex there) and where it is: a golden-section search.
    fn lowest(&self, a: f64, b: f64) -> (f64, f64) {
        const INV_PHI: f64 = 0.618_033_988_749_894_9;
        let (mut lo, mut hi) = (a, b);
        for _ in 0..MAX_STEPS {
            if hi - lo <= DAY_RESOLUTION {
                break;
            }
            let x1 = hi - INV_PHI * (hi - lo);
            let x2 = lo + INV_PHI * (hi - lo);
            if self.gap(x1, false) <= self.gap(x2, false) {
                hi = x2;
            } else {
                lo = x1;
            }
        }
        let at = 0.5 * (lo + hi);
        [(a, self.gap(a, false)), (at, self.gap(at, false))]
            .into_iter()
            .fold(
                (at, f64::INFINITY),
                |best, (x, g)| {
                    if g < best.1 {
                        (x, g)
                    } else {
                        best
                    }
                },
            )
    }

    /// The break-even day: the first day T from which the stack entered today and left on any
    /// day in [T, [`MAX_BREAK_EVEN_DAYS`]] is worth at least holding, after its costs.
    ///
    /// # Formula
    /// T* = min { T : v(t) ≥ 1 for every t in [T, 100 years] }, v(t) = (1 − c_in) · G(t) −
    /// c_out(t). Searched backwards over the projection's segments [a, b) between maturities
    /// (the gap is ≥ 0 from b on):
    /// - gap(b⁻) < 0: T* = b;
    /// - r ≥ 0 (the gap does not decrease): T* is where it crosses 0, in closed form when
    ///   c_out is constant on the segment, T* = a + 365 · ln((1 + c_out) / ((1 − c_in) · G(a)))
    ///   / ln(1 + r) ([`days_to_grow`]), else by bisection; none in the segment if gap(a) ≥ 0;
    /// - r < 0 with c_out constant: the gap falls, so it is ≥ 0 on the whole segment;
    /// - r < 0 otherwise (convex): from its lowest point, where it crosses 0 again.
    ///
    /// Never when entering costs the whole stake or the gap is below 0 after 100 years.
    pub fn break_even(&self) -> BreakEven {
        let e = self.equity_usd;
        let c_in = self.entry_parts().share(e);
        if c_in.is_nan() || c_in >= 1.0 || self.gap(MAX_BREAK_EVEN_DAYS, false) < 0.0 {
            return BreakEven::Never;
        }
        let mut bounds = vec![0.0_f64];
        for m in &self.maturities {
            if m.day > bounds.last().copied().unwrap_or(0.0) && m.day < MAX_BREAK_EVEN_DAYS {
                bounds.push(m.day);
            }
        }
        bounds.push(MAX_BREAK_EVEN_DAYS);
        for pair in bounds.windows(2).rev() {
            let (a, b) = match pair {
                [a, b] => (*a, *b),
                _ => continue,
            };
            if self.gap(b, true) < 0.0 {
                return BreakEven::Day(b);
            }
            let rate = self.rate_from(a);
            let c_a = self.exit_parts(a, false).1.share(e);
            let c_b = self.exit_parts(b, true).1.share(e);
            let constant = (c_a - c_b).abs() <= SAME_COST;
            if rate >= 0.0 {
                if self.gap(a, false) >= 0.0 {
                    continue;
                }
                let closed = if constant {
                    days_to_grow(a, (1.0 - c_in) * self.growth(a), 1.0 + c_a, rate)
                } else {
                    None
                };
                let t = closed.unwrap_or_else(|| self.bisect(a, b));
                return BreakEven::Day(finite_or(t, b).clamp(a, b));
            }
            if constant {
                continue;
            }
            let (at, lowest) = self.lowest(a, b);
            if lowest >= 0.0 {
                continue;
            }
            return BreakEven::Day(self.bisect(at, b));
        }
        BreakEven::Day(0.0)
    }

    /// The smallest stake that breaks even by the horizon H, at the stake's price.
    ///
    /// # Formula
    /// Gas g (USD) is fixed; fees and impact p scale with the equity E. For an exit path
    /// (redemption or market), E · v(H) ≥ E ⇔ E · k ≥ g_in · G(H) + g_out with
    /// k = (1 − p_in) · G(H) − 1 − p_out, so E_min = (g_in · G(H) + g_out) / k when k > 0 (0
    /// when there is no gas and k ≥ 0; no stake when k ≤ 0). The smaller over the two paths.
    pub fn min_stake(&self) -> MinStake {
        let h = self.horizon_days;
        let g = self.growth(h);
        let entry = self.entry_parts();
        let p_in = entry.fee + entry.impact;
        let redeem = Some(self.redeem_parts(h, false));
        let market = self.market_parts(h, false).map(|(_, p)| p);
        let best = [redeem, market]
            .into_iter()
            .flatten()
            .filter_map(|out| {
                let k = (1.0 - p_in) * g - 1.0 - (out.fee + out.impact);
                let need = entry.gas_usd * g + out.gas_usd;
                if need <= 0.0 && k >= 0.0 {
                    Some(0.0)
                } else if k > 0.0 {
                    Some(need / k).filter(|x| x.is_finite())
                } else {
                    None
                }
            })
            .fold(None, |best: Option<f64>, x| {
                Some(best.map_or(x, |b| b.min(x)))
            });
        match best {
            None => MinStake::Never,
            Some(x) if x <= 0.0 => MinStake::Any,
            Some(usd) => MinStake::Equity {
                usd,
                amount: finite_or(usd / self.price_usd, 0.0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_to_grow_cases() {
        // (from_day, from, to, apy, expected)
        let cases: [(f64, f64, f64, f64, Option<f64>); 6] = [
            // 1.1 is one year of 10 %.
            (0.0, 1.0, 1.1, 0.10, Some(365.0)),
            // From day 100: one more year.
            (100.0, 1.0, 1.1, 0.10, Some(465.0)),
            // Already there.
            (7.0, 1.2, 1.1, 0.10, Some(7.0)),
            // Never at 0 % or below.
            (0.0, 0.9, 1.0, 0.0, None),
            (0.0, 0.9, 1.0, -0.1, None),
            (0.0, 0.0, 1.0, 0.1, None),
        ];
        for (from_day, from, to, apy, want) in cases {
            let got = days_to_grow(from_day, from, to, apy);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{g} vs {w}"),
                _ => assert_eq!(got, want),
            }
        }
    }
}
