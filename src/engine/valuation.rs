//! Revaluing today's position under a shock: the one valuation model behind the risk events
//! (each event is a shock), the stress scenarios and the worst-case slash (docs/METHODOLOGY.md §3).
//!
//! # Model
//! The position is walked bottom → top per unit of today's equity, tracking
//! - `b`: USD price of the base asset relative to today (a price drop: 1 − x);
//! - `F`: backing of the token held, relative to today. A backing loss s at layer i (an exploit of
//!   its contracts, a slash of its restaked stake) multiplies it by 1 − s for the token after
//!   layer i and every token built on it. A YT turns a backing loss beneath it into the loss of
//!   its own value [`yt_backing_loss`] (Pendle's index never decreases), and a repricing at a new
//!   implied APY multiplies its value by P_YT,new / P_YT,old;
//! - `Q`: market discount of the token held. A depeg d at layer i multiplies it by 1 − d for the
//!   token after layer i and every token above it (a YT or PT moves with its underlying: 1×);
//! - `m`: units of the token held (today's value 1 each), `D_base`, `D_usd`: the debts so far.
//!
//! The token's USD value is P = F · Q · b. Equity is accumulated so that without a shock every
//! increment is exactly 0: E starts at b; a change of P adds m · ΔP; a loop adds
//! (L − 1) · m · (P − u) with u = b for debt in the base asset and 1 for USD debt.
//!
//! A loop is checked after the shocks beneath it, before its own: its lender prices the
//! collateral at O = F · Q (market oracle) or O = F (exchange-rate and linear-discount oracles),
//! and sees every debt of the position ([`position_health`]): HF = LT · m · O · b / (D_base · b +
//! D_usd). Below 1 a liquidation repays [`repaid_share`] of the debt and costs
//! [`liquidation_penalty`]; the position continues with the collateral and debt left. The loop's
//! own exploit (its venue losing deposits) is a loss of the collateral, not a liquidation.
//! Equity at or below 0 is a wipe-out: it stays at 0 (bad debt is the lender's).

use super::leverage::{liquidation_penalty, position_health, repaid_share};
use super::pendle::{yt_backing_loss, yt_price};
use super::r#yield::Step;
use super::report::HealthFactor;
use super::restake::total_magnitude;
use super::scenario::{DebtAsset, Layer, LayerKind};
use super::validate::MAX_LAYERS;

/// Equity at or below this fraction of today's counts as wiped out (rounding slack).
pub(crate) const WIPE_EPS: f64 = 1e-12;

/// Which backing losses a shock brings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Backing {
    /// None.
    Intact,
    /// A loss of `loss` of the backing of the token after layer `layer`.
    At {
        /// Layer index.
        layer: usize,
        /// Fraction of the backing lost.
        loss: f64,
    },
    /// Every restake layer slashed by `slash`, capped by its allocated magnitude Σ m_j
    /// (ELIP-002: a service slashes at most what is allocated to it).
    EveryRestake {
        /// Fraction of the restaked stake.
        slash: f64,
    },
}

/// One shock, applied to today's position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shock {
    /// USD price of the base asset relative to today.
    pub base_price: f64,
    /// A market discount `d` of the token after layer `i`: `Some((i, d))`.
    pub discount: Option<(usize, f64)>,
    /// Backing losses.
    pub backing: Backing,
    /// New implied APY of every YT, if repriced.
    pub yt_implied_apy: Option<f64>,
}

/// No shock at all: the valuation gives back today's equity exactly.
pub(crate) const NO_SHOCK: Shock = Shock {
    base_price: 1.0,
    discount: None,
    backing: Backing::Intact,
    yt_implied_apy: None,
};

/// The position after a shock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Valuation {
    /// Equity after the shock, relative to today's (1 = unchanged, 0 = wiped out).
    pub equity: f64,
    /// Lowest health factor among the loops after the shock (before any liquidation).
    pub health_after: HealthFactor,
    /// First loop liquidated.
    pub liquidated_at: Option<usize>,
    /// Share of the debt its liquidation repaid.
    pub repaid_share: f64,
    /// Equity lost to liquidation penalties, relative to today's equity.
    pub penalty: f64,
    /// Layer at which equity reached 0.
    pub wiped_at: Option<usize>,
}

