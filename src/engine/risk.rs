//! Risk stacking: the events each layer adds, their exposure to the leverage above them,
//! P(any loss), expected loss, worst-case slash, the margin ladder and the exit ladder.
//!
//! Source: `DESIGN.md` §3 ("risk stacking", "safety margin per depth", "exit time of the stack"),
//! with the exposure convention decided for the engine:
//! - layer multiplier m_i = L for a loop, 1/P_YT for a YT, 1 otherwise;
//! - event exposure X_i = Π_{j ≥ i} m_j over the whole stack: a loss of value at layer i reaches
//!   every wrapper above it, amplified by the leverage above (a loop's own events include its L).
//!
//! For a YT above a market depeg this is an upper bound: a depeg that does not cut the yield
//! moves the YT's price by about the depeg, not 1/P_YT times it (the stress table values that case
//! at market). For losses of backing (exploit, slashing) the amplification is real: the YT's yield
//! stops until the index recovers.

use super::report::{RiskEvent, RiskKind};
use super::scenario::{Avs, Layer};

/// Exposure of each layer's events: X_i = Π_{j ≥ i} m_j (suffix products of the multipliers).
///
/// # Formula
/// X_n = m_n, X_i = m_i · X_{i+1}; computed top-down. Multipliers are ≥ 1 and bounded by
/// validation, so the products stay finite.
pub fn event_exposures(multipliers: &[f64]) -> Vec<f64> {
    let mut out: Vec<f64> = multipliers
        .iter()
        .rev()
        .scan(1.0, |acc, m| {
            *acc *= m;
            Some(*acc)
        })
        .collect();
    out.reverse();
    out
}

/// Cumulative multipliers: M_i = Π_{j ≤ i} m_j (the report's per-layer `multiplier`).
pub fn cumulative_multipliers(multipliers: &[f64]) -> Vec<f64> {
    multipliers
        .iter()
        .scan(1.0, |acc, m| {
            *acc *= m;
            Some(*acc)
        })
        .collect()
}

/// One risk event with its equity impact.
///
/// # Formula
/// equity_loss = min(1, g · X); expected_loss = p · equity_loss (`DESIGN.md` §3:
/// "expected annual loss ≈ Σ p_ik · min(1, g_ik · M_i)"). p and g are clamped into [0, 1].
pub fn risk_event(kind: RiskKind, label: String, p: f64, g: f64, exposure: f64) -> RiskEvent {
    let p = unit(p);
    let g = unit(g);
    let equity_loss = unit(g * exposure);
    RiskEvent {
        kind,
        label,
        p_annual: p,
        loss_given_event: g,
        equity_loss,
        expected_loss: p * equity_loss,
    }
}

/// Clamp into [0, 1], NaN → 0.
fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// Probability that at least one of the events happens in a year.
///
/// # Formula
/// P(any) = (1 − ρ) · (1 − Π_k (1 − p_k)) + ρ · max_k p_k (`DESIGN.md` §3: independence at ρ = 0,
/// comonotonic events at ρ = 1, linear in between). Empty → 0.
pub fn p_any_loss(probabilities: &[f64], correlation: f64) -> f64 {
    let rho = unit(correlation);
    let independent = 1.0
        - probabilities
            .iter()
            .map(|p| 1.0 - unit(*p))
            .product::<f64>();
    let comonotonic = probabilities.iter().map(|p| unit(*p)).fold(0.0, f64::max);
    unit((1.0 - rho) * independent + rho * comonotonic)
}

/// Expected annual loss of equity: min(1, Σ expected losses of the events).
pub fn total_expected_loss(events: &[RiskEvent]) -> f64 {
    unit(events.iter().map(|e| e.expected_loss).sum())
}

