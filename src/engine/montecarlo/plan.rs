//! Everything a path needs that is the same for every path, computed once per simulation: the
//! step grid, the price's per-step drift and spread, the event sources with their rates, the
//! accrued-yield and lender-carry tables of both rate regimes, the YT repricing tables and the
//! position's state today (docs/METHODOLOGY.md §11).

use super::rng::{mix64, Ziggurat};
use super::LossCause;
use crate::engine::param::default_volatility;
use crate::engine::pendle::yt_price;
use crate::engine::position::carry_erosion_apr;
use crate::engine::projection::growth_to;
use crate::engine::projection::{equity_apr, maturities};
use crate::engine::r#yield::{walk, Step};
use crate::engine::rates::{apr_to_apy, finite_or, growth_factor, DAYS_PER_YEAR};
use crate::engine::report::RiskKind;
use crate::engine::scenario::{DebtAsset, Layer, LayerKind, Scenario};
use crate::engine::validate::MAX_LAYERS;
use crate::engine::valuation::{revalue_held, Held, Marks, Trace, Valuation, UNMARKED, WIPE_EPS};

/// Length of a full step: one week. The last step is shorter when the horizon is not a whole
/// number of weeks, so the simulation ends exactly at the horizon.
pub const STEP_DAYS: f64 = 7.0;

/// Lane of the price's normals; the other fixed lanes are the crash, the borrow spike and the
/// YT fall, and layer i's events use lanes from `LAYER_LANES + 32 · i`.
const PRICE_LANE: u32 = 0;
const CRASH_LANE: u32 = 1;
const SPIKE_LANE: u32 = 2;
const YT_FALL_LANE: u32 = 3;
const LAYER_LANES: u32 = 16;

/// What an event does when it happens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Effect {
    /// × on the backing of layer `layer`'s token (an exploit or a slash).
    Backing { layer: usize, factor: f64 },
    /// × on the market discount of layer `layer`'s token (a depeg).
    Discount { layer: usize, factor: f64 },
    /// The base asset's log-price falls by ln(1 − drop).
    Crash,
    /// Every loop's borrow APR rises to the stress level for the rest of the horizon.
    Spike,
    /// Every YT's implied APY falls to the stress level for the rest of the horizon.
    YtFall,
}

/// One source of events: exponential waiting times at a constant annual rate, at most one event
/// per step (so a step of Δt years has the chance 1 − (1 − p)^Δt, §11).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Source {
    /// Its random stream's lane.
    pub lane: u32,
    /// Mean waiting time in days, 365 / λ with λ = −ln(1 − p); 0 when p = 1 (every step).
    pub mean_wait_days: f64,
    /// Chance of at least one event before the horizon, 1 − (1 − p)^(horizon/365): a uniform
    /// at or above it means no event on the path (no logarithm needed).
    pub p_horizon: f64,
    /// Whether it happens again after it happened (the spike and the YT fall do not).
    pub repeats: bool,
    /// Crisis mode: the extra chance in a crash step that brings the step's odds to the annual
    /// probability p: (p − h) / (1 − h) for a full step and for the last, h the step's own
    /// hazard; `None` when crash steps do not change its odds.
    pub crisis_extra: Option<(f64, f64)>,
    /// What it does.
    pub effect: Effect,
    /// What a loss it causes is reported as.
    pub cause: LossCause,
}

/// The base asset's log-price per step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PriceSteps {
    /// Annual volatility σ.
    pub sigma: f64,
    /// Drift of a full step and of the last: −σ²Δt/2 plus the crash compensation −ln(1 − h·x).
    pub drift: (f64, f64),
    /// Standard deviation of a full step and of the last: σ√Δt.
    pub spread: (f64, f64),
    /// ln(1 − x) of a crash of size x (the stress price drop).
    pub crash_log: f64,
    /// Crisis mode: a step whose log-return is at or below this (ln(1 − x)) is a crash step.
    pub crisis_below: Option<f64>,
}

/// Tables of one rate regime (today's rates, or every borrow APR at the stress level).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Regime {
    /// Accrued-yield growth from day 0 to the end of each step (index 0 = day 0), the
    /// projection's growth factor (§6).
    pub growth: Vec<f64>,
    /// After j steps (index j, 0 = today), per layer: × on the lender's view of the debt,
    /// e^{(ȳ_d − y_c)·t} built as the product of the steps' factors (1 for a layer that borrows
    /// nothing).
    pub drift: Vec<[f64; MAX_LAYERS]>,
}