/// Revalue the position of `layers` (walked into `steps`) under `shock`. `equity_usd` sizes the
/// position for Aave v3.3's small-position rule. Total: every output is finite.
pub(crate) fn revalue(
    layers: &[Layer],
    steps: &[Step],
    shock: &Shock,
    equity_usd: f64,
) -> Valuation {
    let mut marks = [UNMARKED; MAX_LAYERS];
    for (i, (layer, mark)) in layers.iter().zip(marks.iter_mut()).enumerate() {
        *mark = mark_of(shock, i, layer, steps.get(i));
    }
    let b = finite_unit(shock.base_price, 1.0).max(0.0);
    let mut today = Held::TODAY;
    revalue_held(
        layers,
        steps,
        &Marks {
            base_price: b,
            layers: &marks,
        },
        equity_usd,
        &mut today,
        None,
    )
}

/// The multipliers `shock` puts on layer `i`.
fn mark_of(shock: &Shock, i: usize, layer: &Layer, step: Option<&Step>) -> LayerMark {
    let backing = match shock.backing {
        Backing::At { layer: at, loss } if at == i => 1.0 - unit(loss),
        Backing::EveryRestake { slash } => match &layer.kind {
            LayerKind::Restake { avs, .. } => 1.0 - unit(slash.min(total_magnitude(avs))),
            _ => 1.0,
        },
        _ => 1.0,
    };
    let discount = match shock.discount {
        Some((at, d)) if at == i => 1.0 - unit(d),
        _ => 1.0,
    };
    let yt_reprice = match (shock.yt_implied_apy, step.and_then(|s| s.yt)) {
        (Some(y), Some(yt)) => yt_price(y, yt.maturity_days) / yt.price.max(f64::MIN_POSITIVE),
        _ => 1.0,
    };
    LayerMark {
        backing,
        discount,
        yt_reprice,
        yt_matured: None,
    }
}

/// What the shocks so far did to one layer's token, as multipliers (1 = untouched).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LayerMark {
    /// × on the backing of the token after the layer: 1 − s for a backing loss s.
    pub backing: f64,
    /// × on the market discount of the token after the layer: 1 − d for a depeg d.
    pub discount: f64,
    /// × on a YT's value from a new implied APY (P_YT,new / P_YT,old at purchase).
    pub yt_reprice: f64,
    /// A YT that has matured on a path: its value then and the backing beneath it then. From
    /// its maturity on, the position holds what the YT paid, which moves 1× with the backing
    /// beneath (docs/METHODOLOGY.md §11).
    pub yt_matured: Option<YtMatured>,
}

/// A matured YT's value ratio and the backing beneath it at its maturity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YtMatured {
    /// The YT's value ratio at maturity ((1 − lost) · reprice).
    pub value: f64,
    /// The backing of the token beneath it at maturity.
    pub backing_beneath: f64,
}

/// A layer no shock has touched.
pub(crate) const UNMARKED: LayerMark = LayerMark {
    backing: 1.0,
    discount: 1.0,
    yt_reprice: 1.0,
    yt_matured: None,
};

/// A position's marks: the base-asset price and each layer's multipliers (a missing layer is
/// [`UNMARKED`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks<'a> {
    /// USD price of the base asset relative to today.
    pub base_price: f64,
    /// Per layer, bottom first.
    pub layers: &'a [LayerMark],
}

/// What a position carries along a simulated path besides its marks: what earlier liquidations
/// left of each loop, and the interest its lenders have seen accrue (docs/METHODOLOGY.md §11).
/// [`Held::TODAY`] is today's position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Held {
    /// Per layer: × on the units held after the loop there (collateral seized earlier).
    pub units_kept: [f64; MAX_LAYERS],
    /// Per layer: × on the position's debt after the loop there (debt repaid earlier).
    pub debt_kept: [f64; MAX_LAYERS],
    /// Per layer: × on the debt the loop's lender sees in its health factor: the debt's interest
    /// accrued against what the collateral earned, e^{(ȳ_d − y_c)·t} (docs/METHODOLOGY.md §2).
    pub lender_drift: [f64; MAX_LAYERS],
}

