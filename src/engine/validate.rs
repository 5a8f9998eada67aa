//! Validation of a [`Scenario`] before any maths: every number finite and within bounds that keep
//! every output finite, every rule of the domain enforced, each failure a [`ScenarioError`] that
//! names the field (`layers[2].ltv: 0.95 is above the liquidation threshold 0.93`).
//!
//! Fields are checked in the order they appear in the scenario; the first failure is returned.

use super::error::ScenarioError;
use super::leverage::{max_leverage, MAX_LOOPS, MAX_LOOP_LEVERAGE};
use super::pendle::{yt_price, MIN_YT_PRICE};
use super::scenario::{Avs, Layer, LayerKind, LoopSize, RiskSettings, Scenario, StressSettings};

/// Largest stake amount and USD price accepted (1e12): their product, 1e24 USD, keeps every
/// dollar figure finite with room for leverage and growth caps.
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
/// Most layers in a stack.
pub const MAX_LAYERS: usize = 16;
/// Most AVSs on one restake layer.
pub const MAX_AVS: usize = 16;
/// Longest protocol id, token label or AVS name, in characters.
pub const MAX_TEXT_CHARS: usize = 64;
/// Rounding slack when checking that magnitudes sum to at most 1.
const MAGNITUDE_SLACK: f64 = 1e-9;

/// Check a whole scenario.
///
/// # Errors
/// The first invalid field, as [`ScenarioError::Field`] (or [`ScenarioError::Empty`] for a stack
/// without layers).
pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    positive("stake.amount", s.stake.amount, MAX_AMOUNT)?;
    positive("stake.price_usd", s.stake.price_usd, MAX_PRICE_USD)?;
    positive("horizon_days", s.horizon_days, MAX_HORIZON_DAYS)?;
    if s.layers.is_empty() {
        return Err(ScenarioError::Empty);
    }
    if s.layers.len() > MAX_LAYERS {
        return Err(field(
            "layers".into(),
            format!(
                "{} layers is more than the maximum {MAX_LAYERS}",
                s.layers.len()
            ),
        ));
    }
    for (i, layer) in s.layers.iter().enumerate() {
        validate_layer(i, layer)?;
    }
    validate_risk(&s.risk)?;
    validate_stress(&s.stress)
}

fn validate_layer(i: usize, layer: &Layer) -> Result<(), ScenarioError> {
    let path = |name: &str| format!("layers[{i}].{name}");
    text(&layer.protocol, || path("protocol"))?;
    text(&layer.token, || path("token"))?;
    match &layer.kind {
        LayerKind::Stake {
            base_apr,
            fee_ratio,
        } => {
            range(*base_apr, MIN_APR, MAX_APR, || path("base_apr"))?;
            range(*fee_ratio, 0.0, 1.0, || path("fee_ratio"))?;
        }
        LayerKind::Restake {
            avs,
            commission_ratio,
        } => {
            validate_avs(i, avs)?;
            range(*commission_ratio, 0.0, 1.0, || path("commission_ratio"))?;
        }
        LayerKind::LiquidRestake { fee_ratio } => {
            range(*fee_ratio, 0.0, 1.0, || path("fee_ratio"))?;
        }
        LayerKind::PendlePt {
            implied_apy,
            maturity_days,
        } => {
            range(*implied_apy, 0.0, MAX_APR, || path("implied_apy"))?;
            maturity(*maturity_days, || path("maturity_days"))?;
        }
        LayerKind::PendleYt {
            implied_apy,
            maturity_days,
            reward_apr,
        } => {
            range(*implied_apy, 0.0, MAX_APR, || path("implied_apy"))?;
            maturity(*maturity_days, || path("maturity_days"))?;
            if *maturity_days == 0.0 {
                return Err(field(
                    path("maturity_days"),
                    "0 days: the YT has expired and is worth 0; maturity must be after today"
                        .into(),
                ));
            }
            range(*reward_apr, MIN_APR, MAX_APR, || path("reward_apr"))?;
            let price = yt_price(*implied_apy, *maturity_days);
            if price < MIN_YT_PRICE {
                return Err(field(
                    path("implied_apy"),
                    format!(
                        "{implied_apy} with {maturity_days} days to maturity prices the YT at \
                         {price:.2e} of the underlying, below the minimum {MIN_YT_PRICE} \
                         (yield exposure above 10,000×)"
                    ),
                ));
            }
        }
        LayerKind::Loop {
            ltv,
            liq_threshold,
            liq_bonus,
            borrow_apr,
            supply_apr,
            size,
            oracle: _,
            debt: _,
        } => {
            finite(*ltv, || path("ltv"))?;
            if *ltv >= 1.0 {
                return Err(field(
                    path("ltv"),
                    format!("{ltv} must be below 1 (an LTV of 100 % borrows without limit)"),
                ));
            }
            range(*ltv, 0.0, 1.0, || path("ltv"))?;
            finite(*liq_threshold, || path("liq_threshold"))?;
            if !(*liq_threshold > 0.0 && *liq_threshold <= 1.0) {
                return Err(field(
                    path("liq_threshold"),
                    format!("{liq_threshold} must be in (0, 1]"),
                ));
            }
            if ltv > liq_threshold {
                return Err(field(
                    path("ltv"),
                    format!("{ltv} is above the liquidation threshold {liq_threshold}"),
                ));
            }
            range(*liq_bonus, 0.0, 1.0, || path("liq_bonus"))?;
            range(*borrow_apr, MIN_APR, MAX_APR, || path("borrow_apr"))?;
            range(*supply_apr, MIN_APR, MAX_APR, || path("supply_apr"))?;
            loop_size(*ltv, *size, || path("size"))?;
        }
    }
    let r = &layer.risk;
    range(r.p_exploit, 0.0, 1.0, || path("risk.p_exploit"))?;
    range(r.exploit_loss, 0.0, 1.0, || path("risk.exploit_loss"))?;
    range(r.p_depeg, 0.0, 1.0, || path("risk.p_depeg"))?;
    range(r.depeg_loss, 0.0, 1.0, || path("risk.depeg_loss"))?;
    range(r.exit_days, 0.0, MAX_MATURITY_DAYS, || {
        path("risk.exit_days")
    })?;
    range(r.market_share, 0.0, 1.0, || path("risk.market_share"))?;
    range(layer.points_apr, 0.0, MAX_APR, || path("points_apr"))
}

