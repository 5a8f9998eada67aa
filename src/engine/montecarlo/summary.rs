//! Paths → figures (docs/METHODOLOGY.md §11, "Outputs"). A [`McPartial`] holds the ending
//! equities of the paths it ran (in any order) and integer counts; merging is concatenation and
//! integer addition, and [`McPartial::finish`] sorts the equities before computing anything, so
//! any chunking of the same paths gives the same bits.

use super::path::Outcome;
use super::plan::McPlan;
use super::LossCause;
use crate::engine::rates::{finite_or, APY_CAP, DAYS_PER_YEAR};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Bins of the ending-equity histogram.
pub const HISTOGRAM_BINS: usize = 40;

/// Share of paths left out at each end of the histogram's range (they are counted in its first
/// and last bins): the range is the 0.5th to the 99.5th percentile, so one extreme path cannot
/// squeeze the others into a single bar.
const HISTOGRAM_TAIL: f64 = 0.005;

/// Why partials cannot be merged or finished.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum McError {
    /// The two hold some of the same paths.
    #[error("paths {start}..{end} were merged twice")]
    Overlap {
        /// First path held by both.
        start: u32,
        /// One past the last.
        end: u32,
    },
    /// The partial comes from another scenario or other settings.
    #[error("the partial was simulated for another scenario or other settings")]
    OtherPlan,
}

/// The paths of one or more chunks, ready to merge with others and to summarise.
#[derive(Debug, Clone, PartialEq)]
pub struct McPartial {
    digest: u64,
    /// Paths held: sorted, disjoint, coalesced.
    ranges: Vec<Range<u32>>,
    /// Ending equity of each path held, relative to today's (any order).
    equity: Vec<f64>,
    /// Paths ending below what holding the base asset became.
    below_hold: u32,
    /// Paths with a liquidation.
    liquidated: u32,
    /// Paths wiped out.
    wiped: u32,
    /// Loss paths by cause: index 0 the market, 1 + i source i.
    causes: Vec<u32>,
}

impl McPartial {
    /// No paths yet, for `plan`.
    pub(super) fn empty(plan: &McPlan) -> McPartial {
        McPartial {
            digest: plan.digest,
            ranges: Vec::new(),
            equity: Vec::new(),
            below_hold: 0,
            liquidated: 0,
            wiped: 0,
            causes: vec![0; plan.sources.len() + 1],
        }
    }

    /// Record the outcomes of `paths` (a contiguous range, each path once).
    pub(super) fn record(&mut self, paths: Range<u32>, outcomes: impl Iterator<Item = Outcome>) {
        for o in outcomes {
            self.equity.push(o.equity);
            self.below_hold += u32::from(o.equity < o.hold);
            self.liquidated += u32::from(o.liquidated);
            self.wiped += u32::from(o.wiped);
            if o.equity < 1.0 {
                let slot = o.cause.map_or(0, |i| i + 1);
                if let Some(c) = self.causes.get_mut(slot) {
                    *c += 1;
                }
            }
        }
        if !paths.is_empty() {
            self.ranges.push(paths);
        }
    }

    /// Paths held so far (for a progress bar).
    pub fn paths_done(&self) -> u32 {
        u32::try_from(self.equity.len()).unwrap_or(u32::MAX)
    }

    /// The ranges of paths held, sorted and coalesced.
    pub fn ranges(&self) -> &[Range<u32>] {
        &self.ranges
    }

    /// Add `other`'s paths. Chunks may be merged in any order and grouping; the result is the
    /// same bits.
    ///
    /// # Errors
    /// [`McError::OtherPlan`] when `other` comes from another plan, [`McError::Overlap`] when
    /// both hold a path; `self` is then unchanged.
    pub fn merge(&mut self, other: McPartial) -> Result<(), McError> {
        if other.digest != self.digest || other.causes.len() != self.causes.len() {
            return Err(McError::OtherPlan);
        }
        for a in &self.ranges {
            for b in &other.ranges {
                let start = a.start.max(b.start);
                let end = a.end.min(b.end);
                if start < end {
                    return Err(McError::Overlap { start, end });
                }
            }
        }
        self.equity.extend(other.equity);
        self.below_hold += other.below_hold;
        self.liquidated += other.liquidated;
        self.wiped += other.wiped;
        for (c, o) in self.causes.iter_mut().zip(other.causes) {
            *c += o;
        }
        self.ranges.extend(other.ranges);
        self.ranges.sort_unstable_by_key(|r| r.start);
        let mut coalesced: Vec<Range<u32>> = Vec::with_capacity(self.ranges.len());
        for r in self.ranges.drain(..) {
            match coalesced.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => coalesced.push(r),
            }
        }
        self.ranges = coalesced;
        Ok(())
    }

    /// The figures of the paths held (all of the plan's once every chunk is merged).
    ///
    /// # Errors
    /// [`McError::OtherPlan`] when the partial comes from another plan.
    pub fn finish(&self, plan: &McPlan) -> Result<McReport, McError> {
        if self.digest != plan.digest || self.causes.len() != plan.sources.len() + 1 {
            return Err(McError::OtherPlan);
        }
        let mut sorted = self.equity.clone();
        sorted.sort_unstable_by(f64::total_cmp);
        Ok(summarise(plan, &sorted, self))
    }
}

