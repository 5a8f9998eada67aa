//! Guarantees that need no search: Theorem 1's bound on the cascade, and the per-validator
//! sufficient condition that certifies a margin in time linear in the allocations.

use super::graph::{Graph, MARGIN_CAP, TIE_TOLERANCE};
use super::report::{Margin, Sufficient};

/// Theorem 1's bound on the worst-case loss after a shock ψ.
///
/// # Formula
/// If G is secure with γ-slack for some γ > 0, then R_ψ(G) < (1 + 1/γ) · ψ, a fraction of the
/// total stake σ_V (Durvasula & Roughgarden, Theorem 1; the abstract's example: γ = 10 %,
/// ψ = 0.1 % gives at most 1.1 %). The bound is tight (their Theorem 3). Proof sketch (re-derived
/// here): a cascade's union (A, B) is a valid attack on G ↓ D, so (A, B ∪ D) attacks G and
/// (1 + γ) π_A ≤ σ_B + σ_D; with π_A > σ_B this gives γ σ_B < σ_D ≤ ψ σ_V.
///
/// `None` when γ ≤ 0 (the theorem says nothing) or the bound is not finite. With an unbounded
/// margin (no coalition profits at all) no attack follows the shock: the loss is at most ψ.
///
/// # Examples
/// ```
/// use restack::engine::security::{cascade_bound, Margin};
/// let bound = cascade_bound(Margin::Finite(0.1), 0.001).unwrap_or_default();
/// assert!((bound - 0.011).abs() < 1e-15);
/// assert_eq!(cascade_bound(Margin::Finite(0.0), 0.001), None);
/// ```
pub fn cascade_bound(margin: Margin, shock_ratio: f64) -> Option<f64> {
    match margin {
        Margin::Unbounded => Some(shock_ratio),
        Margin::Finite(gamma) if gamma > 0.0 => {
            let bound = (1.0 + 1.0 / gamma) * shock_ratio;
            bound.is_finite().then_some(bound)
        }
        Margin::Finite(_) => None,
    }
}

/// The per-validator sufficient condition.
///
/// # Formula
/// Durvasula & Roughgarden's Claim 1 (Eq. 3, attributed to the EigenLayer whitepaper) and
/// Corollary 2 (Eq. 17), as transcribed: G is secure with γ-slack if for every validator v
///
/// ```text
/// Σ_{s ∈ N(v)} (σ_v / σ_{N(s)}) · (1 + γ) π_s / α_s ≤ σ_v
/// ⇔  load(v) = Σ_{s ∈ N(v)} π_s / (α_s · σ_{N(s)}) ≤ 1 / (1 + γ).
/// ```
///
/// We re-derived it rather than take it on trust: for an attacking coalition (A, B) and s ∈ A,
/// 1 ≤ σ_{B∩N(s)} / (α_s σ_{N(s)}), so π_A ≤ Σ_{s∈A} π_s σ_{B∩N(s)} / (α_s σ_{N(s)})
/// = Σ_{v∈B} σ_v Σ_{s∈A∩N(v)} π_s / (α_s σ_{N(s)}) ≤ L · σ_B, with L the largest load. Hence
/// σ_B / π_A − 1 ≥ 1/L − 1: the certified margin, a lower bound on the exact γ*. L ≤ 1 certifies
/// that no valid attack exists. The condition is sufficient, not necessary: the paper's Theorem 2
/// shows a network meeting it with equality whose worst-case loss is 100 %.
///
/// Applied to the stake units of [`Graph`]; under unique stake each unit secures one service,
/// and the condition reads α_s · W_s ≥ (1 + γ) · π_s service by service. A service with a profit
/// and no stake at all is free to corrupt: nothing is certified (margin −1).
pub(super) fn sufficient(graph: &Graph) -> Sufficient {
    let unsecured = graph
        .profit
        .iter()
        .zip(&graph.securing)
        .any(|(&p, &w)| p > 0.0 && w <= 0.0);
    if unsecured {
        return Sufficient {
            max_load: None,
            binding_operator: None,
            margin: Margin::Finite(-1.0),
            secure: false,
        };
    }
    let share = |s: usize| -> f64 {
        let p = graph.profit.get(s).copied().unwrap_or(0.0);
        let a = graph.threshold.get(s).copied().unwrap_or(1.0);
        let w = graph.securing.get(s).copied().unwrap_or(0.0);
        if p > 0.0 {
            p / (a * w)
        } else {
            0.0
        }
    };
    let mut max_load = 0.0f64;
    let mut binding_operator = None;
    for unit in &graph.units {
        let load: f64 = super::graph::bits(unit.services).map(share).sum();
        if load > max_load {
            max_load = load;
            binding_operator = Some(unit.operator);
        }
    }
    if !max_load.is_finite() {
        return Sufficient {
            max_load: None,
            binding_operator,
            margin: Margin::Finite(-1.0),
            secure: false,
        };
    }
    let margin = if max_load <= 0.0 {
        Margin::Unbounded
    } else if (max_load - 1.0).abs() <= TIE_TOLERANCE {
        Margin::Finite(0.0)
    } else {
        Margin::Finite((1.0 / max_load - 1.0).clamp(-1.0, MARGIN_CAP))
    };
    Sufficient {
        max_load: Some(max_load),
        binding_operator,
        margin,
        secure: max_load <= 1.0 + TIE_TOLERANCE,
    }
}