impl Held {
    /// Today's position: nothing seized, repaid or accrued.
    pub const TODAY: Held = Held {
        units_kept: [1.0; MAX_LAYERS],
        debt_kept: [1.0; MAX_LAYERS],
        lender_drift: [1.0; MAX_LAYERS],
    };
}

/// The position's shape after a valuation, for checking later marks cheaply: each layer's
/// equity is E_i(b) = b · equity_b[i] − equity_usd[i], and a loop's lender sees collateral
/// b · hf_collateral[i] against debt (b · hf_debt_base[i] + hf_debt_usd[i]) · drift (its state
/// after any liquidation of this valuation). Valid until a mark or the held state changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Trace {
    /// Per layer: units · F · Q − D_base after it (the equity's coefficient of b).
    pub equity_b: [f64; MAX_LAYERS],
    /// Per layer: D_usd after it.
    pub equity_usd: [f64; MAX_LAYERS],
    /// Per layer: whether a loop borrows there.
    pub is_loop: [bool; MAX_LAYERS],
    /// Per loop: LT · units · oracle value (b factored out).
    pub hf_collateral: [f64; MAX_LAYERS],
    /// Per loop: the position's debt in the base asset, after any liquidation here.
    pub hf_debt_base: [f64; MAX_LAYERS],
    /// Per loop: the position's USD debt, after any liquidation here.
    pub hf_debt_usd: [f64; MAX_LAYERS],
    /// Per YT layer: its value ratio ((1 − lost) · reprice, or the matured value).
    pub yt_value: [f64; MAX_LAYERS],
    /// Per YT layer: the backing beneath it.
    pub yt_backing_beneath: [f64; MAX_LAYERS],
    /// Layers walked (fewer than the stack's when equity reached 0).
    pub walked: usize,
}

impl Trace {
    /// An empty trace.
    pub const EMPTY: Trace = Trace {
        equity_b: [0.0; MAX_LAYERS],
        equity_usd: [0.0; MAX_LAYERS],
        is_loop: [false; MAX_LAYERS],
        hf_collateral: [0.0; MAX_LAYERS],
        hf_debt_base: [0.0; MAX_LAYERS],
        hf_debt_usd: [0.0; MAX_LAYERS],
        yt_value: [1.0; MAX_LAYERS],
        yt_backing_beneath: [1.0; MAX_LAYERS],
        walked: 0,
    };
}

/// Set `slot` of `array` (nothing when it is out of range).
fn put<T>(array: &mut [T], slot: usize, value: T) {
    if let Some(x) = array.get_mut(slot) {
        *x = value;
    }
}

/// Read `slot` of `array`, `fallback` when out of range.
fn at<T: Copy>(array: &[T], slot: usize, fallback: T) -> T {
    array.get(slot).copied().unwrap_or(fallback)
}

