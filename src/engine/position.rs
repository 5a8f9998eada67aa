//! The borrowing position as a whole: every loop of a stack levers the same collateral (each
//! layer wraps the token beneath it), so a loop's health factor and liquidation point count the
//! debt of every loop beneath it, and the margin ladder reads the position built so far
//! (docs/METHODOLOGY.md §2–§3).
//!
//! # Formulas (per unit of today's equity, after loop k: collateral C_k = value held, debts
//! D_base,k and D_usd,k, liquidation threshold LT_k)
//! - Health factor today: HF_k = LT_k · C_k / (D_base,k + D_usd,k) ([`position_health`]).
//! - A depeg d of a token beneath loop k, market oracle: HF_k · (1 − d) = 1 at d_k = 1 − 1/HF_k.
//!   The same with an exchange-rate or linear-discount oracle for a backing loss s_k = 1 − 1/HF_k.
//! - A base-asset price b (drop x = 1 − b): HF_k(b) = LT_k · C_k · b / (D_base,k · b + D_usd,k),
//!   which reaches 1 at b* = D_usd,k / (LT_k · C_k − D_base,k); with no USD debt a price move
//!   never liquidates.
//! - Wipe-out at market: a depeg d of a token at or beneath depth i costs d · C_i, so equity is
//!   gone at d = 1/C_i; a price drop costs x · (C_i − D_base,i), gone at
//!   x = 1 − D_usd,i / (C_i − D_base,i).
//!
//! These are the closed forms of [`super::valuation::revalue`] for a single market shock (a test
//! checks the valuation at and just inside each of them).

use super::leverage::{days_to_liquidation, position_health};
use super::r#yield::Step;
use super::report::{HealthFactor, Liquidation};
use super::scenario::DebtAsset;

/// A loop seen as part of the whole position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LoopPosition {
    /// Health factor of the position up to this loop, today.
    pub health: HealthFactor,
    /// Where it is liquidated.
    pub liquidation: Liquidation,
    /// The shock of the kind named by `liquidation` that liquidates it (0 when it already is).
    pub tolerable: f64,
    /// Loops in the position up to this one (1 = this loop alone).
    pub loops: u32,
}

/// The smallest market shock (base-asset drop or derivative depeg) the position up to each depth
/// survives without a liquidation or a wipe-out: the margin ladder, non-increasing with depth.
pub(crate) struct Ladder {
    /// One entry per layer.
    pub margins: Vec<f64>,
    /// One entry per layer: `Some` for a loop that borrows.
    pub loops: Vec<Option<LoopPosition>>,
}

/// Clamp into [0, 1], NaN → 0.
fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// The price drop that liquidates the position after a loop: 1 − b* (see the module docs); `None`
/// without USD debt.
fn price_drop_to_liquidation(
    lt: f64,
    collateral: f64,
    debt_base: f64,
    debt_usd: f64,
) -> Option<f64> {
    if debt_usd.is_nan() || debt_usd <= 0.0 {
        return None;
    }
    let headroom = lt * collateral - debt_base;
    if headroom.is_nan() || headroom <= 0.0 {
        return Some(0.0);
    }
    Some(unit(1.0 - debt_usd / headroom))
}

/// The loops' positions and the margin ladder of a walked stack. `derivative` is the layer a
/// derivative depeg hits (the lowest non-loop layer whose token trades on a market), `price_usd`
/// today's price of the base asset.
pub(crate) fn ladder(steps: &[Step], derivative: Option<usize>, price_usd: f64) -> Ladder {
    let mut margins = Vec::with_capacity(steps.len());
    let mut loops = Vec::with_capacity(steps.len());
    let mut margin = 1.0_f64;
    let mut count = 0_u32;
    for (i, step) in steps.iter().enumerate() {
        let c = step.value_mult;
        let debt = step.debt_base + step.debt_usd;
        let depegged = derivative.is_some_and(|d| d <= i);
        let position = step.loop_step.map(|ls| {
            count += 1;
            let health = position_health(ls.liq_threshold, c, debt);
            let hf = match health {
                HealthFactor::Value(h) => h,
                HealthFactor::NoDebt => f64::INFINITY,
            };
            let to_ratio = unit(1.0 - 1.0 / hf);
            let drop =
                price_drop_to_liquidation(ls.liq_threshold, c, step.debt_base, step.debt_usd);
            let (liquidation, tolerable) = match ls.debt {
                DebtAsset::Usd => {
                    let x = drop.unwrap_or(1.0);
                    (
                        Liquidation::Price {
                            price_usd: price_usd * (1.0 - x),
                            max_drop: x,
                        },
                        x,
                    )
                }
                DebtAsset::Base if ls.oracle.follows_market() => (
                    Liquidation::Depeg {
                        ratio: 1.0 - to_ratio,
                        max_depeg: to_ratio,
                    },
                    to_ratio,
                ),
                DebtAsset::Base => (
                    Liquidation::NotByMarket {
                        backing_loss: to_ratio,
                    },
                    to_ratio,
                ),
            };
            // Which market shocks liquidate it: a price drop (USD debt anywhere beneath) and,
            // with a market oracle, a depeg of a token beneath it.
            if let Some(x) = drop {
                margin = margin.min(x);
            }
            let collateral_depegged = derivative.is_some_and(|d| d < i);
            if ls.oracle.follows_market() && collateral_depegged {
                margin = margin.min(to_ratio);
            }
            LoopPosition {
                health,
                liquidation,
                tolerable,
                loops: count,
            }
        });
        // Wipe-out at market value.
        if depegged && c > 1.0 {
            margin = margin.min(1.0 / c);
        }
        if step.debt_usd > 0.0 {
            let exposed = c - step.debt_base;
            margin = margin.min(if exposed > 0.0 {
                unit(1.0 - step.debt_usd / exposed)
            } else {
                0.0
            });
        }
        margins.push(unit(margin));
        loops.push(position);
    }
    Ladder { margins, loops }
}