/// The events a layer's own risk assumptions add: exploit, depeg and, for a restake layer, one
/// slashing event per AVS (p_j, loss s_j). Events with p = 0 or g = 0 are left out.
pub fn layer_events(layer: &Layer, avs: &[Avs], exposure: f64) -> Vec<RiskEvent> {
    let mut events = Vec::new();
    let r = &layer.risk;
    if r.p_exploit > 0.0 && r.exploit_loss > 0.0 {
        events.push(risk_event(
            RiskKind::Exploit,
            format!("{} contract exploit", layer_name(layer)),
            r.p_exploit,
            r.exploit_loss,
            exposure,
        ));
    }
    if r.p_depeg > 0.0 && r.depeg_loss > 0.0 {
        events.push(risk_event(
            RiskKind::Depeg,
            format!("{} depeg", token_name(layer)),
            r.p_depeg,
            r.depeg_loss,
            exposure,
        ));
    }
    for a in avs {
        if a.p_slash > 0.0 && a.severity > 0.0 {
            events.push(risk_event(
                RiskKind::Slashing,
                format!("AVS slashing: {}", a.name),
                a.p_slash,
                a.severity,
                exposure,
            ));
        }
    }
    events
}

/// Annual probability that a loop whose oracle follows the market is liquidated by a depeg of the
/// collateral beneath it.
///
/// # Formula
/// p = 1 − Π_j (1 − p_depeg_j) over the layers j beneath the loop whose `depeg_loss` is at least
/// the loop's tolerable depeg (1 − p_liq); 0 when none is (independence, as in `DESIGN.md` §3).
/// Deliberately simple: a depeg either reaches the liquidation point or it does not. Price-driven
/// liquidations of USD-debt loops have no probability input here; the stress table shows them.
pub fn p_liquidation_by_depeg(beneath: &[Layer], tolerable_depeg: f64) -> f64 {
    let survive: f64 = beneath
        .iter()
        .filter(|l| l.risk.depeg_loss >= tolerable_depeg && l.risk.depeg_loss > 0.0)
        .map(|l| 1.0 - unit(l.risk.p_depeg))
        .product();
    unit(1.0 - survive)
}

/// Loss given a liquidation, as a fraction of the collateral held at the loop.
///
/// # Formula
/// The liquidator repays the debt (L − 1) and takes bonus · (L − 1) extra collateral, out of L of
/// collateral: g = bonus · (L − 1) / L. Times the exposure X_i (which includes L) this is
/// bonus · (L − 1) · X_{i+1} of equity (`DESIGN.md` §3: "liquidation costs the liquidation bonus
/// on what is sold").
pub fn liquidation_loss_given_event(leverage: f64, liq_bonus: f64) -> f64 {
    if leverage > 1.0 && leverage.is_finite() {
        unit(liq_bonus * (leverage - 1.0) / leverage)
    } else {
        0.0
    }
}

/// Worst-case slashable fraction of equity.
///
/// # Formula
/// min(1, Σ_i Σ_j m_ij · X_i) over the restake layers i and their AVSs j (ELIP-002: an AVS slashes
/// at most its allocated magnitude; `DESIGN.md` §3 "worst case Σ m_j"), amplified by the exposure.
pub fn worst_case_slash<'a>(restakes: impl Iterator<Item = (&'a [Avs], f64)>) -> f64 {
    unit(
        restakes
            .map(|(avs, exposure)| super::restake::total_magnitude(avs) * exposure)
            .sum(),
    )
}

/// One step of the margin ladder.
///
/// # Formula
/// margin_i = min(margin_{i−1}, 1 / M_i, tolerable shock of loop i) with margin_{−1} = 1:
/// a loss of 1/M_i of the base asset's value (or backing) wipes out equity exposed M_i times, and
/// a loop is liquidated by a shock of 1 − p_liq. Taking the minimum with the previous step makes
/// the ladder non-increasing with depth by construction: adding a layer never widens it.
pub fn margin_step(previous: f64, cumulative_multiplier: f64, loop_tolerable: Option<f64>) -> f64 {
    let wipe = if cumulative_multiplier > 1.0 {
        1.0 / cumulative_multiplier
    } else {
        1.0
    };
    let m = previous.min(wipe);
    unit(match loop_tolerable {
        Some(t) => m.min(t),
        None => m,
    })
}

/// Longest redemption path of the stack so far (exit ladder): max(previous, exit_days).
pub fn stack_exit_days(previous: f64, exit_days: f64) -> f64 {
    previous.max(exit_days.max(0.0))
}

