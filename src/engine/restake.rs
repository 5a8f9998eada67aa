//! Restaking: AVS rewards and slashing of the same stake by several services.
//!
//! Source: EigenLayer ELIP-002 "Slashing via Unique Stake & Operator Sets": an operator allocates
//! a magnitude m_j ∈ [0, 1] of its stake to each operator set (AVS); the sum of magnitudes is at
//! most 1 ("unique stake"), and an AVS can slash at most the stake allocated to it. `DESIGN.md` §3.

use super::scenario::Avs;

/// Restaking reward APR on the restaked token, after operator commission.
///
/// # Formula
/// Δ token APR = Σ_j r_j · (1 − c), with r_j the reward APR AVS j pays per unit of restaked stake
/// and c the operator commission. Rewards are quoted per unit of the stake that secures the AVS,
/// so magnitudes do not scale them; magnitudes only bound slashing.
pub fn avs_reward_apr(avs: &[Avs], commission_ratio: f64) -> f64 {
    let keep = (1.0 - commission_ratio).clamp(0.0, 1.0);
    avs.iter().map(|a| a.reward_apr).sum::<f64>() * keep
}

/// Sum of allocated magnitudes Σ_j m_j (≤ 1 under unique stake; validation rejects more).
pub fn total_magnitude(avs: &[Avs]) -> f64 {
    avs.iter().map(|a| a.magnitude).sum()
}

/// Expected annual slashing loss of the restaked stake.
///
/// # Formula
/// E(loss) = Σ_j p_j · s_j (`DESIGN.md` §3), s_j ≤ m_j the severity of a slashing event.
pub fn expected_slash(avs: &[Avs]) -> f64 {
    avs.iter().map(|a| a.p_slash * a.severity).sum()
}

/// Worst-case slashable fraction of the restaked stake.
///
/// # Formula
/// worst = min(1, Σ_j m_j) (ELIP-002: each AVS slashes at most its allocated magnitude).
pub fn worst_case_slash(avs: &[Avs]) -> f64 {
    total_magnitude(avs).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for sums of a few hand-entered fractions.
    const TOL: f64 = 1e-12;

    fn avs(reward_apr: f64, magnitude: f64, p_slash: f64, severity: f64) -> Avs {
        Avs {
            name: "test".into(),
            reward_apr,
            magnitude,
            p_slash,
            severity,
        }
    }

    #[test]
    fn restake_table() {
        let set = [avs(0.004, 0.3, 0.01, 0.05), avs(0.006, 0.2, 0.02, 0.10)];
        // (0.004 + 0.006) · (1 − 0.10) = 0.009
        assert!((avs_reward_apr(&set, 0.10) - 0.009).abs() < TOL);
        // 0.01 · 0.05 + 0.02 · 0.10 = 0.0005 + 0.002 = 0.0025
        assert!((expected_slash(&set) - 0.0025).abs() < TOL);
        // 0.3 + 0.2 = 0.5
        assert!((worst_case_slash(&set) - 0.5).abs() < TOL);
        assert_eq!(avs_reward_apr(&[], 0.1), 0.0);
        assert_eq!(worst_case_slash(&[]), 0.0);
    }
}