/// Days until negative carry alone liquidates the position after a loop.
///
/// # Formula
/// HF(t) ≈ HF₀ · e^{(y_c − ȳ_d)·t} with y_c what the collateral earns (token + supply APR) and
/// ȳ_d the debt-weighted borrow APR of the position's loops (exact for one loop; for several,
/// the first-order rate of the sum of debts), via [`days_to_liquidation`].
pub(crate) fn days_to_liquidation_by_carry(step: &Step, health: HealthFactor) -> Option<f64> {
    let ls = step.loop_step?;
    let HealthFactor::Value(hf0) = health else {
        return None;
    };
    let debt = step.debt_base + step.debt_usd;
    if debt.is_nan() || debt <= 0.0 {
        return None;
    }
    days_to_liquidation(hf0, ls.collateral_apr, step.debt_cost_apr / debt)
}

/// The rate at which negative carry erodes the health factor of the position after a loop:
/// ȳ_d − y_c, with ȳ_d the debt-weighted borrow APR of the position's loops and y_c what the
/// collateral earns (token + supply APR), so that HF(t) ≈ HF₀ · e^{−(ȳ_d − y_c)·t}
/// (docs/METHODOLOGY.md §2, as [`days_to_liquidation_by_carry`]). 0 for a layer that borrows
/// nothing.
pub(crate) fn carry_erosion_apr(step: &Step) -> f64 {
    let Some(ls) = step.loop_step else {
        return 0.0;
    };
    let debt = step.debt_base + step.debt_usd;
    if debt.is_nan() || debt <= 0.0 {
        return 0.0;
    }
    let rate = step.debt_cost_apr / debt - ls.collateral_apr;
    if rate.is_finite() {
        rate
    } else {
        0.0
    }
}

#[cfg(test)]
#[allow(clippy::panic)] // a test fails by panicking
mod tests {
    use super::*;
    use crate::engine::r#yield::walk;
    use crate::engine::scenario::{Layer, LayerKind, LayerRisk, LoopSize, OracleKind};
    use crate::engine::valuation::{revalue, Shock, NO_SHOCK};
    use crate::engine::Kind;

    const TOL: f64 = 1e-9;

    fn layer(kind: LayerKind, instant: bool) -> Layer {
        Layer {
            protocol: "p".into(),
            token: "t".into(),
            kind,
            risk: LayerRisk {
                instant_exit: instant,
                ..LayerRisk::default()
            },
            points_apr: 0.0,
            costs: Default::default(),
        }
    }

    fn a_loop(lev: f64, lt: f64, oracle: OracleKind, debt: DebtAsset) -> Layer {
        layer(
            LayerKind::Loop {
                ltv: lt,
                liq_threshold: lt,
                liq_bonus: 0.05,
                borrow_apr: 0.0,
                supply_apr: 0.0,
                close_factor: 1.0,
                size: LoopSize::Target(lev),
                oracle,
                debt,
            },
            true,
        )
    }

    fn hf(h: HealthFactor) -> f64 {
        match h {
            HealthFactor::Value(v) => v,
            HealthFactor::NoDebt => f64::NAN,
        }
    }

