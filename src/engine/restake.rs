//! Restaking: AVS rewards and the magnitudes that bound slashing of the same stake by several
//! services (docs/METHODOLOGY.md §5).
//!
//! Source: EigenLayer ELIP-002 "Slashing via Unique Stake & Operator Sets": an operator allocates
//! a magnitude m_j ∈ [0, 1] of its stake to each operator set (AVS); the sum of magnitudes is at
//! most 1 ("unique stake"), and an AVS can slash at most the stake allocated to it. Each slashing
//! event is valued on the whole position by [`super::risk`].

use super::scenario::Avs;

/// Restaking reward APR on the restaked token, after operator commission.
///
/// # Formula
/// Δ token APR = Σ_j r_j · (1 − c), with r_j the reward APR service j pays on the layer's whole
/// restaked stake (not on its allocated magnitude) and c the operator commission. Magnitudes do
/// not scale rewards; they only bound slashing. This is the meaning every v1 link was written
/// with; a service quoting its APR on the allocated stake only is entered as r · m.
pub fn avs_reward_apr(avs: &[Avs], commission_ratio: f64) -> f64 {
    let keep = (1.0 - commission_ratio).clamp(0.0, 1.0);
    avs.iter().map(|a| a.reward_apr).sum::<f64>() * keep
}

/// Sum of allocated magnitudes Σ_j m_j (≤ 1 under unique stake; validation rejects more).
pub fn total_magnitude(avs: &[Avs]) -> f64 {
    avs.iter().map(|a| a.magnitude).sum()
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
        // 0.3 + 0.2 = 0.5
        assert!((total_magnitude(&set) - 0.5).abs() < TOL);
        assert_eq!(avs_reward_apr(&[], 0.1), 0.0);
        assert_eq!(total_magnitude(&[]), 0.0);
    }
}