/// Revalue the position under `marks`, starting from what `held` carries, and record in `held`
/// what this valuation's liquidations take (the one model behind [`revalue`], with a path's
/// memory; docs/METHODOLOGY.md §3 and §11). With [`Held::TODAY`] and marks from a [`Shock`] it is
/// exactly [`revalue`]: every multiplier it adds is then 1. `trace`, when given, receives the
/// position's shape after the valuation. Total: every output is finite.
pub(crate) fn revalue_held(
    layers: &[Layer],
    steps: &[Step],
    marks: &Marks<'_>,
    equity_usd: f64,
    held: &mut Held,
    mut trace: Option<&mut Trace>,
) -> Valuation {
    let b = marks.base_price;
    let mut backing = 1.0_f64;
    let mut discount = 1.0_f64;
    let mut price = b;
    let mut equity = b;
    let mut units = 1.0_f64;
    let mut debt_base = 0.0_f64;
    let mut debt_usd = 0.0_f64;
    let mut out = Valuation {
        equity: 1.0,
        health_after: HealthFactor::NoDebt,
        liquidated_at: None,
        repaid_share: 0.0,
        penalty: 0.0,
        wiped_at: None,
    };
    let mut lowest: Option<f64> = None;
    if let Some(t) = trace.as_deref_mut() {
        *t = Trace::EMPTY;
    }

    for (i, (_, step)) in layers.iter().zip(steps).enumerate() {
        let mark = at(marks.layers, i, UNMARKED);
        // 1. What the layer does to the losses beneath it.
        if let Some(yt) = step.yt {
            let beneath = backing;
            backing = match mark.yt_matured {
                Some(m) if m.backing_beneath > 0.0 => {
                    (m.value * backing / m.backing_beneath).max(0.0)
                }
                Some(_) => 0.0,
                None => {
                    let lost = yt_backing_loss(
                        1.0 - backing,
                        yt.underlying_apy,
                        yt.reward_apr,
                        yt.maturity_days,
                    );
                    ((1.0 - lost) * mark.yt_reprice).max(0.0)
                }
            };
            if let Some(t) = trace.as_deref_mut() {
                put(&mut t.yt_value, i, backing);
                put(&mut t.yt_backing_beneath, i, beneath);
            }
        }
        // 2. A loop borrows against the token as it stands, and its lender checks the position.
        if let Some(ls) = step.loop_step {
            let debt_price = match ls.debt {
                DebtAsset::Base => b,
                DebtAsset::Usd => 1.0,
            };
            let added = (ls.leverage - 1.0) * units;
            equity += added * (price - debt_price);
            units *= ls.leverage;
            match ls.debt {
                DebtAsset::Base => debt_base += added,
                DebtAsset::Usd => debt_usd += added,
            }
            // What earlier liquidations on the path took (nothing today).
            let units_kept = at(&held.units_kept, i, 1.0);
            let debt_kept = at(&held.debt_kept, i, 1.0);
            if units_kept != 1.0 || debt_kept != 1.0 {
                let seized = units * (1.0 - units_kept);
                let repaid_base = debt_base * (1.0 - debt_kept);
                let repaid_usd = debt_usd * (1.0 - debt_kept);
                equity += repaid_base * b + repaid_usd - seized * price;
                units -= seized;
                debt_base -= repaid_base;
                debt_usd -= repaid_usd;
            }
            let oracle = if ls.oracle.follows_market() {
                backing * discount
            } else {
                backing
            };
            let collateral = units * oracle * b;
            let debt = debt_base * b + debt_usd;
            let drift = at(&held.lender_drift, i, 1.0);
            if let HealthFactor::Value(h) =
                position_health(ls.liq_threshold, collateral, debt * drift)
            {
                lowest = Some(lowest.map_or(h, |l: f64| l.min(h)));
                let share = repaid_share(
                    h,
                    ls.close_factor,
                    collateral * equity_usd,
                    debt * equity_usd,
                );
                if share > 0.0 {
                    let repaid = share * debt;
                    let market_over_oracle = if oracle * b > 0.0 {
                        price / (oracle * b)
                    } else {
                        1.0
                    };
                    let penalty = liquidation_penalty(repaid, ls.liq_bonus, market_over_oracle);
                    let seized = if oracle * b > 0.0 {
                        (repaid * (1.0 + ls.liq_bonus) / (oracle * b)).min(units)
                    } else {
                        units
                    };
                    equity -= penalty;
                    out.penalty += penalty;
                    if let Some(k) = held.units_kept.get_mut(i) {
                        *k *= if units > 0.0 {
                            (units - seized) / units
                        } else {
                            0.0
                        };
                    }
                    if let Some(k) = held.debt_kept.get_mut(i) {
                        *k *= 1.0 - share;
                    }
                    units -= seized;
                    debt_base *= 1.0 - share;
                    debt_usd *= 1.0 - share;
                    if out.liquidated_at.is_none() {
                        out.liquidated_at = Some(i);
                        out.repaid_share = share;
                    }
                }
            }
            if let Some(t) = trace.as_deref_mut() {
                put(&mut t.is_loop, i, true);
                put(&mut t.hf_collateral, i, ls.liq_threshold * units * oracle);
                put(&mut t.hf_debt_base, i, debt_base);
                put(&mut t.hf_debt_usd, i, debt_usd);
            }
        }
        // 3. The layer's own shocks, on the token after it.
        backing *= mark.backing;
        discount *= mark.discount;
        let new_price = backing * discount * b;
        equity += units * (new_price - price);
        price = new_price;
        if let Some(t) = trace.as_deref_mut() {
            put(&mut t.equity_b, i, units * backing * discount - debt_base);
            put(&mut t.equity_usd, i, debt_usd);
            t.walked = i + 1;
        }
        if !equity.is_finite() || equity <= WIPE_EPS * b.max(1.0) {
            out.wiped_at = Some(i);
            equity = 0.0;
            break;
        }
    }
    out.equity = finite_unit(equity, 0.0).max(0.0);
    out.penalty = finite_unit(out.penalty, 0.0).max(0.0);
    out.health_after = lowest.map_or(HealthFactor::NoDebt, HealthFactor::Value);
    out
}