/// A YT layer's timeline on the path.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct YtTimeline {
    /// Its layer.
    pub layer: usize,
    /// The step at whose end it has matured (`None`: after the horizon).
    pub matures_at: Option<u32>,
    /// × on its value at the end of each step once its implied APY has fallen (empty when the
    /// YT fall cannot happen).
    pub fallen: Vec<f64>,
}

/// A prepared simulation: validated, every per-simulation quantity computed once.
#[derive(Debug, Clone)]
pub struct McPlan {
    pub(super) layers: Vec<Layer>,
    pub(super) steps: Vec<Step>,
    pub(super) equity_usd: f64,
    pub(super) seed: u64,
    pub(super) paths: u32,
    pub(super) horizon_days: f64,
    /// Number of steps K = ⌈horizon / 7⌉.
    pub(super) n_steps: u32,
    /// Days of the last step, in (0, 7].
    pub(super) last_days: f64,
    pub(super) price: PriceSteps,
    pub(super) price_lane: u32,
    pub(super) sources: Vec<Source>,
    pub(super) normal: Regime,
    /// The borrow-spike regime, when the spike can happen.
    pub(super) spiked: Option<Regime>,
    pub(super) yts: Vec<YtTimeline>,
    /// Whether any loop borrows USD (then the base price moves health factors).
    pub(super) usd_debt: bool,
    /// The layers of the loops that borrow.
    pub(super) loop_layers: Vec<usize>,
    /// Whether a crash step can change any source's odds (crisis mode with a depeg or a spike).
    pub(super) crisis_sources: bool,
    /// The position today: what the valuation without a shock leaves (a position liquidatable
    /// now is liquidated at once), its trace and its valuation.
    pub(super) start_held: Held,
    pub(super) start_trace: Trace,
    pub(super) start: Valuation,
    /// A stable digest of the plan's inputs, so partials of different plans are not merged.
    pub(super) digest: u64,
    /// ln of the valuation's wipe-out threshold (10⁻¹²).
    pub(super) ln_wipe_eps: f64,
    /// The normal generator's tables.
    pub(super) zig: Ziggurat,
}

impl McPlan {
    /// Prepare the simulation of `scenario` with its `mc` settings.
    ///
    /// # Errors
    /// The scenario's first invalid field (the `mc.*` settings included), as [`crate::engine::evaluate`].
    pub fn new(scenario: &Scenario) -> Result<McPlan, crate::engine::ScenarioError> {
        crate::engine::validate::validate(scenario)?;
        Ok(prepare(scenario))
    }

    /// Paths the settings ask for.
    pub fn paths(&self) -> u32 {
        self.paths
    }

    /// Steps per path: ⌈horizon / 7 days⌉.
    pub fn steps(&self) -> u32 {
        self.n_steps
    }

    /// The annual volatility used (the scenario's, or its asset's default).
    pub fn volatility(&self) -> f64 {
        self.price.sigma
    }

    /// Days at the end of step `k` (0-based): 7 · (k + 1), the horizon for the last.
    pub(super) fn end_day(&self, k: u32) -> f64 {
        if k.saturating_add(1) >= self.n_steps {
            self.horizon_days
        } else {
            STEP_DAYS * f64::from(k + 1)
        }
    }

    /// The step in which an event at `day` falls (`None` at or after the horizon).
    pub(super) fn step_of(&self, day: f64) -> Option<u32> {
        if !(day < self.horizon_days) {
            return None;
        }
        let k = (day / STEP_DAYS).floor();
        // `k` is finite, ≥ 0 and below n_steps ≤ 5,215, so the cast is exact.
        Some((k as u32).min(self.n_steps.saturating_sub(1)))
    }
}

/// Chance of at least one event in `days` days for an annual probability `p`.
///
/// # Formula
/// h = 1 − (1 − p)^(days / 365) (§11: annual probabilities become per-step hazards),
/// computed as −expm1(days/365 · ln(1 − p)); 1 when p ≥ 1.
pub(super) fn hazard(p: f64, days: f64) -> f64 {
    if p >= 1.0 {
        return 1.0;
    }
    if !(p > 0.0) {
        return 0.0;
    }
    (-libm::expm1(days / DAYS_PER_YEAR * libm::log1p(-p))).clamp(0.0, 1.0)
}

