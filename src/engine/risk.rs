//! Risk stacking: the events each layer adds, valued on the whole position, P(any loss), expected
//! loss, worst-case slash and the exit ladder (docs/METHODOLOGY.md §3, §5).
//!
//! Every event is a shock revalued by [`super::valuation::revalue`], so a loss at layer i reaches
//! everything built on it the way the position really carries it: a loop above multiplies a
//! depeg or a backing loss by its leverage and may be liquidated by it (the penalty then belongs
//! to that event, not to a second independent one); a YT above moves 1× with a market depeg but
//! loses min(y_left, s(1 + y_left)) / y_left of its value to a backing loss s.

use super::r#yield::Step;
use super::report::{RiskEvent, RiskKind};
use super::scenario::Layer;
use super::valuation::{revalue, Backing, Shock, Valuation, NO_SHOCK};

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
/// P(any) = (1 − ρ) · (1 − Π_k (1 − p_k)) + ρ · max_k p_k: independence at ρ = 0, comonotonic
/// events at ρ = 1, linear in between (docs/METHODOLOGY.md §3). Empty → 0.
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

/// Expected annual loss of equity: min(1, Σ p · equity loss).
pub fn total_expected_loss(events: &[RiskEvent]) -> f64 {
    unit(events.iter().map(|e| e.expected_loss).sum())
}

/// What the risk model needs to value events on a stack.
pub(crate) struct Positions<'a> {
    /// The stack.
    pub layers: &'a [Layer],
    /// Its yield walk.
    pub steps: &'a [Step],
    /// Equity today, USD (for Aave v3.3's small-position rule).
    pub equity_usd: f64,
    /// The valuation without a shock (equity 1 unless the position is liquidatable now).
    pub today: Valuation,
}

impl<'a> Positions<'a> {
    /// Value today's position.
    pub fn new(layers: &'a [Layer], steps: &'a [Step], equity_usd: f64) -> Self {
        let today = revalue(layers, steps, &NO_SHOCK, equity_usd);
        Positions {
            layers,
            steps,
            equity_usd,
            today,
        }
    }

    /// The position under a shock.
    pub fn value(&self, shock: &Shock) -> Valuation {
        revalue(self.layers, self.steps, shock, self.equity_usd)
    }

    /// One event: probability `p`, and the shock it is.
    fn event(
        &self,
        kind: RiskKind,
        avs: Option<usize>,
        p: f64,
        g: f64,
        shock: &Shock,
    ) -> RiskEvent {
        let v = self.value(shock);
        let equity_loss = unit(self.today.equity - v.equity);
        let p = unit(p);
        RiskEvent {
            kind,
            avs,
            p_annual: p,
            loss_given_event: unit(g),
            equity_loss,
            liquidation_penalty: unit(v.penalty - self.today.penalty).min(equity_loss),
            liquidates: v
                .liquidated_at
                .filter(|_| self.today.liquidated_at.is_none()),
            expected_loss: p * equity_loss,
        }
    }

    /// The events of layer `i`: its exploit (a backing loss), its depeg (a market discount) and,
    /// for a restake layer, one slashing event per service (a backing loss of its severity).
    /// Events with p = 0 or g = 0 are left out.
    pub fn layer_events(&self, i: usize) -> Vec<RiskEvent> {
        let Some(layer) = self.layers.get(i) else {
            return Vec::new();
        };
        let r = &layer.risk;
        let backing = |loss| Shock {
            backing: Backing::At { layer: i, loss },
            ..NO_SHOCK
        };
        let mut events = Vec::new();
        if r.p_exploit > 0.0 && r.exploit_loss > 0.0 {
            events.push(self.event(
                RiskKind::Exploit,
                None,
                r.p_exploit,
                r.exploit_loss,
                &backing(r.exploit_loss),
            ));
        }
        if r.p_depeg > 0.0 && r.depeg_loss > 0.0 {
            let shock = Shock {
                discount: Some((i, r.depeg_loss)),
                ..NO_SHOCK
            };
            events.push(self.event(RiskKind::Depeg, None, r.p_depeg, r.depeg_loss, &shock));
        }
        if let super::scenario::LayerKind::Restake { avs, .. } = &layer.kind {
            for (j, a) in avs.iter().enumerate() {
                if a.p_slash > 0.0 && a.severity > 0.0 {
                    events.push(self.event(
                        RiskKind::Slashing,
                        Some(j),
                        a.p_slash,
                        a.severity,
                        &backing(a.severity),
                    ));
                }
            }
        }
        events
    }

    /// Loss of equity if every service of every restake layer slashes its whole allocated
    /// magnitude (ELIP-002: an AVS slashes at most what is allocated to it), in [0, 1].
    pub fn worst_case_slash(&self) -> f64 {
        let v = self.value(&Shock {
            backing: Backing::EveryRestake { slash: 1.0 },
            ..NO_SHOCK
        });
        unit(self.today.equity - v.equity)
    }
}

/// Longest redemption path of the stack so far (exit ladder): max(previous, exit_days).
pub fn stack_exit_days(previous: f64, exit_days: f64) -> f64 {
    previous.max(exit_days.max(0.0))
}

/// Liquidity mismatch: the token at this depth trades instantly while the stack beneath it needs
/// more than a day to redeem (the seed article's structural risk 3; docs/METHODOLOGY.md §5).
pub fn liquidity_mismatch(instant_exit: bool, stack_exit_days: f64) -> bool {
    instant_exit && stack_exit_days > 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for products and sums of a few hand-entered fractions.
    const TOL: f64 = 1e-12;

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
    fn exit_ladder() {
        assert_eq!(stack_exit_days(14.0, 0.0), 14.0);
        assert!(liquidity_mismatch(true, 14.0));
        assert!(!liquidity_mismatch(true, 0.5));
        assert!(!liquidity_mismatch(false, 14.0));
    }
}