/// One bar of the histogram: paths whose ending equity (relative to today's) is in
/// [`from`, `to`) (the last bar includes `to`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower edge, relative to today's equity.
    pub from: f64,
    /// Upper edge.
    pub to: f64,
    /// Paths in it.
    pub paths: u32,
}

/// The ending-equity histogram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// [`HISTOGRAM_BINS`] bars of equal width from the 0.5th to the 99.5th percentile (one bar
    /// when every path ends at the same equity).
    pub bins: Vec<Bin>,
    /// Paths below the first bar's lower edge, counted in it.
    pub below: u32,
    /// Paths above the last bar's upper edge, counted in it.
    pub above: u32,
}

/// How many loss paths a cause explains.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CauseCount {
    /// The cause.
    pub cause: LossCause,
    /// Paths ending in a loss whose largest one-step fall it caused.
    pub paths: u32,
    /// Its share of the loss paths.
    pub share: f64,
}

/// The figures of a simulation (docs/METHODOLOGY.md §11). Equities are relative to today's
/// (1 = unchanged); returns are APYs over the horizon; losses are fractions of today's equity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct McReport {
    /// Paths summarised.
    pub paths: u32,
    /// Seed used.
    pub seed: u64,
    /// Steps per path.
    pub steps: u32,
    /// Days of a step (7) and of the last one (≤ 7).
    pub step_days: f64,
    /// Days of the last step.
    pub last_step_days: f64,
    /// Horizon in days.
    pub horizon_days: f64,
    /// Annual volatility of the base asset used.
    pub volatility: f64,
    /// Today's equity in USD (multiply an equity ratio by it for dollars).
    pub equity_usd: f64,
    /// The deterministic projection's ending equity (constant prices, no event).
    pub projected_equity: f64,
    /// Mean ending equity.
    pub mean_equity: f64,
    /// Median ending equity.
    pub median_equity: f64,
    /// 5th-percentile ending equity.
    pub p5_equity: f64,
    /// The median ending equity as an APY over the horizon.
    pub median_apy: f64,
    /// The 5th-percentile ending equity as an APY over the horizon.
    pub p5_apy: f64,
    /// Share of paths ending below today's equity.
    pub p_loss: f64,
    /// Share of paths on which a loop was liquidated (whether or not equity survived).
    pub p_liquidation: f64,
    /// Share of paths whose equity reached 0.
    pub p_wipeout: f64,
    /// Share of paths ending below what holding the base asset became.
    pub p_below_hold: f64,
    /// Mean loss below today's equity, gains counted as 0.
    pub expected_loss: f64,
    /// Value at risk, 95 %: the loss at the 5th-percentile path, 1 − that path's equity
    /// (negative when even that path gains).
    pub var95: f64,
    /// Conditional value at risk, 95 %: the mean loss of the worst 5 % of paths.
    pub cvar95: f64,
    /// The ending-equity histogram.
    pub histogram: Histogram,
    /// Causes of the loss paths, most frequent first.
    pub loss_causes: Vec<CauseCount>,
    /// The most frequent cause, if any path ended in a loss.
    pub main_loss_cause: Option<LossCause>,
}

/// The value at the q-quantile of `sorted` by nearest rank: index ⌈q · n⌉ − 1.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let rank = (q * n as f64).ceil();
    // `rank` is in [0, n]; the cast is exact for n ≤ 1,000,000.
    let index = (rank as usize).saturating_sub(1).min(n - 1);
    sorted.get(index).copied().unwrap_or(0.0)
}

/// An ending equity ratio over `days` as an APY.
///
/// # Formula
/// APY = ratio^(365 / days) − 1 (§1), as expm1(365/days · ln ratio); −1 for a ratio ≤ 0, capped
/// at [`APY_CAP`].
fn annualise(ratio: f64, days: f64) -> f64 {
    if !(ratio > 0.0) || !(days > 0.0) {
        return -1.0;
    }
    let ln = libm::log(ratio) * DAYS_PER_YEAR / days;
    if !(ln < libm::log1p(APY_CAP)) {
        return if ln.is_nan() { -1.0 } else { APY_CAP };
    }
    libm::expm1(ln).clamp(-1.0, APY_CAP)
}

fn share(count: u32, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        f64::from(count) / n as f64
    }
}

