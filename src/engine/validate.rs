//! Validation of a [`Scenario`] before any maths: every number finite and within the range its
//! [`param`](super::param) entry gives, every rule of the domain enforced, each failure a
//! [`ScenarioError`] naming the field (`layers[2].ltv`) and its [`Problem`].
//!
//! Fields are checked in the order they appear in the scenario; the first failure is returned.

use super::error::{Problem, ScenarioError};
use super::leverage::{max_leverage, MAX_LOOPS, MAX_LOOP_LEVERAGE};
use super::param::{
    kind_params, Param, AVS, COSTS, COST_SETTINGS, LAYER, MC, SETTINGS, STAKE_FIELDS,
};
use super::pendle::{yt_price, MIN_YT_PRICE};
use super::scenario::{Avs, Layer, LayerKind, LoopSize, Scenario};

/// Largest stake amount accepted (1e12): with [`MAX_PRICE_USD`] their product, 1e24 USD, keeps
/// every dollar figure finite with room for leverage and growth caps.
pub const MAX_AMOUNT: f64 = 1e12;
/// Largest USD price of one unit of the asset accepted.
pub const MAX_PRICE_USD: f64 = 1e12;
/// Longest projection horizon: 100 years.
pub const MAX_HORIZON_DAYS: f64 = 36_500.0;
/// Longest Pendle maturity and redemption path: 10 years.
pub const MAX_MATURITY_DAYS: f64 = 3_650.0;
/// Lowest APR accepted for any input rate (−100 %/yr).
pub const MIN_APR: f64 = -1.0;
/// Highest APR / APY accepted for any input rate (1,000 %/yr).
pub const MAX_APR: f64 = 10.0;
/// Most gas units one layer's entry or exit may take (per loop for a loop): 1e8, over a
/// thousand times a typical DeFi transaction.
pub const MAX_GAS_UNITS: f64 = 1e8;
/// Highest gas price accepted, in billionths of the native token per gas unit (1e6 gwei).
pub const MAX_GAS_PRICE: f64 = 1e6;
/// Most layers in a stack.
pub const MAX_LAYERS: usize = 16;
/// Most AVSs on one restake layer.
pub const MAX_AVS: usize = 16;
/// Longest protocol id, token label or AVS name, in characters.
pub const MAX_TEXT_CHARS: usize = 64;
/// Most paths one Monte Carlo simulation runs (its ending equities take 8 MB).
pub const MAX_MC_PATHS: u32 = 1_000_000;
/// Rounding slack when checking that magnitudes sum to at most 1.
const MAGNITUDE_SLACK: f64 = 1e-9;

/// Check a whole scenario.
///
/// # Errors
/// The first invalid field.
pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    for p in &STAKE_FIELDS {
        check(p, s, p.key)?;
    }
    if s.layers.is_empty() {
        return Err(err("layers", Problem::Empty));
    }
    if s.layers.len() > MAX_LAYERS {
        return Err(err(
            "layers",
            Problem::TooMany {
                count: s.layers.len(),
                max: MAX_LAYERS,
            },
        ));
    }
    for (i, layer) in s.layers.iter().enumerate() {
        validate_layer(i, layer)?;
    }
    for p in SETTINGS.iter().chain(&COST_SETTINGS) {
        check(p, s, p.key)?;
    }
    for p in &MC {
        check(p, s, p.key)?;
    }
    if s.mc.paths == 0 {
        return Err(err(
            "mc.paths",
            Problem::BelowMin {
                min: 1.0,
                open: false,
            },
        ));
    }
    if s.mc.paths > MAX_MC_PATHS {
        return Err(err(
            "mc.paths",
            Problem::AboveMax {
                max: f64::from(MAX_MC_PATHS),
                open: false,
            },
        ));
    }
    Ok(())
}

/// A number against its table entry; `path` names it in the error.
fn check<T>(p: &Param<T>, x: &T, path: &str) -> Result<(), ScenarioError> {
    match (p.get)(x) {
        Some(v) => in_range(p, v).map_err(|problem| err(path, problem)),
        None => Ok(()),
    }
}

/// Why `v` is not a valid value of `p`, if it is not.
fn in_range<T>(p: &Param<T>, v: f64) -> Result<(), Problem> {
    let r = p.range;
    if !v.is_finite() {
        Err(Problem::NotFinite)
    } else if v < r.min || (r.min_open && v <= r.min) {
        Err(Problem::BelowMin {
            min: r.min,
            open: r.min_open,
        })
    } else if v > r.max || (r.max_open && v >= r.max) {
        Err(Problem::AboveMax {
            max: r.max,
            open: r.max_open,
        })
    } else {
        Ok(())
    }
}

