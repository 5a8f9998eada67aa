//! Comparing stacks (docs/METHODOLOGY.md §10): the worst stress outcome of a report and the
//! efficient frontier of a set of stacks in (expected loss, net APY).

use super::report::{Report, StressResult};

/// The stress scenario that leaves the least equity (ties: the first in the report's order),
/// `None` for a report without stress rows.
pub fn worst_stress(report: &Report) -> Option<&StressResult> {
    report.stress.iter().fold(None, |worst, s| match worst {
        Some(w) if w.equity_change <= s.equity_change => Some(w),
        _ => Some(s),
    })
}

/// Indices of the points on the efficient frontier of `(risk, reward)` pairs: those no other
/// point dominates, a point dominating another when its risk is no higher and its reward no
/// lower, one of them strictly (Markowitz's efficient set, with expected loss standing for risk).
/// Returned in order of increasing risk; of exact duplicates only the first is kept. Non-finite
/// points are never on the frontier.
pub fn efficient_frontier(points: &[(f64, f64)]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..points.len())
        .filter(|&i| {
            points
                .get(i)
                .is_some_and(|(x, y)| x.is_finite() && y.is_finite())
        })
        .collect();
    // By risk ascending, then reward descending: a sweep keeps each point whose reward beats
    // every reward seen at lower (or equal) risk.
    idx.sort_by(|&a, &b| {
        let (pa, pb) = (points.get(a), points.get(b));
        match (pa, pb) {
            (Some(pa), Some(pb)) => {
                pa.0.total_cmp(&pb.0)
                    .then(pb.1.total_cmp(&pa.1))
                    .then(a.cmp(&b))
            }
            _ => a.cmp(&b),
        }
    });
    let mut best = f64::NEG_INFINITY;
    let mut out = Vec::new();
    for i in idx {
        if let Some(&(_, y)) = points.get(i) {
            if y > best {
                best = y;
                out.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frontier_keeps_undominated_points_in_order_of_risk() {
        // (expected loss, net APY): b dominates d (less risk, more yield); c is the riskiest
        // but pays most; a is the safest; e duplicates a and is dropped; f is not finite.
        let pts = [
            (0.01, 0.03),    // a
            (0.02, 0.05),    // b
            (0.05, 0.20),    // c
            (0.03, 0.04),    // d: dominated by b
            (0.01, 0.03),    // e: same as a
            (f64::NAN, 1.0), // f
            (0.02, 0.01),    // g: dominated by a
        ];
        assert_eq!(efficient_frontier(&pts), vec![0, 1, 2]);
    }

    #[test]
    fn equal_risk_keeps_the_higher_reward() {
        assert_eq!(efficient_frontier(&[(0.01, 0.02), (0.01, 0.05)]), vec![1]);
        assert!(efficient_frontier(&[]).is_empty());
    }
}