/// Mean waiting time in days of a source with annual probability `p`: 365 / λ, λ = −ln(1 − p)
/// the constant rate whose chance of at least one event in a year is p; 0 when p ≥ 1.
fn mean_wait_days(p: f64) -> f64 {
    if p >= 1.0 {
        return 0.0;
    }
    let rate = -libm::log1p(-p);
    if rate > 0.0 {
        finite_or(DAYS_PER_YEAR / rate, f64::MAX)
    } else {
        f64::MAX
    }
}

fn prepare(s: &Scenario) -> McPlan {
    let layers = s.layers.clone();
    let steps = walk(&layers, None);
    let equity_usd = finite_or(s.stake.amount * s.stake.price_usd, 0.0);
    let horizon_days = s.horizon_days;
    let n_steps = ((horizon_days / STEP_DAYS).ceil().max(1.0)) as u32;
    let last_days = (horizon_days - STEP_DAYS * f64::from(n_steps - 1)).max(0.0);
    let with_points = s.risk.include_points;
    let stress = &s.stress;
    let mc = &s.mc;
    let sigma = mc.volatility.unwrap_or(default_volatility(s.stake.asset));
    let drop = stress.price_drop.clamp(0.0, 1.0);
    let crash_log = if drop < 1.0 {
        libm::log1p(-drop)
    } else {
        -745.0
    };

    let mut sources = Vec::new();
    let mut push = |p: f64, lane: u32, repeats: bool, crisis: bool, effect, cause| {
        if p > 0.0 {
            let extra = |days| {
                let h = hazard(p, days);
                if h < 1.0 {
                    ((p - h) / (1.0 - h)).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            };
            sources.push(Source {
                lane,
                mean_wait_days: mean_wait_days(p),
                p_horizon: hazard(p, horizon_days),
                repeats,
                crisis_extra: (crisis && mc.crisis).then(|| (extra(STEP_DAYS), extra(last_days))),
                effect,
                cause,
            });
        }
    };
    if drop > 0.0 {
        push(
            mc.p_crash,
            CRASH_LANE,
            true,
            false,
            Effect::Crash,
            LossCause::PriceCrash,
        );
    }
    let has_loop = steps.iter().any(|st| st.loop_step.is_some());
    if has_loop {
        push(
            mc.p_borrow_spike,
            SPIKE_LANE,
            false,
            true,
            Effect::Spike,
            LossCause::BorrowSpike,
        );
    }
    let has_yt = steps.iter().any(|st| st.yt.is_some());
    if has_yt {
        push(
            mc.p_yt_fall,
            YT_FALL_LANE,
            false,
            false,
            Effect::YtFall,
            LossCause::YtFall,
        );
    }
    for (i, layer) in layers.iter().enumerate() {
        let base = LAYER_LANES + 32 * u32::try_from(i).unwrap_or(0);
        let r = &layer.risk;
        let event = |kind, avs| LossCause::Event {
            layer: i,
            kind,
            avs,
        };
        if r.exploit_loss > 0.0 {
            let effect = Effect::Backing {
                layer: i,
                factor: 1.0 - r.exploit_loss,
            };
            push(
                r.p_exploit,
                base,
                true,
                false,
                effect,
                event(RiskKind::Exploit, None),
            );
        }
        if r.depeg_loss > 0.0 {
            let effect = Effect::Discount {
                layer: i,
                factor: 1.0 - r.depeg_loss,
            };
            push(
                r.p_depeg,
                base + 1,
                true,
                true,
                effect,
                event(RiskKind::Depeg, None),
            );
        }
        if let LayerKind::Restake { avs, .. } = &layer.kind {
            for (j, a) in avs.iter().enumerate() {
                if a.severity > 0.0 {
                    let lane = base + 2 + u32::try_from(j).unwrap_or(0);
                    let effect = Effect::Backing {
                        layer: i,
                        factor: 1.0 - a.severity,
                    };
                    push(
                        a.p_slash,
                        lane,
                        true,
                        false,
                        effect,
                        event(RiskKind::Slashing, Some(j)),
                    );
                }
            }
        }
    }

    let p_crash = if drop > 0.0 { mc.p_crash } else { 0.0 };
    let step_drift = |days: f64| {
        let years = days / DAYS_PER_YEAR;
        let compensation = -libm::log1p(-hazard(p_crash, days) * drop);
        -0.5 * sigma * sigma * years + finite_or(compensation, 0.0)
    };
    let price = PriceSteps {
        sigma,
        drift: (step_drift(STEP_DAYS), step_drift(last_days)),
        spread: (
            sigma * (STEP_DAYS / DAYS_PER_YEAR).sqrt(),
            sigma * (last_days / DAYS_PER_YEAR).sqrt(),
        ),
        crash_log,
        crisis_below: (mc.crisis && drop > 0.0).then_some(crash_log),
    };

    let end_days: Vec<f64> = (0..n_steps)
        .map(|k| {
            if k + 1 >= n_steps {
                horizon_days
            } else {
                STEP_DAYS * f64::from(k + 1)
            }
        })
        .collect();
    let regime = |floor: Option<f64>| {
        let walked = match floor {
            Some(_) => walk(&layers, floor),
            None => steps.clone(),
        };
        let net_apy = walked
            .last()
            .map_or(0.0, |st| apr_to_apy(equity_apr(st, with_points)));
        let due = maturities(s, s.horizon_days, with_points, floor);
        let mut growth = Vec::with_capacity(end_days.len() + 1);
        growth.push(1.0);
        growth.extend(end_days.iter().map(|d| growth_to(*d, net_apy, &due)));
        let mut factors = [(1.0, 1.0); MAX_LAYERS];
        for (slot, st) in factors.iter_mut().zip(&walked) {
            let rate = carry_erosion_apr(st);
            *slot = (
                libm::exp(rate * STEP_DAYS / DAYS_PER_YEAR),
                libm::exp(rate * last_days / DAYS_PER_YEAR),
            );
        }
        let mut drift = Vec::with_capacity(end_days.len() + 1);
        let mut now = [1.0; MAX_LAYERS];
        drift.push(now);
        for k in 0..n_steps {
            let last = k + 1 == n_steps;
            for (d, f) in now.iter_mut().zip(&factors) {
                *d *= if last { f.1 } else { f.0 };
            }
            drift.push(now);
        }
        Regime { growth, drift }
    };
    let normal = regime(None);
    let spiked = (has_loop && mc.p_borrow_spike > 0.0).then(|| regime(Some(stress.borrow_apr)));

    let yts = layers
        .iter()
        .zip(&steps)
        .enumerate()
        .filter_map(|(i, (layer, st))| {
            let yt = st.yt?;
            let LayerKind::PendleYt { implied_apy, .. } = &layer.kind else {
                return None;
            };
            let matures_at = end_days
                .iter()
                .position(|d| *d >= yt.maturity_days)
                .and_then(|k| u32::try_from(k).ok());
            let fallen = if mc.p_yt_fall > 0.0 {
                let yt_apy = apr_to_apy(st.token_apr);
                end_days
                    .iter()
                    .map(|d| {
                        yt_fall_factor(
                            *implied_apy,
                            stress.yt_implied_apy,
                            yt.maturity_days - d,
                            yt.price,
                            growth_factor(yt_apy, d / DAYS_PER_YEAR),
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Some(YtTimeline {
                layer: i,
                matures_at,
                fallen,
            })
        })
        .collect();

    let mut start_held = Held::TODAY;
    let mut start_trace = Trace::EMPTY;
    let start = revalue_held(
        &layers,
        &steps,
        &Marks {
            base_price: 1.0,
            layers: &[UNMARKED; MAX_LAYERS],
        },
        equity_usd,
        &mut start_held,
        Some(&mut start_trace),
    );
    let usd_debt = steps
        .iter()
        .any(|st| st.loop_step.is_some_and(|l| l.debt == DebtAsset::Usd));
    let paths = mc.paths;
    let digest = digest(s, sigma);
    let loop_layers = steps
        .iter()
        .enumerate()
        .filter(|(_, st)| st.loop_step.is_some())
        .map(|(i, _)| i)
        .filter(|i| *i < MAX_LAYERS)
        .collect();
    let crisis_sources = sources.iter().any(|src| src.crisis_extra.is_some());
    McPlan {
        layers,
        steps,
        equity_usd,
        seed: mc.seed,
        paths,
        horizon_days,
        n_steps,
        last_days,
        price,
        price_lane: PRICE_LANE,
        sources,
        normal,
        spiked,
        yts,
        usd_debt,
        loop_layers,
        crisis_sources,
        start_held,
        start_trace,
        start,
        digest,
        ln_wipe_eps: libm::log(WIPE_EPS),
        zig: Ziggurat::new(),
    }
}

/// × on a YT's value when its implied APY falls from `r0` to `r_new` with `days_left` to
/// maturity, the YT bought at `p0` and its position grown by `grown` since.
///
/// # Formula
/// 1 + (P_YT(r_new, τ) − P_YT(r0, τ)) / (P_YT,0 · g): the YT tokens still held are repriced at
/// the new implied APY (Pendle: P_YT = 1 − (1 + r)^(−τ), §4), and they are the part
/// P_YT(r0, τ) / P_YT,0 of a position worth g = (1 + APY_YT)^t by now; the yield already
/// collected is not repriced. At purchase (t = 0) it is the YT-collapse stress's
/// P_YT,new / P_YT,old; at maturity 1. Floored at 0.
fn yt_fall_factor(r0: f64, r_new: f64, days_left: f64, p0: f64, grown: f64) -> f64 {
    if !(days_left > 0.0) {
        return 1.0;
    }
    let denominator = p0 * grown;
    if !(denominator > 0.0) {
        return 1.0;
    }
    let change = yt_price(r_new, days_left) - yt_price(r0, days_left);
    finite_or(1.0 + change / denominator, 1.0).max(0.0)
}

/// A digest of the inputs that decide a simulation's numbers (the scenario's layers and
/// settings are hashed through their shortest exact text), so that partials of two different
/// plans are refused when merged.
fn digest(s: &Scenario, sigma: f64) -> u64 {
    let text = format!("{:?}|{}", s, sigma.to_bits());
    text.bytes().fold(0x243F_6A88_85A3_08D3_u64, |h, byte| {
        mix64(h ^ u64::from(byte))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for hazards and factors computed from round numbers.
    const TOL: f64 = 1e-12;

    #[test]
    fn annual_probabilities_become_step_hazards() {
        // h = 1 − (1 − p)^(Δt/1y): p = 0.05 over a week: x = −(7/365) · ln 0.95
        // = 0.0191781 · 0.0512933 = 0.000983707, h = 1 − e^(−x) = x − x²/2 + … = 0.000983223.
        assert!((hazard(0.05, 7.0) - 0.000_983_223).abs() < 1e-9);
        // A whole year gives back p; p = 1 is certain in any step; p = 0 never.
        assert!((hazard(0.05, 365.0) - 0.05).abs() < TOL);
        assert_eq!(hazard(1.0, 1.0), 1.0);
        assert_eq!(hazard(0.0, 7.0), 0.0);
        // 52 weeks and a day of one year's hazards compound back to p.
        let p = 0.3;
        let weeks = (1.0 - hazard(p, 7.0)).powi(52) * (1.0 - hazard(p, 1.0));
        assert!((1.0 - weeks - p).abs() < 1e-12);
        // The mean wait of p = 1 − e^(−1) is one year.
        assert!((mean_wait_days(1.0 - (-1.0_f64).exp()) - 365.0).abs() < 1e-9);
    }

    #[test]
    fn a_yt_fall_reprices_only_what_is_left_of_the_yt() {
        // At purchase: P_YT(0, τ) / P_YT,0 − 1 + 1 = 0 when the implied APY falls to 0.
        let p0 = yt_price(0.05, 180.0);
        assert!((yt_fall_factor(0.05, 0.0, 180.0, p0, 1.0) - 0.0).abs() < TOL);
        // Halfway, the position grown 1.02: 1 + (0 − P_YT(0.05, 90)) / (P_YT,0 · 1.02).
        let half = 1.0 - yt_price(0.05, 90.0) / (p0 * 1.02);
        assert!((yt_fall_factor(0.05, 0.0, 90.0, p0, 1.02) - half).abs() < TOL);
        // At maturity nothing is left to reprice.
        assert_eq!(yt_fall_factor(0.05, 0.0, 0.0, p0, 1.1), 1.0);
    }
}