fn validate_avs(i: usize, avs: &[Avs]) -> Result<(), ScenarioError> {
    if avs.len() > MAX_AVS {
        return Err(field(
            format!("layers[{i}].avs"),
            format!("{} AVSs is more than the maximum {MAX_AVS}", avs.len()),
        ));
    }
    for (j, a) in avs.iter().enumerate() {
        let path = |name: &str| format!("layers[{i}].avs[{j}].{name}");
        text(&a.name, || path("name"))?;
        range(a.reward_apr, MIN_APR, MAX_APR, || path("reward_apr"))?;
        range(a.magnitude, 0.0, 1.0, || path("magnitude"))?;
        range(a.p_slash, 0.0, 1.0, || path("p_slash"))?;
        range(a.severity, 0.0, 1.0, || path("severity"))?;
        if a.severity > a.magnitude {
            return Err(field(
                path("severity"),
                format!(
                    "{} is above the allocated magnitude {} (an AVS slashes at most what is \
                     allocated to it)",
                    a.severity, a.magnitude
                ),
            ));
        }
    }
    let total: f64 = avs.iter().map(|a| a.magnitude).sum();
    if total > 1.0 + MAGNITUDE_SLACK {
        return Err(field(
            format!("layers[{i}].avs"),
            format!(
                "allocated magnitudes sum to {total}, above 1 (unique stake: each unit of stake \
                 is allocated at most once, EigenLayer ELIP-002)"
            ),
        ));
    }
    Ok(())
}

fn validate_risk(r: &RiskSettings) -> Result<(), ScenarioError> {
    range(r.correlation, 0.0, 1.0, || "risk.correlation".into())
}

fn validate_stress(s: &StressSettings) -> Result<(), ScenarioError> {
    range(s.price_drop, 0.0, 1.0, || "stress.price_drop".into())?;
    range(s.depeg_small, 0.0, 1.0, || "stress.depeg_small".into())?;
    range(s.depeg_large, 0.0, 1.0, || "stress.depeg_large".into())?;
    range(s.avs_slash, 0.0, 1.0, || "stress.avs_slash".into())?;
    range(s.borrow_apr, MIN_APR, MAX_APR, || {
        "stress.borrow_apr".into()
    })?;
    range(s.yt_implied_apy, 0.0, MAX_APR, || {
        "stress.yt_implied_apy".into()
    })
}

fn loop_size(ltv: f64, size: LoopSize, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    match size {
        LoopSize::Loops(n) => {
            if n > MAX_LOOPS {
                return Err(field(
                    path(),
                    format!("{n} loops is more than the maximum {MAX_LOOPS}"),
                ));
            }
        }
        LoopSize::Target(t) => {
            finite(t, &path)?;
            if t < 1.0 {
                return Err(field(
                    path(),
                    format!("target leverage {t} is below 1 (1 = no borrowing)"),
                ));
            }
            let cap = max_leverage(ltv);
            // 1/(1 − ℓ) itself is allowed: `loop_leverage` clamps to the same `max_leverage`.
            if t > cap {
                let why = if cap >= MAX_LOOP_LEVERAGE {
                    format!("the engine's maximum {MAX_LOOP_LEVERAGE}")
                } else {
                    format!("the maximum 1/(1 − ltv) = {cap:.4} at ltv {ltv}")
                };
                return Err(field(path(), format!("target leverage {t} is above {why}")));
            }
        }
    }
    Ok(())
}