fn validate_layer(i: usize, layer: &Layer) -> Result<(), ScenarioError> {
    let path = |name: &str| format!("layers[{i}].{name}");
    text(&layer.protocol, || path("protocol"))?;
    text(&layer.token, || path("token"))?;
    if let LayerKind::Restake { avs, .. } = &layer.kind {
        validate_avs(i, avs)?;
    }
    for p in kind_params(layer.kind.kind()) {
        check(p, &layer.kind, &path(p.key))?;
    }
    match &layer.kind {
        LayerKind::PendleYt {
            implied_apy,
            maturity_days,
            ..
        } => {
            if *maturity_days == 0.0 {
                return Err(err(&path("maturity_days"), Problem::YtExpired));
            }
            let price = yt_price(*implied_apy, *maturity_days);
            if price < MIN_YT_PRICE {
                return Err(err(
                    &path("implied_apy"),
                    Problem::YtTooCheap {
                        price,
                        min_price: MIN_YT_PRICE,
                    },
                ));
            }
        }
        LayerKind::Loop {
            ltv,
            liq_threshold,
            size,
            ..
        } => {
            if ltv > liq_threshold {
                return Err(err(
                    &path("ltv"),
                    Problem::LtvAboveThreshold {
                        threshold: *liq_threshold,
                    },
                ));
            }
            loop_size(*ltv, *size).map_err(|problem| err(&path("size"), problem))?;
        }
        LayerKind::Stake { .. }
        | LayerKind::Restake { .. }
        | LayerKind::LiquidRestake { .. }
        | LayerKind::PendlePt { .. } => {}
    }
    for p in LAYER.iter().chain(&COSTS) {
        check(p, layer, &path(p.key))?;
    }
    Ok(())
}

fn validate_avs(i: usize, avs: &[Avs]) -> Result<(), ScenarioError> {
    let list = format!("layers[{i}].avs");
    if avs.len() > MAX_AVS {
        return Err(err(
            &list,
            Problem::TooMany {
                count: avs.len(),
                max: MAX_AVS,
            },
        ));
    }
    for (j, a) in avs.iter().enumerate() {
        let path = |name: &str| format!("{list}[{j}].{name}");
        text(&a.name, || path("name"))?;
        for p in &AVS {
            check(p, a, &path(p.key))?;
        }
        if a.severity > a.magnitude {
            return Err(err(
                &path("severity"),
                Problem::SeverityAboveMagnitude {
                    magnitude: a.magnitude,
                },
            ));
        }
    }
    let total: f64 = avs.iter().map(|a| a.magnitude).sum();
    if total > 1.0 + MAGNITUDE_SLACK {
        return Err(err(&list, Problem::MagnitudesAboveOne { total }));
    }
    Ok(())
}

fn loop_size(ltv: f64, size: LoopSize) -> Result<(), Problem> {
    match size {
        LoopSize::Loops(n) if n > MAX_LOOPS => Err(Problem::TooMany {
            count: usize::try_from(n).unwrap_or(usize::MAX),
            max: MAX_LOOPS as usize,
        }),
        LoopSize::Loops(_) => Ok(()),
        LoopSize::Target(t) if !t.is_finite() => Err(Problem::NotFinite),
        LoopSize::Target(t) if t < 1.0 => Err(Problem::TargetBelowOne),
        LoopSize::Target(t) => {
            let cap = max_leverage(ltv);
            // 1/(1 − ℓ) itself is allowed: `loop_leverage` clamps to the same `max_leverage`.
            if t > cap {
                Err(Problem::TargetAboveMax {
                    max: cap,
                    engine_cap: cap >= MAX_LOOP_LEVERAGE,
                })
            } else {
                Ok(())
            }
        }
    }
}

fn text(value: &str, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(err(
            &path(),
            Problem::TooLong {
                max_chars: MAX_TEXT_CHARS,
            },
        ));
    }
    Ok(())
}