fn histogram(sorted: &[f64]) -> Histogram {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Histogram {
            bins: Vec::new(),
            below: 0,
            above: 0,
        };
    };
    let mut lo = quantile(sorted, HISTOGRAM_TAIL);
    let mut hi = quantile(sorted, 1.0 - HISTOGRAM_TAIL);
    if !(hi > lo) {
        lo = min;
        hi = max;
    }
    let n = u32::try_from(sorted.len()).unwrap_or(u32::MAX);
    if !(hi > lo) {
        return Histogram {
            bins: vec![Bin {
                from: lo,
                to: hi,
                paths: n,
            }],
            below: 0,
            above: 0,
        };
    }
    let width = (hi - lo) / HISTOGRAM_BINS as f64;
    let mut bins: Vec<Bin> = (0..HISTOGRAM_BINS)
        .map(|i| Bin {
            from: lo + width * i as f64,
            to: if i + 1 == HISTOGRAM_BINS {
                hi
            } else {
                lo + width * (i + 1) as f64
            },
            paths: 0,
        })
        .collect();
    let (mut below, mut above) = (0, 0);
    for &x in sorted {
        below += u32::from(x < lo);
        above += u32::from(x > hi);
        let slot = ((x - lo) / width)
            .floor()
            .clamp(0.0, (HISTOGRAM_BINS - 1) as f64);
        // `slot` is an integer in [0, 39].
        if let Some(b) = bins.get_mut(slot as usize) {
            b.paths += 1;
        }
    }
    Histogram { bins, below, above }
}

fn summarise(plan: &McPlan, sorted: &[f64], partial: &McPartial) -> McReport {
    let n = sorted.len();
    let nf = n.max(1) as f64;
    // Sums in ascending order: the same bits whatever the chunking.
    let mean_equity = sorted.iter().sum::<f64>() / nf;
    let expected_loss = sorted.iter().map(|e| (1.0 - e).max(0.0)).sum::<f64>() / nf;
    let losses = sorted.partition_point(|e| *e < 1.0);
    let tail = ((0.05 * n as f64).ceil() as usize).clamp(1, n.max(1));
    let worst: &[f64] = sorted.get(..tail.min(n)).unwrap_or(&[]);
    let cvar95 = if worst.is_empty() {
        0.0
    } else {
        1.0 - worst.iter().sum::<f64>() / worst.len() as f64
    };
    let median_equity = quantile(sorted, 0.5);
    let p5_equity = quantile(sorted, 0.05);
    let horizon = plan.horizon_days;
    let mut loss_causes: Vec<CauseCount> = partial
        .causes
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(slot, c)| CauseCount {
            cause: match slot.checked_sub(1) {
                None => LossCause::Market,
                Some(i) => plan.sources.get(i).map_or(LossCause::Market, |s| s.cause),
            },
            paths: *c,
            share: share(*c, losses),
        })
        .collect();
    // Most frequent first; ties keep the sources' order (stable).
    loss_causes.sort_by_key(|b| std::cmp::Reverse(b.paths));
    let f = |x: f64| finite_or(x, 0.0);
    McReport {
        paths: partial.paths_done(),
        seed: plan.seed,
        steps: plan.n_steps,
        step_days: super::plan::STEP_DAYS,
        last_step_days: plan.last_days,
        horizon_days: horizon,
        volatility: plan.price.sigma,
        equity_usd: plan.equity_usd,
        projected_equity: f(plan
            .normal
            .growth
            .get(plan.n_steps as usize)
            .copied()
            .unwrap_or(1.0)),
        mean_equity: f(mean_equity),
        median_equity: f(median_equity),
        p5_equity: f(p5_equity),
        median_apy: annualise(median_equity, horizon),
        p5_apy: annualise(p5_equity, horizon),
        p_loss: share(u32::try_from(losses).unwrap_or(u32::MAX), n),
        p_liquidation: share(partial.liquidated, n),
        p_wipeout: share(partial.wiped, n),
        p_below_hold: share(partial.below_hold, n),
        expected_loss: f(expected_loss),
        var95: f(1.0 - p5_equity),
        cvar95: f(cvar95),
        histogram: histogram(sorted),
        main_loss_cause: loss_causes.first().map(|c| c.cause),
        loss_causes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        // n = 20: the 5th percentile is the ⌈1⌉ = 1st value, the median the 10th.
        let sorted: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(quantile(&sorted, 0.05), 1.0);
        assert_eq!(quantile(&sorted, 0.5), 10.0);
        assert_eq!(quantile(&sorted, 1.0), 20.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }

    #[test]
    fn annualised_returns() {
        // 1.05 over a year is 5 %; 1.05 over half a year is 1.05² − 1 = 10.25 %.
        assert!((annualise(1.05, 365.0) - 0.05).abs() < 1e-12);
        assert!((annualise(1.05, 182.5) - 0.1025).abs() < 1e-12);
        assert_eq!(annualise(0.0, 365.0), -1.0);
        assert_eq!(annualise(1e6, 1.0), APY_CAP);
    }

    #[test]
    fn histogram_counts_every_path_once() {
        // 1,000 values 0.000, 0.001, …: the range is the 0.5th to 99.5th percentile, the five
        // values on each side outside it are counted in the end bars.
        let sorted: Vec<f64> = (0..1000).map(|i| f64::from(i) / 1000.0).collect();
        let h = histogram(&sorted);
        assert_eq!(h.bins.len(), HISTOGRAM_BINS);
        assert_eq!(h.bins.iter().map(|b| b.paths).sum::<u32>(), 1000);
        assert_eq!((h.below, h.above), (4, 5));
        let same = histogram(&[0.7; 10]);
        assert_eq!(same.bins.len(), 1);
        assert_eq!(same.bins.first().map(|b| b.paths), Some(10));
    }
}