fn maturity(days: f64, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    finite(days, &path)?;
    if days < 0.0 {
        return Err(field(
            path(),
            format!("{days} days is in the past; maturity must be 0 (matured) or later"),
        ));
    }
    range(days, 0.0, MAX_MATURITY_DAYS, path)
}

fn text(value: &str, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    let n = value.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(field(
            path(),
            format!("{n} characters is longer than the maximum {MAX_TEXT_CHARS}"),
        ));
    }
    Ok(())
}

fn positive(name: &str, x: f64, max: f64) -> Result<(), ScenarioError> {
    finite(x, || name.into())?;
    if x <= 0.0 {
        return Err(field(name.into(), format!("{x} must be greater than 0")));
    }
    if x > max {
        return Err(field(
            name.into(),
            format!("{x} is above the maximum {max}"),
        ));
    }
    Ok(())
}

fn range(x: f64, lo: f64, hi: f64, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    finite(x, &path)?;
    if x < lo {
        return Err(field(path(), format!("{x} is below the minimum {lo}")));
    }
    if x > hi {
        return Err(field(path(), format!("{x} is above the maximum {hi}")));
    }
    Ok(())
}

fn finite(x: f64, path: impl Fn() -> String) -> Result<(), ScenarioError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(field(path(), format!("{x} is not a finite number")))
    }
}

fn field(field: String, message: String) -> ScenarioError {
    ScenarioError::Field { field, message }
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
            size,
            oracle: OracleKind::Market,
            debt: DebtAsset::Base,
        }
    }

    fn err_of(s: &Scenario) -> String {
        match validate(s) {
            Ok(()) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_example_is_valid() {
        assert_eq!(validate(&example_scenario()), Ok(()));
    }

    #[test]
    fn errors_name_the_field() {
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
        // (what, scenario, expected message)
        let cases: Vec<(&str, Scenario, String)> = vec![
            (
                "NaN amount",
                nan_amount,
                "stake.amount: NaN is not a finite number".into(),
            ),
            (
                "negative stake",
                negative,
                "stake.amount: -1 must be greater than 0".into(),
            ),
            (
                "zero horizon",
                horizon,
                "horizon_days: 0 must be greater than 0".into(),
            ),
            ("empty stack", empty, "layers: the stack is empty".into()),
            (
                "long protocol id (counted in characters, not bytes)",
                long_name,
                "layers[0].protocol: 65 characters is longer than the maximum 64".into(),
            ),
            (
                "ltv above LT",
                with_layer(a_loop(0.95, 0.93, LoopSize::Loops(1))),
                format!("layers[{n}].ltv: 0.95 is above the liquidation threshold 0.93"),
            ),
            (
                "ltv of 1",
                with_layer(a_loop(1.0, 1.0, LoopSize::Loops(1))),
                format!(
                    "layers[{n}].ltv: 1 must be below 1 (an LTV of 100 % borrows without limit)"
                ),
            ),
            (
                "target above 1/(1 − ltv)",
                with_layer(a_loop(0.8, 0.85, LoopSize::Target(6.0))),
                format!(
                    "layers[{n}].size: target leverage 6 is above the maximum 1/(1 − ltv) = \
                     5.0000 at ltv 0.8"
                ),
            ),
            (
                "expired YT",
                with_layer(LayerKind::PendleYt {
                    implied_apy: 0.05,
                    maturity_days: 0.0,
                    reward_apr: 0.0,
                }),
                format!(
                    "layers[{n}].maturity_days: 0 days: the YT has expired and is worth 0; \
                     maturity must be after today"
                ),
            ),
            (
                "PT in the past",
                with_layer(LayerKind::PendlePt {
                    implied_apy: 0.05,
                    maturity_days: -3.0,
                }),
                format!(
                    "layers[{n}].maturity_days: -3 days is in the past; maturity must be 0 \
                     (matured) or later"
                ),
            ),
            (
                "correlation",
                correlation,
                "risk.correlation: 1.5 is above the maximum 1".into(),
            ),
        ];
        for (what, s, expected) in cases {
            assert_eq!(err_of(&s), expected, "{what}");
        }
    }

    #[test]
    fn matured_pt_is_allowed() {
        let s = with_layer(LayerKind::PendlePt {
            implied_apy: 0.05,
            maturity_days: 0.0,
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
        assert!(err_of(&over).starts_with(&format!(
            "layers[{n}].avs: allocated magnitudes sum to 1.1, above 1"
        )));
        let severe = with_layer(LayerKind::Restake {
            avs: vec![avs(0.2, 0.3)],
            commission_ratio: 0.1,
        });
        assert!(err_of(&severe).starts_with(&format!(
            "layers[{n}].avs[0].severity: 0.3 is above the allocated"
        )));
    }
}