fn err(field: &str, problem: Problem) -> ScenarioError {
    ScenarioError {
        field: field.to_string(),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::example::example_scenario;
    use crate::engine::scenario::{DebtAsset, LayerRisk, OracleKind};

    fn with_layer(kind: LayerKind) -> Scenario {
        let mut s = example_scenario();
        s.layers.push(Layer {
            protocol: "x".into(),
            token: "x".into(),
            kind,
            risk: LayerRisk::default(),
            points_apr: 0.0,
            costs: Default::default(),
        });
        s
    }

    fn a_loop(ltv: f64, liq_threshold: f64, size: LoopSize) -> LayerKind {
        LayerKind::Loop {
            ltv,
            liq_threshold,
            liq_bonus: 0.05,
            borrow_apr: 0.03,
            supply_apr: 0.0,
            close_factor: 0.5,
            size,
            oracle: OracleKind::Market,
            debt: DebtAsset::Base,
        }
    }

    fn err_of(s: &Scenario) -> Option<(String, Problem)> {
        validate(s).err().map(|e| (e.field, e.problem))
    }

    #[test]
    fn the_example_is_valid() {
        assert_eq!(validate(&example_scenario()), Ok(()));
    }

    #[test]
    fn errors_name_the_field_and_the_problem() {
        let n = example_scenario().layers.len();
        let mut nan_amount = example_scenario();
        nan_amount.stake.amount = f64::NAN;
        let mut negative = example_scenario();
        negative.stake.amount = -1.0;
        let mut horizon = example_scenario();
        horizon.horizon_days = 0.0;
        let mut empty = example_scenario();
        empty.layers.clear();
        let mut long_name = example_scenario();
        if let Some(l) = long_name.layers.get_mut(0) {
            l.protocol = "é".repeat(65);
        }
        let mut correlation = example_scenario();
        correlation.risk.correlation = 1.5;
        let mut risk = example_scenario();
        if let Some(l) = risk.layers.get_mut(1) {
            l.risk.p_exploit = 2.0;
        }
        let above_one = Problem::AboveMax {
            max: 1.0,
            open: false,
        };
        let above_zero = Problem::BelowMin {
            min: 0.0,
            open: true,
        };
        // (what, scenario, expected field and problem)
        let cases: Vec<(&str, Scenario, (String, Problem))> = vec![
            (
                "NaN amount",
                nan_amount,
                ("stake.amount".into(), Problem::NotFinite),
            ),
            (
                "negative stake",
                negative,
                ("stake.amount".into(), above_zero.clone()),
            ),
            ("zero horizon", horizon, ("horizon_days".into(), above_zero)),
            ("empty stack", empty, ("layers".into(), Problem::Empty)),
            (
                "long protocol id (counted in characters, not bytes)",
                long_name,
                (
                    "layers[0].protocol".into(),
                    Problem::TooLong { max_chars: 64 },
                ),
            ),
            (
                "ltv above LT",
                with_layer(a_loop(0.95, 0.93, LoopSize::Loops(1))),
                (
                    format!("layers[{n}].ltv"),
                    Problem::LtvAboveThreshold { threshold: 0.93 },
                ),
            ),
            (
                "ltv of 1 borrows without limit",
                with_layer(a_loop(1.0, 1.0, LoopSize::Loops(1))),
                (
                    format!("layers[{n}].ltv"),
                    Problem::AboveMax {
                        max: 1.0,
                        open: true,
                    },
                ),
            ),
            (
                "target above 1/(1 − ltv)",
                with_layer(a_loop(0.5, 0.85, LoopSize::Target(6.0))),
                (
                    format!("layers[{n}].size"),
                    Problem::TargetAboveMax {
                        max: 2.0,
                        engine_cap: false,
                    },
                ),
            ),
            (
                "expired YT",
                with_layer(LayerKind::PendleYt {
                    implied_apy: 0.05,
                    maturity_days: 0.0,
                    reward_apr: 0.0,
                    fee_ratio: 0.05,
                    fee_tier: 0.0,
                }),
                (format!("layers[{n}].maturity_days"), Problem::YtExpired),
            ),
            (
                "YT fee of 100 %",
                with_layer(LayerKind::PendleYt {
                    implied_apy: 0.05,
                    maturity_days: 30.0,
                    reward_apr: 0.0,
                    fee_ratio: 1.0,
                    fee_tier: 0.0,
                }),
                (
                    format!("layers[{n}].fee_ratio"),
                    Problem::AboveMax {
                        max: 1.0,
                        open: true,
                    },
                ),
            ),
            (
                "PT in the past",
                with_layer(LayerKind::PendlePt {
                    implied_apy: 0.05,
                    maturity_days: -3.0,
                    fee_tier: 0.0,
                }),
                (
                    format!("layers[{n}].maturity_days"),
                    Problem::BelowMin {
                        min: 0.0,
                        open: false,
                    },
                ),
            ),
            (
                "risk fields are named like their input boxes",
                risk,
                ("layers[1].p_exploit".into(), above_one.clone()),
            ),
            (
                "correlation",
                correlation,
                ("risk.correlation".into(), above_one),
            ),
        ];
        for (what, s, expected) in cases {
            assert_eq!(err_of(&s), Some(expected), "{what}");
        }
    }

    #[test]
    fn matured_pt_is_allowed() {
        let s = with_layer(LayerKind::PendlePt {
            implied_apy: 0.05,
            maturity_days: 0.0,
            fee_tier: 0.0,
        });
        assert_eq!(validate(&s), Ok(()));
    }

    #[test]
    fn avs_rules() {
        let avs = |magnitude: f64, severity: f64| Avs {
            name: "a".into(),
            reward_apr: 0.01,
            magnitude,
            p_slash: 0.01,
            severity,
        };
        let n = example_scenario().layers.len();
        let over = with_layer(LayerKind::Restake {
            avs: vec![avs(0.6, 0.1), avs(0.5, 0.1)],
            commission_ratio: 0.1,
        });
        assert!(matches!(
            err_of(&over),
            Some((f, Problem::MagnitudesAboveOne { total })) if f == format!("layers[{n}].avs") && (total - 1.1).abs() < 1e-12
        ));
        let severe = with_layer(LayerKind::Restake {
            avs: vec![avs(0.2, 0.3)],
            commission_ratio: 0.1,
        });
        assert_eq!(
            err_of(&severe),
            Some((
                format!("layers[{n}].avs[0].severity"),
                Problem::SeverityAboveMagnitude { magnitude: 0.2 }
            ))
        );
    }
}
