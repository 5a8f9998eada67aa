//! One simulated path, week by week (docs/METHODOLOGY.md §11): the base asset's log-price takes a
//! normal step (and a crash when one is due), the events due in the step change the layers'
//! marks, and the position is revalued with [`revalue_held`], the engine's one valuation model,
//! carrying what earlier liquidations took and the interest its lenders have seen accrue.
//!
//! A full revaluation runs only when something can have changed the position: an event, a YT
//! repriced or matured, or a health factor or an equity that the previous valuation's [`Trace`]
//! says may have crossed its line at today's price and accrued interest. Between two
//! revaluations the position is linear in the base price b (E = E_walk + α · (b − b_walk)), so
//! the ending equity needs no walk when nothing crossed. Nothing is allocated per step.

use super::plan::{Effect, McPlan, Source};
use super::rng::{path_key, Lane, Rng};
use crate::engine::rates::finite_or;
use crate::engine::validate::MAX_LAYERS;
use crate::engine::valuation::{
    revalue_held, Held, LayerMark, Marks, Trace, YtMatured, UNMARKED, WIPE_EPS,
};

/// How one path ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Outcome {
    /// Ending equity relative to today's (0 when wiped out).
    pub equity: f64,
    /// What holding the base asset became: its price relative to today's.
    pub hold: f64,
    /// Whether any loop was liquidated on the path.
    pub liquidated: bool,
    /// Whether equity reached 0.
    pub wiped: bool,
    /// The source whose event cost the most in one step (`None`: the market, no event).
    pub cause: Option<usize>,
}

/// One event source's state on a path.
#[derive(Debug, Clone)]
struct Pending {
    lane: Lane,
    /// The step of its next event.
    next: Option<u32>,
    /// A source that happens once has happened.
    done: bool,
}

/// Buffers reused from path to path (one per chunk).
#[derive(Debug, Clone, Default)]
pub(super) struct Scratch {
    pending: Vec<Pending>,
    /// The linear forms of today's position (the same for every path).
    start: Option<Linear>,
}

/// The step of `source`'s first event: a uniform at or above the chance of any event before
/// the horizon means none; below it, the exponential wait −ln(1 − u) · 365/λ (the same draw, so
/// the same distribution as always taking the logarithm).
fn first(plan: &McPlan, source: &Source, lane: &mut Lane) -> Option<u32> {
    let u = lane.uniform();
    if u >= source.p_horizon {
        return None;
    }
    plan.step_of(finite_or(
        Lane::exponential_of(u) * source.mean_wait_days,
        f64::MAX,
    ))
}

/// The step of `source`'s next event after one at step `k`: an exponential wait from the
/// step's end (at most one event per step).
fn after(plan: &McPlan, source: &Source, lane: &mut Lane, k: u32) -> Option<u32> {
    let wait = Lane::exponential_of(lane.uniform()) * source.mean_wait_days;
    plan.step_of(plan.end_day(k) + finite_or(wait, f64::MAX))
}

/// What the last valuation says about the position at other prices, until the marks change.
#[derive(Debug, Clone, Copy)]
struct Linear {
    /// b at the last valuation.
    b_walk: f64,
    /// Its equity then.
    equity_walk: f64,
    /// The top layer's coefficient of b.
    slope: f64,
    /// Without USD debt: the smallest coefficient of b of the layers walked, and its log.
    min_equity_b: f64,
    ln_min_equity_b: f64,
    /// With USD debt: every layer's equity stays above the wipe-out line while b exceeds it.
    b_clear: f64,
    /// Every loop's health factor stays at or above 1 until the horizon (at the highest accrual
    /// to come) while ln b exceeds this; +∞ when no price is safe, −∞ when every price is.
    ln_b_safe: f64,
}

