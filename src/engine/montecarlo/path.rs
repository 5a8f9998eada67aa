//! One simulated path, week by week (docs/METHODOLOGY.md §10): the base asset's log-price takes a
//! normal step (and a crash when one is due), the events due in the step change the layers'
//! marks, the lenders see their interest accrue, and the position is revalued with
//! [`revalue_held`], the engine's one valuation model, carrying what earlier liquidations took.
//!
//! A full revaluation runs only when something can have changed the position: an event, a YT
//! repriced or matured, the last step, or a health factor or an equity that the previous
//! valuation's [`Trace`] says has crossed its line at today's price and accrued interest (the
//! trace's linear forms are the valuation's own numbers, so this only saves the walks that would
//! change nothing). Nothing is allocated per step.

use super::plan::{Effect, McPlan, Regime, Source};
use super::rng::Rng;
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
    rng: Rng,
    /// The step of its next event.
    next: Option<u32>,
    /// A source that happens once has happened.
    done: bool,
}

/// Buffers reused from path to path (one per chunk).
#[derive(Debug, Clone, Default)]
pub(super) struct Scratch {
    pending: Vec<Pending>,
}

/// The step of `source`'s next event counted from `from_day`: an exponential wait with mean
/// 365/λ days (so a step of Δt years holds an event with chance 1 − (1 − p)^Δt).
fn schedule(plan: &McPlan, source: &Source, rng: &mut Rng, from_day: f64) -> Option<u32> {
    let wait = rng.exponential() * source.mean_wait_days;
    plan.step_of(from_day + finite_or(wait, f64::MAX))
}

/// What the previous valuation says about the position at other prices: the smallest equity
/// coefficient of b among the layers walked and its logarithm (for stacks without USD debt).
#[derive(Debug, Clone, Copy)]
struct Clearance {
    min_equity_b: f64,
    ln_min_equity_b: f64,
}

impl Clearance {
    fn of(trace: &Trace) -> Clearance {
        let min_equity_b = trace
            .equity_b
            .iter()
            .take(trace.walked)
            .copied()
            .fold(f64::INFINITY, f64::min);
        Clearance {
            min_equity_b,
            ln_min_equity_b: if min_equity_b > 0.0 {
                libm::log(min_equity_b)
            } else {
                f64::NEG_INFINITY
            },
        }
    }
}

/// Whether the position of `trace` is still free of liquidations and wipe-outs at log-price
/// `log_b` with the lenders' drift in `held`.
///
/// # Formula
/// Loop i's lender sees LT · C_i · O_i · b against (D_base,i · b + D_usd,i) · drift_i: clear while
/// the first is at least the second (HF ≥ 1, §2). Layer i's equity is b · α_i − D_usd,i: clear
/// while above 10⁻¹² · max(b, 1), as in the valuation. Without USD debt b cancels from every
/// health factor, and the equity test is α_min > 10⁻¹² and (b ≥ 1 or ln α_min + ln b > ln 10⁻¹²).
fn clear(plan: &McPlan, trace: &Trace, held: &Held, clearance: Clearance, log_b: f64) -> bool {
    let n = trace.walked.min(MAX_LAYERS);
    let drift = &held.lender_drift;
    if plan.usd_debt {
        let b = libm::exp(log_b);
        for i in 0..n {
            let (Some(&col), Some(&base), Some(&usd), Some(&d), Some(&eb), Some(&eu), Some(&lp)) = (
                trace.hf_collateral.get(i),
                trace.hf_debt_base.get(i),
                trace.hf_debt_usd.get(i),
                drift.get(i),
                trace.equity_b.get(i),
                trace.equity_usd.get(i),
                trace.is_loop.get(i),
            ) else {
                return false;
            };
            let debt = base * b + usd;
            if lp && debt > 0.0 && col * b < debt * d {
                return false;
            }
            if !(b * eb - eu > WIPE_EPS * b.max(1.0)) {
                return false;
            }
        }
        true
    } else {
        for i in 0..n {
            let (Some(&col), Some(&base), Some(&d), Some(&lp)) = (
                trace.hf_collateral.get(i),
                trace.hf_debt_base.get(i),
                drift.get(i),
                trace.is_loop.get(i),
            ) else {
                return false;
            };
            if lp && base > 0.0 && col < base * d {
                return false;
            }
        }
        clearance.min_equity_b > WIPE_EPS
            && (log_b >= 0.0 || clearance.ln_min_equity_b + log_b > plan.ln_wipe_eps)
    }
}