    #[test]
    fn stacked_loops_show_the_health_of_the_whole_position() {
        // Issue case: stake → loop 2× → loop 2×, LT 0.85, market oracle, base debt.
        // Loop 1 alone: HF 1.70, tolerable depeg 1 − 1/1.7 = 41.18 %.
        // Loop 2 sees collateral 4 and debt 3: HF 0.85 · 4 / 3 = 1.1333333, tolerable
        // 1 − 1/1.1333333 = 11.76 %: the margin the page must show, not 41 %.
        let layers = vec![
            layer(Kind::Stake.template(), true),
            a_loop(2.0, 0.85, OracleKind::Market, DebtAsset::Base),
            a_loop(2.0, 0.85, OracleKind::Market, DebtAsset::Base),
        ];
        let steps = walk(&layers, None);
        let l = ladder(&steps, Some(0), 3000.0);
        let first = l
            .loops
            .get(1)
            .copied()
            .flatten()
            .map_or(f64::NAN, |p| hf(p.health));
        let second = l
            .loops
            .get(2)
            .copied()
            .flatten()
            .map_or(f64::NAN, |p| hf(p.health));
        assert!((first - 1.7).abs() < TOL);
        assert!((second - 1.133_333_333).abs() < 1e-9);
        let tolerable = l
            .loops
            .get(2)
            .copied()
            .flatten()
            .map_or(f64::NAN, |p| p.tolerable);
        assert!((tolerable - 0.117_647_059).abs() < 1e-9, "{tolerable}");
        assert_eq!(l.loops.get(2).copied().flatten().map(|p| p.loops), Some(2));
        assert!((l.margins.get(2).copied().unwrap_or(f64::NAN) - 0.117_647_059).abs() < 1e-9);
        // And the valuation agrees: a depeg of 11.7 % survives, 11.8 % liquidates.
        let depeg = |d| Shock {
            discount: Some((0, d)),
            ..NO_SHOCK
        };
        assert_eq!(
            revalue(&layers, &steps, &depeg(0.117), 1e6).liquidated_at,
            None
        );
        assert_eq!(
            revalue(&layers, &steps, &depeg(0.118), 1e6).liquidated_at,
            Some(2)
        );
    }

    #[test]
    fn usd_debt_is_liquidated_by_a_price_drop() {
        // stake → loop L = 2.5, LT 0.8, USD debt: C = 2.5, D_usd = 1.5.
        // b* = 1.5 / (0.8 · 2.5) = 0.75: a 25 % drop; at $3,000 the price is $2,250.
        let layers = vec![
            layer(Kind::Stake.template(), false),
            a_loop(2.5, 0.8, OracleKind::Market, DebtAsset::Usd),
        ];
        let steps = walk(&layers, None);
        let l = ladder(&steps, None, 3000.0);
        match l.loops.get(1).copied().flatten().map(|p| p.liquidation) {
            Some(Liquidation::Price {
                price_usd,
                max_drop,
            }) => {
                assert!((price_usd - 2250.0).abs() < 1e-6);
                assert!((max_drop - 0.25).abs() < TOL);
            }
            other => panic!("{other:?}"),
        }
        // Wipe-out at x = 1 − 1.5/2.5 = 40 %, later than the liquidation: the margin is 25 %.
        assert!((l.margins.get(1).copied().unwrap_or(f64::NAN) - 0.25).abs() < TOL);
        let drop = |x: f64| Shock {
            base_price: 1.0 - x,
            ..NO_SHOCK
        };
        assert_eq!(
            revalue(&layers, &steps, &drop(0.249), 1e6).liquidated_at,
            None
        );
        assert_eq!(
            revalue(&layers, &steps, &drop(0.251), 1e6).liquidated_at,
            Some(1)
        );
    }

    #[test]
    fn a_position_already_below_one_is_liquidatable_now() {
        // Two loops at 4.5× with LT 0.85: C = 20.25, D = 19.25, HF = 0.85 · 20.25 / 19.25 < 1.
        let layers = vec![
            layer(Kind::Stake.template(), true),
            a_loop(4.5, 0.85, OracleKind::Market, DebtAsset::Base),
            a_loop(4.5, 0.85, OracleKind::Market, DebtAsset::Base),
        ];
        let steps = walk(&layers, None);
        let l = ladder(&steps, Some(0), 3000.0);
        let p = l
            .loops
            .get(2)
            .copied()
            .flatten()
            .unwrap_or_else(|| panic!("a loop"));
        assert!(hf(p.health) < 1.0);
        assert_eq!(p.tolerable, 0.0);
        assert_eq!(l.margins.get(2).copied(), Some(0.0));
    }
}