/// Liquidity mismatch: the token at this depth trades instantly while the stack beneath it needs
/// more than a day to redeem (`DESIGN.md` §2, structural risk 3).
pub fn liquidity_mismatch(instant_exit: bool, stack_exit_days: f64) -> bool {
    instant_exit && stack_exit_days > 1.0
}

fn layer_name(layer: &Layer) -> &str {
    if layer.protocol.is_empty() {
        token_name(layer)
    } else {
        &layer.protocol
    }
}

fn token_name(layer: &Layer) -> &str {
    if layer.token.is_empty() {
        "token"
    } else {
        &layer.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for products and sums of a few hand-entered fractions.
    const TOL: f64 = 1e-12;

    #[test]
    fn exposures_are_suffix_products() {
        // m = [1, 1, 2.952, 1]: X = [2.952, 2.952, 2.952, 1]; M = [1, 1, 2.952, 2.952].
        let m = [1.0, 1.0, 2.952, 1.0];
        assert_eq!(event_exposures(&m), vec![2.952, 2.952, 2.952, 1.0]);
        assert_eq!(cumulative_multipliers(&m), vec![1.0, 1.0, 2.952, 2.952]);
        assert!(event_exposures(&[]).is_empty());
    }

    #[test]
    fn p_any_table() {
        // (what, ps, ρ, expected)
        let cases: [(&str, &[f64], f64, f64); 4] = [
            // 1 − 0.99 · 0.98 = 1 − 0.9702 = 0.0298
            ("independent", &[0.01, 0.02], 0.0, 0.0298),
            ("comonotonic", &[0.01, 0.02], 1.0, 0.02),
            // 0.5 · 0.0298 + 0.5 · 0.02 = 0.0249
            ("half correlated", &[0.01, 0.02], 0.5, 0.0249),
            ("no events", &[], 0.3, 0.0),
        ];
        for (what, ps, rho, expected) in cases {
            let got = p_any_loss(ps, rho);
            assert!((got - expected).abs() < TOL, "{what}: {got}");
        }
    }

    #[test]
    fn events_are_capped_at_total_loss() {
        // g · X = 0.3 · 5 = 1.5 → capped at 1; expected = 0.02 · 1.
        let e = risk_event(RiskKind::Exploit, "x".into(), 0.02, 0.3, 5.0);
        assert_eq!(e.equity_loss, 1.0);
        assert!((e.expected_loss - 0.02).abs() < TOL);
        // g · X = 0.05 · 2.952 = 0.1476; expected = 0.1 · 0.1476 = 0.01476.
        let d = risk_event(RiskKind::Depeg, "y".into(), 0.1, 0.05, 2.952);
        assert!((d.equity_loss - 0.1476).abs() < TOL);
        assert!((d.expected_loss - 0.014_76).abs() < TOL);
        assert_eq!(total_expected_loss(&[e.clone(), e.clone()]), 0.04);
    }

    #[test]
    fn margin_ladder_never_widens() {
        // 1 → stake (M = 1) → loop L = 2.952, tolerable 0.2033 → YT (M = 59.5).
        let m0 = margin_step(1.0, 1.0, None);
        let m1 = margin_step(m0, 2.952, Some(0.203_317));
        let m2 = margin_step(m1, 2.952 * 59.5, None);
        assert_eq!(m0, 1.0);
        assert!((m1 - 0.203_317).abs() < TOL);
        // 1 / (2.952 · 59.5) = 1 / 175.644 = 0.005693335
        assert!((m2 - 0.005_693_335).abs() < 1e-9);
        assert!(m2 <= m1 && m1 <= m0);
    }

    #[test]
    fn liquidation_loss_and_exit_ladder() {
        // bonus 0.05, L = 2.952: 0.05 · 1.952 / 2.952 = 0.033062331
        assert!((liquidation_loss_given_event(2.952, 0.05) - 0.033_062_331).abs() < 1e-9);
        assert_eq!(liquidation_loss_given_event(1.0, 0.05), 0.0);
        assert_eq!(stack_exit_days(14.0, 0.0), 14.0);
        assert!(liquidity_mismatch(true, 14.0));
        assert!(!liquidity_mismatch(true, 0.5));
        assert!(!liquidity_mismatch(false, 14.0));
    }
}