/// Equity of the top layer of `trace` at price `b` (0 when the walk stopped early).
fn top_equity(trace: &Trace, n_layers: usize, b: f64) -> f64 {
    if trace.walked < n_layers || n_layers == 0 {
        return 0.0;
    }
    let i = n_layers - 1;
    let eb = trace.equity_b.get(i).copied().unwrap_or(0.0);
    let eu = trace.equity_usd.get(i).copied().unwrap_or(0.0);
    b * eb - eu
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

/// Multiply the lenders' view of each loop's debt by one step of interest.
fn accrue(held: &mut Held, regime: &Regime, n_layers: usize, last: bool) {
    for (d, f) in held
        .lender_drift
        .iter_mut()
        .zip(&regime.drift)
        .take(n_layers)
    {
        *d *= if last { f.1 } else { f.0 };
    }
}

/// Simulate path `path` of `plan`.
pub(super) fn run(plan: &McPlan, path: u32, scratch: &mut Scratch) -> Outcome {
    let n_layers = plan.layers.len().min(MAX_LAYERS);
    let mut price_rng = Rng::stream(plan.seed, path, plan.price_lane);
    scratch.pending.clear();
    for source in &plan.sources {
        let mut rng = Rng::stream(plan.seed, path, source.lane);
        let next = schedule(plan, source, &mut rng, 0.0);
        scratch.pending.push(Pending {
            rng,
            next,
            done: false,
        });
    }
    let mut marks: [LayerMark; MAX_LAYERS] = [UNMARKED; MAX_LAYERS];
    let mut held = plan.start_held;
    let mut trace = plan.start_trace;
    let mut clearance = Clearance::of(&trace);
    let mut liquidated = plan.start.liquidated_at.is_some();
    let mut equity = plan.start.equity;
    let mut log_b = 0.0_f64;
    let mut spike_end: Option<u32> = None;
    let mut yt_fallen = false;
    let mut worst_drop = 0.0_f64;
    let mut cause: Option<usize> = None;
    let has_loop = trace.is_loop.iter().any(|x| *x);
    let mut wiped = plan.start.wiped_at.is_some();
    let last_step = plan.n_steps.saturating_sub(1);

    let mut k = 0_u32;
    while !wiped && k < plan.n_steps {
        let last = k == last_step;
        // Interest accrues in the regime in force at the step's start.
        if has_loop {
            let regime = match (spike_end, &plan.spiked) {
                (Some(_), Some(spiked)) => spiked,
                _ => &plan.normal,
            };
            accrue(&mut held, regime, n_layers, last);
        }
        // The base asset's price: a normal step of its log (and a crash, when due).
        let price = &plan.price;
        let (drift, spread) = if last {
            (price.drift.1, price.spread.1)
        } else {
            (price.drift.0, price.spread.0)
        };
        let before = log_b;
        log_b += drift;
        if price.sigma > 0.0 {
            log_b += spread * price_rng.normal();
        }
        // Events due in this step, the crash first (it decides a crisis-mode crash step).
        let mut first_event: Option<usize> = None;
        let mut crashed = false;
        let mut changed = false;
        for (index, (source, pending)) in plan.sources.iter().zip(&mut scratch.pending).enumerate()
        {
            if source.effect != Effect::Crash {
                continue;
            }
            if pending.next == Some(k) {
                log_b += price.crash_log;
                crashed = true;
                first_event = first_event.or(Some(index));
                changed = true;
                pending.next = schedule(plan, source, &mut pending.rng, plan.end_day(k));
            }
        }
        let crash_step = crashed
            || price
                .crisis_below
                .is_some_and(|below| log_b - before <= below);
        for (index, (source, pending)) in plan.sources.iter().zip(&mut scratch.pending).enumerate()
        {
            if source.effect == Effect::Crash {
                continue;
            }
            if pending.done {
                continue;
            }
            let mut due = pending.next == Some(k);
            if due {
                pending.next = if source.repeats {
                    schedule(plan, source, &mut pending.rng, plan.end_day(k))
                } else {
                    None
                };
            } else if crash_step {
                if let Some(extra) = source.crisis_extra {
                    let chance = if last { extra.1 } else { extra.0 };
                    due = pending.rng.uniform() < chance;
                }
            }
            if !due {
                continue;
            }
            pending.done = !source.repeats;
            first_event = first_event.or(Some(index));
            changed = true;
            match source.effect {
                Effect::Backing { layer, factor } => {
                    if let Some(m) = marks.get_mut(layer) {
                        m.backing *= factor;
                    }
                }
                Effect::Discount { layer, factor } => {
                    if let Some(m) = marks.get_mut(layer) {
                        m.discount *= factor;
                    }
                }
                Effect::Spike => spike_end = spike_end.or(Some(k)),
                Effect::YtFall => yt_fallen = true,
                Effect::Crash => {}
            }
        }
        // YTs: repriced while fallen and not matured; captured at maturity.
        let mut maturing = false;
        for yt in &plan.yts {
            let matured = yt.matures_at.is_some_and(|m| m < k);
            if yt.matures_at == Some(k) {
                maturing = true;
            }
            if yt_fallen && !matured {
                if let (Some(m), Some(f)) = (marks.get_mut(yt.layer), yt.fallen.get(k as usize)) {
                    if m.yt_reprice != *f {
                        m.yt_reprice = *f;
                        changed = true;
                    }
                }
            }
        }
        let full = changed || maturing || last || !clear(plan, &trace, &held, clearance, log_b);
        if full {
            let b = libm::exp(log_b);
            let before_equity = top_equity(&trace, n_layers, b);
            let v = revalue_held(
                &plan.layers,
                &plan.steps,
                &Marks {
                    base_price: b,
                    layers: &marks,
                },
                plan.equity_usd,
                &mut held,
                Some(&mut trace),
            );
            clearance = Clearance::of(&trace);
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
            equity = v.equity;
            wiped = v.wiped_at.is_some() || !(v.equity > 0.0);
        }
        k += 1;
    }
    let hold = finite_or(libm::exp(log_b), 0.0);
    if wiped {
        return Outcome {
            equity: 0.0,
            hold,
            liquidated,
            wiped,
            cause,
        };
    }
    Outcome {
        equity: finite_or(equity * growth(plan, spike_end), 0.0).max(0.0),
        hold,
        liquidated,
        wiped: false,
        cause,
    }
}