/// Clamp into [0, 1], NaN → 0.
fn unit(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// `x` if finite, else `fallback`.
fn finite_unit(x: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::r#yield::walk;
    use crate::engine::scenario::{Layer, LayerRisk, LoopSize, OracleKind};
    use crate::engine::Kind;

    /// Tolerance for hand-computed equity figures.
    const TOL: f64 = 1e-9;

    fn layer(kind: LayerKind) -> Layer {
        Layer {
            protocol: "p".into(),
            token: "t".into(),
            kind,
            risk: LayerRisk::default(),
            points_apr: 0.0,
            costs: Default::default(),
        }
    }

    fn a_loop(lev: f64, lt: f64, oracle: OracleKind, debt: DebtAsset, close: f64) -> Layer {
        layer(LayerKind::Loop {
            ltv: lt,
            liq_threshold: lt,
            liq_bonus: 0.05,
            borrow_apr: 0.0,
            supply_apr: 0.0,
            close_factor: close,
            size: LoopSize::Target(lev),
            oracle,
            debt,
        })
    }

    fn stake() -> Layer {
        layer(Kind::Stake.template())
    }

    fn value(layers: &[Layer], shock: Shock) -> Valuation {
        revalue(layers, &walk(layers, None), &shock, 1e6)
    }

    #[test]
    fn no_shock_changes_nothing() {
        let layers = vec![
            stake(),
            a_loop(2.0, 0.85, OracleKind::Market, DebtAsset::Base, 1.0),
            a_loop(2.0, 0.85, OracleKind::Market, DebtAsset::Usd, 1.0),
        ];
        let v = value(&layers, NO_SHOCK);
        assert_eq!(v.equity, 1.0);
        assert_eq!(v.liquidated_at, None);
        // Two 2× loops: collateral 4, debt 3: HF = 0.85 · 4 / 3.
        assert_eq!(v.health_after, HealthFactor::Value(0.85 * 4.0 / 3.0));
    }

    #[test]
    fn a_depeg_beneath_a_market_loop_costs_l_times_and_liquidates_past_its_margin() {
        // stake → loop L = 4, LT 0.9, base debt: HF0 = 0.9 · 4 / 3 = 1.2, liquidated by a depeg
        // above 1 − 1/1.2 = 16.67 %.
        let layers = vec![
            stake(),
            a_loop(4.0, 0.9, OracleKind::Market, DebtAsset::Base, 0.5),
        ];
        let depeg = |d| Shock {
            discount: Some((0, d)),
            ..NO_SHOCK
        };
        // 10 %: E = 1 − 0.1 · 4 = 0.6, HF = 1.2 · 0.9 = 1.08, no liquidation.
        let v = value(&layers, depeg(0.10));
        assert!((v.equity - 0.6).abs() < TOL, "{v:?}");
        assert_eq!(v.liquidated_at, None);
        // 17 %: HF = 1.2 · 0.83 = 0.996 ∈ (0.95, 1): half the debt (3 · 0.5 = 1.5) is repaid,
        // penalty 0.05 · 1.5 = 0.075; E = 1 − 0.17 · 4 − 0.075 = 0.245.
        let v = value(&layers, depeg(0.17));
        assert_eq!(v.liquidated_at, Some(1));
        assert_eq!(v.repaid_share, 0.5);
        assert!((v.penalty - 0.075).abs() < TOL);
        assert!((v.equity - 0.245).abs() < TOL, "{v:?}");
        // 20 %: HF = 0.96 — still half. 25 %: HF = 0.9 < 0.95: all of it, penalty 0.15;
        // E = 1 − 1 − 0.15 < 0: wiped out.
        let v = value(&layers, depeg(0.25));
        assert_eq!(v.repaid_share, 1.0);
        assert_eq!(v.equity, 0.0);
        assert_eq!(v.wiped_at, Some(1));
    }

    #[test]
    fn a_path_remembers_its_liquidations_and_its_lenders_interest() {
        // stake → loop L = 4, LT 0.9, market oracle, base debt, close factor 0.5 (HF₀ = 1.2).
        let layers = vec![
            stake(),
            a_loop(4.0, 0.9, OracleKind::Market, DebtAsset::Base, 0.5),
        ];
        let steps = walk(&layers, None);
        let depegged = |d: f64| {
            let mut marks = [UNMARKED; MAX_LAYERS];
            marks[0].discount = d;
            marks
        };
        let value = |marks: &[LayerMark], held: &mut Held| {
            revalue_held(
                &layers,
                &steps,
                &Marks {
                    base_price: 1.0,
                    layers: marks,
                },
                1e6,
                held,
                None,
            )
        };
        // A 17 % depeg: HF 0.996, half the debt of 3 repaid (1.5), collateral seized
        // 1.5 · 1.05 / 0.83 = 1.8975904 of 4 units; E = 1 − 0.17 · 4 − 0.075 = 0.245.
        let mut held = Held::TODAY;
        let v = value(&depegged(0.83), &mut held);
        assert_eq!(v.liquidated_at, Some(1));
        assert!((v.equity - 0.245).abs() < TOL, "{v:?}");
        assert_eq!(held.debt_kept[1], 0.5);
        assert!((held.units_kept[1] - (4.0 - 1.5 * 1.05 / 0.83) / 4.0).abs() < TOL);
        // The next step at the same marks values the smaller position: units worth
        // 4 · 0.83 − 1.575 = 1.745 against debt 1.5, HF = 0.9 · 1.745 / 1.5 = 1.047: no second
        // liquidation, and the same equity 0.245.
        let again = value(&depegged(0.83), &mut held);
        assert_eq!(again.liquidated_at, None);
        assert!((again.equity - 0.245).abs() < TOL, "{again:?}");
        // The depeg deepens by 5 %: collateral 1.745 · 0.95 = 1.65775, HF 0.99465: half of the
        // remaining 1.5 repaid, penalty 0.0375; E = 1.65775 − 1.5 − 0.0375 = 0.12025.
        let deeper = value(&depegged(0.83 * 0.95), &mut held);
        assert_eq!(deeper.liquidated_at, Some(1));
        assert!((deeper.equity - 0.12025).abs() < TOL, "{deeper:?}");
        assert_eq!(held.debt_kept[1], 0.25);
        // Interest: the lender sees the debt 1.25 times the collateral's growth, HF =
        // 0.9 · 4 / (3 · 1.25) = 0.96: half the debt repaid, penalty 0.075, E = 0.925.
        let mut accrued = Held::TODAY;
        accrued.lender_drift[1] = 1.25;
        let v = value(&[UNMARKED; MAX_LAYERS], &mut accrued);
        assert_eq!(v.liquidated_at, Some(1));
        assert!((v.equity - 0.925).abs() < TOL, "{v:?}");
    }

    #[test]
    fn an_exchange_rate_loop_ignores_a_depeg_but_not_a_slash() {
        // Issue case: L = 8, LT 0.95, debt in the base asset: HF0 = 0.95 · 8 / 7 = 1.0857143;
        // liquidated by a backing loss above 1 − 7/(8 · 0.95) = 7.89 %.
        let layers = vec![
            stake(),
            a_loop(8.0, 0.95, OracleKind::ExchangeRate, DebtAsset::Base, 1.0),
        ];
        let v = value(
            &layers,
            Shock {
                discount: Some((0, 0.5)),
                ..NO_SHOCK
            },
        );
        assert_eq!(
            v.liquidated_at, None,
            "a market depeg does not move the oracle"
        );
        let slash = |s| Shock {
            backing: Backing::At { layer: 0, loss: s },
            ..NO_SHOCK
        };
        assert_eq!(value(&layers, slash(0.07)).liquidated_at, None);
        let v = value(&layers, slash(0.08));
        assert_eq!(v.liquidated_at, Some(1));
        // HF = 1.0857143 · 0.92 = 0.9988571: whole debt (close factor 1), penalty 0.05 · 7 = 0.35;
        // E = 1 − 0.08 · 8 − 0.35 = 0.01.
        assert!((v.equity - 0.01).abs() < TOL, "{v:?}");
    }
}