impl Linear {
    /// The linear forms of `trace` (valued at `b_walk`, equity `equity_walk`), for the steps
    /// from `from_k` on.
    fn of(
        plan: &McPlan,
        trace: &Trace,
        (b_walk, equity_walk): (f64, f64),
        from_k: u32,
        spike_end: Option<u32>,
    ) -> Linear {
        let n_layers = plan.layers.len().min(MAX_LAYERS);
        let walked = trace.walked.min(MAX_LAYERS);
        let top = if walked == n_layers && n_layers > 0 {
            trace.equity_b.get(n_layers - 1).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        let mut min_equity_b = f64::INFINITY;
        let mut b_clear = 0.0_f64;
        for (eb, eu) in trace.equity_b.iter().zip(&trace.equity_usd).take(walked) {
            min_equity_b = min_equity_b.min(*eb);
            // b · α − β > ε · max(b, 1) for every b above both (β + ε)/α and β/(α − ε).
            b_clear = if *eb > WIPE_EPS {
                b_clear.max((eu + WIPE_EPS) / eb).max(eu / (eb - WIPE_EPS))
            } else {
                f64::INFINITY
            };
        }
        // Loop i is safe at b while b · (C_i − D_base,i · d) ≥ D_usd,i · d for the highest
        // accrual d to come (the accrual moves one way within a regime, so its highest is now
        // or at the horizon): b ≥ D_usd,i · d / (C_i − D_base,i · d).
        let last = plan.n_steps.saturating_sub(1);
        let mut b_safe = b_clear;
        for &i in &plan.loop_layers {
            if i >= walked {
                break;
            }
            let col = trace.hf_collateral.get(i).copied().unwrap_or(0.0);
            let base = trace.hf_debt_base.get(i).copied().unwrap_or(0.0);
            let usd = trace.hf_debt_usd.get(i).copied().unwrap_or(0.0);
            if base + usd <= 0.0 {
                continue;
            }
            let d = drift_at(plan, i, from_k.min(last), spike_end)
                .max(drift_at(plan, i, last, spike_end));
            let headroom = col - base * d;
            b_safe = if headroom > 0.0 {
                b_safe.max(usd * d / headroom)
            } else {
                f64::INFINITY
            };
        }
        let ln_b_safe = if b_safe > 0.0 {
            // A margin of 10⁻⁹ covers the rounding of the logarithm.
            libm::log(b_safe) + 1e-9
        } else {
            f64::NEG_INFINITY
        };
        Linear {
            b_walk,
            equity_walk,
            slope: top,
            min_equity_b,
            ln_min_equity_b: if min_equity_b > 0.0 {
                libm::log(min_equity_b)
            } else {
                f64::NEG_INFINITY
            },
            b_clear,
            ln_b_safe,
        }
    }

    /// The equity at price `b`, no liquidation or wipe-out crossed since the last valuation:
    /// E_walk · b / b_walk without USD debt (the equity is then proportional to b, and an
    /// unlevered stake is worth exactly b), E_walk + α · (b − b_walk) with it.
    fn equity_at(&self, b: f64, usd_debt: bool) -> f64 {
        if b == self.b_walk {
            self.equity_walk
        } else if !usd_debt && self.b_walk > 0.0 {
            self.equity_walk * (b / self.b_walk)
        } else {
            self.equity_walk + self.slope * (b - self.b_walk)
        }
    }
}

/// The lenders' accrual after step `k` for loop layer `i`: today's rates, or today's until
/// the end of step `e` and the spiked rates' from there.
fn drift_at(plan: &McPlan, i: usize, k: u32, spike_end: Option<u32>) -> f64 {
    let at = |table: &[[f64; MAX_LAYERS]], j: usize| {
        table
            .get(j)
            .and_then(|row| row.get(i))
            .copied()
            .unwrap_or(1.0)
    };
    let now = k as usize + 1;
    match (spike_end, &plan.spiked) {
        (Some(e), Some(spiked)) if (e as usize + 1) < now => {
            let from = e as usize + 1;
            let base = at(&spiked.drift, from);
            let ratio = if base > 0.0 {
                at(&spiked.drift, now) / base
            } else {
                1.0
            };
            at(&plan.normal.drift, from) * ratio
        }
        _ => at(&plan.normal.drift, now),
    }
}

/// Whether the position is still free of liquidations and wipe-outs at log-price `log_b` after
/// step `k`.
///
/// # Formula
/// Loop i's lender sees LT · C_i · O_i · b against (D_base,i · b + D_usd,i) · drift_i: clear while
/// the first is at least the second (HF ≥ 1, §2). Without USD debt b cancels from every health
/// factor and the equities are b · α_i: clear while α_min > 10⁻¹² and (b ≥ 1 or
/// ln α_min + ln b > ln 10⁻¹²). With USD debt, clear while b exceeds the trace's `b_clear`.
fn clear(
    plan: &McPlan,
    trace: &Trace,
    linear: &Linear,
    log_b: f64,
    k: u32,
    spike_end: Option<u32>,
) -> bool {
    if log_b > linear.ln_b_safe && (plan.usd_debt || wipe_clear(plan, linear, log_b)) {
        return true;
    }
    let b = if plan.usd_debt { libm::exp(log_b) } else { 1.0 };
    for &i in &plan.loop_layers {
        if i >= trace.walked {
            break;
        }
        let (Some(&col), Some(&base), Some(&usd)) = (
            trace.hf_collateral.get(i),
            trace.hf_debt_base.get(i),
            trace.hf_debt_usd.get(i),
        ) else {
            return false;
        };
        let debt = base * b + usd;
        if debt > 0.0 && col * b < debt * drift_at(plan, i, k, spike_end) {
            return false;
        }
    }
    if plan.usd_debt {
        b > linear.b_clear
    } else {
        wipe_clear(plan, linear, log_b)
    }
}

/// Without USD debt: every layer's equity b · α_i stays above 10⁻¹² · max(b, 1).
fn wipe_clear(plan: &McPlan, linear: &Linear, log_b: f64) -> bool {
    linear.min_equity_b > WIPE_EPS
        && (log_b >= 0.0 || linear.ln_min_equity_b + log_b > plan.ln_wipe_eps)
}

/// Growth of the accrued yield to the horizon: today's regime throughout, or today's until the
/// end of step `e` and the spiked regime's from there (its growth over the same days).
fn growth(plan: &McPlan, spike_end: Option<u32>) -> f64 {
    let last = plan.n_steps as usize;
    let normal = &plan.normal.growth;
    match (spike_end, &plan.spiked) {
        (Some(e), Some(spiked)) => {
            let at = e as usize + 1;
            let before = normal.get(at).copied().unwrap_or(1.0);
            let from = spiked.growth.get(at).copied().unwrap_or(1.0);
            let to = spiked.growth.get(last).copied().unwrap_or(1.0);
            if from > 0.0 {
                before * (to / from)
            } else {
                0.0
            }
        }
        _ => normal.get(last).copied().unwrap_or(1.0),
    }
}

/// The earliest pending event.
fn next_due(pending: &[Pending]) -> u32 {
    pending
        .iter()
        .filter(|p| !p.done)
        .filter_map(|p| p.next)
        .min()
        .unwrap_or(u32::MAX)
}

/// What a path changed: its marks, its held state and its last valuation's trace.
struct Moved {
    marks: [LayerMark; MAX_LAYERS],
    held: Held,
    trace: Trace,
}

impl Moved {
    /// Today's, as every path starts.
    fn today(plan: &McPlan) -> Moved {
        Moved {
            marks: [UNMARKED; MAX_LAYERS],
            held: plan.start_held,
            trace: plan.start_trace,
        }
    }
}

/// Simulate path `path` of `plan`.
pub(super) fn run(plan: &McPlan, path: u32, scratch: &mut Scratch) -> Outcome {
    let key = path_key(plan.seed, path);
    let mut price_rng = Rng::stream(key, plan.price_lane);
    scratch.pending.clear();
    for source in &plan.sources {
        let mut lane = Lane::stream(key, source.lane);
        let next = first(plan, source, &mut lane);
        scratch.pending.push(Pending {
            lane,
            next,
            done: false,
        });
    }
    let mut due = next_due(&scratch.pending);
    // Today's marks, held state and trace, copied only once something happens on the path.
    let mut moved: Option<Moved> = None;
    let mut linear = match scratch.start {
        Some(l) => l,
        None => {
            let l = Linear::of(plan, &plan.start_trace, (1.0, plan.start.equity), 0, None);
            scratch.start = Some(l);
            l
        }
    };
    let mut liquidated = plan.start.liquidated_at.is_some();
    let mut wiped = plan.start.wiped_at.is_some();
    let mut log_b = 0.0_f64;
    let mut spike_end: Option<u32> = None;
    let mut yt_fallen = false;
    let mut worst_drop = 0.0_f64;
    let mut cause: Option<usize> = None;
    let price = &plan.price;
    let last_step = plan.n_steps.saturating_sub(1);

    let mut k = 0_u32;
    while !wiped && k < plan.n_steps {
        let last = k == last_step;
        // The base asset's price: a normal step of its log.
        let before = log_b;
        if last {
            log_b += price.drift.1;
            if price.sigma > 0.0 {
                log_b += price.spread.1 * price_rng.normal(&plan.zig);
            }
        } else {
            log_b += price.drift.0;
            if price.sigma > 0.0 {
                log_b += price.spread.0 * price_rng.normal(&plan.zig);
            }
        }
        // Events due in this step, the crash first (it decides a crisis-mode crash step).
        let mut first_event: Option<usize> = None;
        let mut changed = false;
        let mut crashed = false;
        if k == due {
            for (index, (source, pending)) in
                plan.sources.iter().zip(&mut scratch.pending).enumerate()
            {
                if source.effect == Effect::Crash && pending.next == Some(k) {
                    log_b += price.crash_log;
                    crashed = true;
                    first_event = first_event.or(Some(index));
                    changed = true;
                    pending.next = after(plan, source, &mut pending.lane, k);
                }
            }
        }
        let crash_step = plan.crisis_sources
            && (crashed
                || price
                    .crisis_below
                    .is_some_and(|below| log_b - before <= below));
        if k == due || crash_step {
            for (index, (source, pending)) in
                plan.sources.iter().zip(&mut scratch.pending).enumerate()
            {
                if source.effect == Effect::Crash || pending.done {
                    continue;
                }
                let mut fires = pending.next == Some(k);
                if fires {
                    pending.next = if source.repeats {
                        after(plan, source, &mut pending.lane, k)
                    } else {
                        None
                    };
                } else if crash_step {
                    if let Some(extra) = source.crisis_extra {
                        let chance = if last { extra.1 } else { extra.0 };
                        fires = pending.lane.uniform() < chance;
                    }
                }
                if !fires {
                    continue;
                }
                pending.done = !source.repeats;
                first_event = first_event.or(Some(index));
                changed = true;
                match source.effect {
                    Effect::Backing { layer, factor } => {
                        let marks = &mut moved.get_or_insert_with(|| Moved::today(plan)).marks;
                        if let Some(m) = marks.get_mut(layer) {
                            m.backing *= factor;
                        }
                    }
                    Effect::Discount { layer, factor } => {
                        let marks = &mut moved.get_or_insert_with(|| Moved::today(plan)).marks;
                        if let Some(m) = marks.get_mut(layer) {
                            m.discount *= factor;
                        }
                    }
                    Effect::Spike => spike_end = spike_end.or(Some(k)),
                    Effect::YtFall => yt_fallen = true,
                    Effect::Crash => {}
                }
            }
        }
        if k == due || changed {
            due = next_due(&scratch.pending);
        }
        // YTs: repriced while fallen and not matured; captured at maturity.
        let mut maturing = false;
        for yt in &plan.yts {
            let matured = yt.matures_at.is_some_and(|m| m < k);
            maturing |= yt.matures_at == Some(k);
            if yt_fallen && !matured {
                let marks = &mut moved.get_or_insert_with(|| Moved::today(plan)).marks;
                if let (Some(m), Some(f)) = (marks.get_mut(yt.layer), yt.fallen.get(k as usize)) {
                    if m.yt_reprice != *f {
                        m.yt_reprice = *f;
                        changed = true;
                    }
                }
            }
        }
        let full = changed
            || maturing
            || !clear(
                plan,
                moved.as_ref().map_or(&plan.start_trace, |m| &m.trace),
                &linear,
                log_b,
                k,
                spike_end,
            );
        if full {
            let b = libm::exp(log_b);
            let before_equity = linear.equity_at(b, plan.usd_debt);
            let Moved { marks, held, trace } = moved.get_or_insert_with(|| Moved::today(plan));
            for &i in &plan.loop_layers {
                if let Some(d) = held.lender_drift.get_mut(i) {
                    *d = drift_at(plan, i, k, spike_end);
                }
            }
            let v = revalue_held(
                &plan.layers,
                &plan.steps,
                &Marks {
                    base_price: b,
                    layers: &marks[..],
                },
                plan.equity_usd,
                held,
                Some(trace),
            );
            linear = Linear::of(plan, trace, (b, v.equity), k + 1, spike_end);
            liquidated |= v.liquidated_at.is_some();
            let drop = before_equity - v.equity;
            if drop > worst_drop {
                worst_drop = drop;
                cause = first_event;
            }
            for yt in plan.yts.iter().filter(|yt| yt.matures_at == Some(k)) {
                if let Some(m) = marks.get_mut(yt.layer) {
                    m.yt_matured = Some(YtMatured {
                        value: trace.yt_value.get(yt.layer).copied().unwrap_or(0.0),
                        backing_beneath: trace
                            .yt_backing_beneath
                            .get(yt.layer)
                            .copied()
                            .unwrap_or(0.0),
                    });
                }
            }
            wiped = v.wiped_at.is_some() || !(v.equity > 0.0);
        }
        k += 1;
    }
    let b = libm::exp(log_b);
    let hold = finite_or(b, 0.0);
    if wiped {
        return Outcome {
            equity: 0.0,
            hold,
            liquidated,
            wiped,
            cause,
        };
    }
    let equity = linear.equity_at(b, plan.usd_debt);
    Outcome {
        equity: finite_or(equity * growth(plan, spike_end), 0.0).max(0.0),
        hold,
        liquidated,
        wiped: false,
        cause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_linear_form_is_exact_at_the_valuation_price() {
        // Guards the zero-volatility identity: at the price of the last valuation the equity is
        // that valuation's, bit for bit, not α · b − β recomputed.
        let linear = Linear {
            b_walk: 1.0,
            equity_walk: 1.0,
            slope: 2.952,
            min_equity_b: 2.952,
            ln_min_equity_b: 2.952_f64.ln(),
            b_clear: 0.0,
            ln_b_safe: f64::NEG_INFINITY,
        };
        assert_eq!(linear.equity_at(1.0, true), 1.0);
        assert!((linear.equity_at(1.1, true) - 1.2952).abs() < 1e-12);
        // Without USD debt the equity is proportional to b.
        assert_eq!(linear.equity_at(0.8, false), 0.8);
    }
}
