//! Deterministic stress scenarios (`DESIGN.md` §3): base asset price drop, derivative depeg
//! (small and large), AVS slash, borrow-rate spike, YT implied-APY collapse.
//!
//! # Valuation model
//! Each shock is a set of price moves; the position is revalued bottom → top, per unit of equity:
//! - `b`: USD price of the base asset relative to today (price drop: 1 − d);
//! - `F`: backing of the token held, in base-asset units, relative to today. A restake layer's
//!   slash multiplies it by (1 − s), with s capped by the layer's allocated magnitude Σ m_j
//!   (ELIP-002); a YT turns a backing loss 1 − F of its underlying into 1 − (1 − F)/P_YT of its
//!   own value (the YT earns nothing until the index recovers), floored at 0, and a repricing at a
//!   new implied APY multiplies it by P_YT,new / P_YT,old;
//! - `Q`: market discount. A depeg d hits the lowest non-loop layer whose token trades on a market
//!   (`risk.instant_exit`), "the derivative", and every token above it inherits the discount;
//! - loops borrow `debt_per_equity` of the base asset (worth b in USD) or of USD (worth 1).
//!
//! Equity at depth i: E_i = value_mult_i · P_i − Σ_{k ≤ i} debt_k · u_k − penalties, where
//! P_i = F_i · Q_i · b is the USD value ratio of the token held and u_k the debt's (b or 1). It is
//! accumulated layer by layer so that no difference of two large numbers loses precision:
//! E_{−1} = b; a non-loop layer adds value_mult · (P_i − P_{i−1}); a loop adds
//! (L − 1) · value_mult_before · (P − u) − penalty. Without a shock every increment is exactly 0.
//! A loop is checked with its health factor at the post-shock collateral price c, where c is F · Q
//! for a market oracle and F for an exchange-rate or linear-discount oracle, times b for USD debt:
//! HF = HF₀ · c ([`super::leverage::health_factor`]). `liquidated` is exactly
//! [`super::leverage::is_liquidatable`] of the lowest post-shock HF, so "HF < 1" and "liquidated"
//! never disagree. A liquidation sells collateral to repay the whole debt and costs the bonus on
//! it (penalty = liq_bonus · debt). A position whose equity reaches 0 at some depth is wiped out;
//! equity is floored at 0 (bad debt is the lender's).
//! `breaks_first` is the lowest layer liquidated or wiped out. The borrow spike changes no price:
//! it reports the new net APY and the time until negative carry liquidates (see
//! [`super::leverage::days_to_liquidation`]).

use super::leverage::{days_to_liquidation, health_factor, is_liquidatable};
use super::pendle::yt_price;
use super::r#yield::{walk, Step};
use super::rates::{apr_to_apy, finite_or};
use super::report::{HealthFactor, StressKind, StressResult};
use super::restake::total_magnitude;
use super::scenario::{DebtAsset, Layer, LayerKind, Scenario};

/// Equity at or below this fraction of today's counts as wiped out (rounding slack).
const WIPE_EPS: f64 = 1e-12;

/// Inputs every stress row needs besides the shock.
pub(crate) struct StressInput<'a> {
    /// The scenario (layers, stress sizes, asset).
    pub scenario: &'a Scenario,
    /// The yield walk of the scenario.
    pub steps: &'a [Step],
    /// Equity today in USD.
    pub equity_usd: f64,
    /// Net APY today (as in the summary).
    pub net_apy: f64,
}

/// One deterministic shock.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shock {
    /// USD price of the base asset relative to today.
    base_price: f64,
    /// Market discount of the derivative.
    depeg: f64,
    /// Backing loss of the restaked stake (before the magnitude cap).
    slash: f64,
    /// New implied APY of every YT, if repriced.
    yt_implied_apy: Option<f64>,
}

const NO_SHOCK: Shock = Shock {
    base_price: 1.0,
    depeg: 0.0,
    slash: 0.0,
    yt_implied_apy: None,
};

/// Result of revaluing the position under a shock.
#[derive(Debug, Clone, PartialEq)]
struct Valuation {
    equity_ratio: f64,
    health_after: HealthFactor,
    liquidated_at: Option<usize>,
    breaks_first: Option<usize>,
    /// Index of the derivative hit by the depeg.
    derivative: Option<usize>,
}

/// Index of the derivative a depeg hits: the lowest non-loop layer whose token trades on a market.
fn derivative_index(layers: &[Layer]) -> Option<usize> {
    layers
        .iter()
        .position(|l| l.risk.instant_exit && !matches!(l.kind, LayerKind::Loop { .. }))
}

/// Revalue the position under a shock (see the module docs for the model).
fn revalue(layers: &[Layer], steps: &[Step], shock: Shock) -> Valuation {
    let derivative = derivative_index(layers);
    let b = shock.base_price;
    let mut backing = 1.0_f64;
    let mut discount = 1.0_f64;
    let mut lowest_hf: Option<f64> = None;
    let mut liquidated_at = None;
    let mut breaks_first = None;
    let mut wiped = false;
    let mut price = b;
    let mut equity = b;
    let mut value_mult = 1.0_f64;

    for (i, (layer, step)) in layers.iter().zip(steps).enumerate() {
        match &layer.kind {
            LayerKind::Restake { avs, .. } => {
                let s = shock.slash.min(total_magnitude(avs)).clamp(0.0, 1.0);
                backing *= 1.0 - s;
            }
            LayerKind::PendleYt { maturity_days, .. } => {
                let p_old = step.yt.map_or(1.0, |y| y.price).max(f64::MIN_POSITIVE);
                let reprice = match shock.yt_implied_apy {
                    Some(y) => yt_price(y, *maturity_days) / p_old,
                    None => 1.0,
                };
                backing = ((1.0 - (1.0 - backing) / p_old).max(0.0) * reprice).max(0.0);
            }
            _ => {}
        }
        if let Some(ls) = &step.loop_step {
            let oracle_price = if ls.oracle.follows_market() {
                backing * discount
            } else {
                backing
            };
            let (collateral_price, debt_price) = match ls.debt {
                DebtAsset::Usd => (oracle_price * b, 1.0),
                DebtAsset::Base => (oracle_price, b),
            };
            let health = health_factor(ls.leverage, collateral_price, ls.liq_threshold);
            if let HealthFactor::Value(h) = health {
                lowest_hf = Some(lowest_hf.map_or(h, |l: f64| l.min(h)));
            }
            // Collateral L·m at price P against debt (L − 1)·m at price u, on top of m held:
            // ΔE = (L − 1)·m·(P − u), minus the bonus on the debt if liquidated.
            let mut delta = ls.debt_per_equity * (price - debt_price);
            if is_liquidatable(health) {
                delta -= ls.liq_bonus * ls.debt_per_equity * debt_price;
                liquidated_at.get_or_insert(i);
                breaks_first.get_or_insert(i);
            }
            equity = finite_or(equity + delta, 0.0);
        } else {
            if derivative == Some(i) {
                discount = (1.0 - shock.depeg).clamp(0.0, 1.0);
            }
            let new_price = backing * discount * b;
            equity = finite_or(equity + value_mult * (new_price - price), 0.0);
            price = new_price;
        }
        value_mult = step.value_mult;
        if equity <= WIPE_EPS {
            wiped = true;
            breaks_first.get_or_insert(i);
        }
    }
    let health_after = match lowest_hf {
        Some(h) => HealthFactor::Value(h),
        None => HealthFactor::NoDebt,
    };
    Valuation {
        equity_ratio: if wiped { 0.0 } else { equity.max(0.0) },
        health_after,
        liquidated_at,
        breaks_first,
        derivative,
    }
}

/// Run the six stress scenarios, in the order of [`StressKind`].
pub(crate) fn run(input: &StressInput<'_>) -> Vec<StressResult> {
    let s = &input.scenario.stress;
    vec![
        price_drop(input, s.price_drop),
        depeg(input, StressKind::DepegSmall, s.depeg_small),
        depeg(input, StressKind::DepegLarge, s.depeg_large),
        avs_slash(input, s.avs_slash),
        borrow_spike(input, s.borrow_apr),
        yt_collapse(input, s.yt_implied_apy),
    ]
}

fn price_drop(input: &StressInput<'_>, d: f64) -> StressResult {
    let sc = input.scenario;
    let v = revalue(
        &sc.layers,
        input.steps,
        Shock {
            base_price: 1.0 - d,
            ..NO_SHOCK
        },
    );
    let ticker = sc.stake.asset.ticker();
    let usd_loops = input
        .steps
        .iter()
        .filter_map(|s| s.loop_step)
        .filter(|l| l.debt == DebtAsset::Usd)
        .count();
    let note = if let Some(k) = v.liquidated_at {
        format!(
            "USD debt: the {} loop is liquidated (HF {} < 1) and pays its liquidation bonus",
            protocol(sc, k),
            hf_text(v.health_after)
        )
    } else if usd_loops > 0 {
        format!(
            "USD debt: HF falls to {}, not liquidated; equity {}",
            hf_text(v.health_after),
            signed_pct(v.equity_ratio - 1.0)
        )
    } else if input.steps.iter().any(|s| s.loop_step.is_some()) {
        format!(
            "debt in {ticker}: the price cancels in the health factor; value falls with {ticker}"
        )
    } else {
        format!("no debt: value falls with {ticker}, nothing is liquidated")
    };
    result(
        input,
        StressKind::PriceDrop,
        format!("{ticker} −{}", pct(d)),
        d,
        &v,
        note,
    )
}

fn depeg(input: &StressInput<'_>, kind: StressKind, d: f64) -> StressResult {
    let sc = input.scenario;
    let v = revalue(
        &sc.layers,
        input.steps,
        Shock {
            depeg: d,
            ..NO_SHOCK
        },
    );
    let Some(der) = v.derivative else {
        return result(
            input,
            kind,
            format!("Derivative depeg −{}", pct(d)),
            d,
            &v,
            "no token in this stack trades on a market: nothing to depeg".into(),
        );
    };
    let token = token(sc, der);
    let loops_above: Vec<_> = input
        .steps
        .iter()
        .enumerate()
        .skip(der)
        .filter_map(|(i, s)| s.loop_step.map(|l| (i, l)))
        .collect();
    let non_market = loops_above.iter().find(|(_, l)| !l.oracle.follows_market());
    let note = if let Some(k) = v.liquidated_at {
        format!(
            "market-price oracle: the {} loop is liquidated (HF {} < 1) and pays its \
             liquidation bonus",
            protocol(sc, k),
            hf_text(v.health_after)
        )
    } else if let Some((_, l)) = non_market {
        format!(
            "{} oracle: the depeg costs {} of equity at market but does not liquidate",
            l.oracle.label(),
            pct(1.0 - v.equity_ratio)
        )
    } else if !loops_above.is_empty() {
        format!(
            "HF falls to {}, not liquidated; equity {} at market",
            hf_text(v.health_after),
            signed_pct(v.equity_ratio - 1.0)
        )
    } else {
        format!(
            "no debt: a loss only if sold at market; redeeming instead takes {} days",
            days_text(stack_exit_days(sc))
        )
    };
    result(
        input,
        kind,
        format!("{token} depeg −{}", pct(d)),
        d,
        &v,
        note,
    )
}

fn avs_slash(input: &StressInput<'_>, s: f64) -> StressResult {
    let sc = input.scenario;
    let v = revalue(
        &sc.layers,
        input.steps,
        Shock {
            slash: s,
            ..NO_SHOCK
        },
    );
    let magnitudes: Vec<f64> = sc
        .layers
        .iter()
        .filter_map(|l| match &l.kind {
            LayerKind::Restake { avs, .. } => Some(total_magnitude(avs)),
            _ => None,
        })
        .collect();
    let note = if magnitudes.is_empty() {
        "no restaked stake in this stack".to_string()
    } else {
        let capped = magnitudes.iter().any(|m| *m < s);
        let cap = if capped {
            " (capped by the allocated magnitude)"
        } else {
            ""
        };
        let outcome = match (v.liquidated_at, v.breaks_first) {
            (Some(k), _) => format!(
                "the {} loop is liquidated (HF {} < 1)",
                protocol(sc, k),
                hf_text(v.health_after)
            ),
            (None, Some(k)) => format!("equity is wiped out at the {} layer", protocol(sc, k)),
            (None, None) => format!("equity {}", signed_pct(v.equity_ratio - 1.0)),
        };
        format!("backing loss of the restaked stake{cap}, amplified by the layers above: {outcome}")
    };
    result(
        input,
        StressKind::AvsSlash,
        format!("AVS slash {}", pct(s)),
        s,
        &v,
        note,
    )
}

fn borrow_spike(input: &StressInput<'_>, rate: f64) -> StressResult {
    let sc = input.scenario;
    let spiked = walk(&sc.layers, Some(rate));
    let mut v = revalue(&sc.layers, input.steps, NO_SHOCK);
    let net_apr = spiked.last().map_or(0.0, |s| s.equity_apr)
        + if sc.risk.include_points {
            spiked.last().map_or(0.0, |s| s.points_equity_apr)
        } else {
            0.0
        };
    let net_apy_after = apr_to_apy(net_apr);
    // Earliest liquidation by negative carry; ties go to the lowest layer.
    let mut first: Option<(usize, Option<f64>)> = None;
    for (i, step) in spiked.iter().enumerate() {
        let Some(l) = step.loop_step else { continue };
        if l.borrow_apr <= l.collateral_apr {
            continue;
        }
        let hf0 = match l.health {
            HealthFactor::Value(h) => h,
            HealthFactor::NoDebt => continue,
        };
        let days = days_to_liquidation(hf0, l.collateral_apr, l.borrow_apr);
        let better = match first {
            None => true,
            Some((_, best)) => days.unwrap_or(f64::INFINITY) < best.unwrap_or(f64::INFINITY),
        };
        if better {
            first = Some((i, days));
        }
    }
    v.breaks_first = first.map(|(i, _)| i).or(v.breaks_first);
    let days = first.and_then(|(_, d)| d);
    let has_loops = spiked.iter().any(|s| s.loop_step.is_some());
    let note = match first {
        Some((k, Some(d))) => format!(
            "net APY {}; negative carry on the {} loop liquidates it in about {} days",
            signed_pct(net_apy_after),
            protocol(sc, k),
            days_text(d)
        ),
        Some((k, None)) => format!(
            "net APY {}; negative carry on the {} loop, liquidation more than 100 years away",
            signed_pct(net_apy_after),
            protocol(sc, k)
        ),
        None if has_loops => format!(
            "net APY {}; collateral still out-earns the debt: no liquidation by carry",
            signed_pct(net_apy_after)
        ),
        None => "no borrowing in this stack".to_string(),
    };
    let mut r = result(
        input,
        StressKind::BorrowSpike,
        format!("Borrow APR → {}", pct(rate)),
        rate,
        &v,
        note,
    );
    r.net_apy_after = net_apy_after;
    r.days_to_liquidation = days;
    r
}

fn yt_collapse(input: &StressInput<'_>, y: f64) -> StressResult {
    let sc = input.scenario;
    let v = revalue(
        &sc.layers,
        input.steps,
        Shock {
            yt_implied_apy: Some(y),
            ..NO_SHOCK
        },
    );
    let yt = sc
        .layers
        .iter()
        .zip(input.steps)
        .enumerate()
        .find_map(|(i, (l, s))| match (&l.kind, s.yt) {
            (LayerKind::PendleYt { maturity_days, .. }, Some(step)) => {
                Some((i, step.price, yt_price(y, *maturity_days)))
            }
            _ => None,
        });
    let note = match yt {
        None => "no YT in this stack".to_string(),
        Some((i, old, new)) => format!(
            "{} repriced: P_YT {} → {} of the underlying ({}); the YT layer {}",
            token(sc, i),
            sig(old),
            sig(new),
            signed_pct(if old > 0.0 { new / old - 1.0 } else { 0.0 }),
            if v.breaks_first.is_some() {
                "breaks"
            } else {
                "survives"
            }
        ),
    };
    result(
        input,
        StressKind::YtCollapse,
        format!("YT implied APY → {}", pct(y)),
        y,
        &v,
        note,
    )
}

fn result(
    input: &StressInput<'_>,
    kind: StressKind,
    label: String,
    shock: f64,
    v: &Valuation,
    note: String,
) -> StressResult {
    let ratio = finite_or(v.equity_ratio, 0.0).max(0.0);
    StressResult {
        kind,
        label,
        shock,
        equity_after_usd: finite_or(input.equity_usd * ratio, 0.0),
        equity_change: ratio - 1.0,
        liquidated: is_liquidatable(v.health_after),
        breaks_first: v.breaks_first,
        note,
        health_after: v.health_after,
        net_apy_after: input.net_apy,
        days_to_liquidation: None,
    }
}

fn stack_exit_days(sc: &Scenario) -> f64 {
    sc.layers
        .iter()
        .map(|l| l.risk.exit_days)
        .fold(0.0, f64::max)
}

fn protocol(sc: &Scenario, i: usize) -> String {
    sc.layers
        .get(i)
        .map(|l| {
            if l.protocol.is_empty() {
                format!("layer {}", i + 1)
            } else {
                l.protocol.clone()
            }
        })
        .unwrap_or_default()
}

fn token(sc: &Scenario, i: usize) -> String {
    sc.layers
        .get(i)
        .map(|l| {
            if l.token.is_empty() {
                "derivative".to_string()
            } else {
                l.token.clone()
            }
        })
        .unwrap_or_default()
}

/// A fraction as a percentage with at most 2 decimals, trailing zeros dropped: 0.3 → "30%".
fn pct(x: f64) -> String {
    let s = format!("{:.2}", x * 100.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}%")
}

/// Signed percentage with a true minus sign: −14.8%, +2%.
fn signed_pct(x: f64) -> String {
    if x < 0.0 {
        format!("−{}", pct(-x))
    } else {
        format!("+{}", pct(x))
    }
}

fn hf_text(h: HealthFactor) -> String {
    match h {
        HealthFactor::NoDebt => "n/a".into(),
        HealthFactor::Value(v) => format!("{v:.2}"),
    }
}

fn days_text(d: f64) -> String {
    format!("{:.0}", d.max(0.0))
}

/// Four significant digits for prices like 0.01682.
fn sig(x: f64) -> String {
    if x == 0.0 {
        "0".into()
    } else if x.abs() >= 0.1 {
        format!("{x:.4}")
    } else {
        // Four significant digits in plain decimals (0.01447), never "1.447e-2" in the UI.
        let decimals = ((-x.abs().log10()).ceil().clamp(0.0, 9.0) as usize) + 3;
        format!("{x:.decimals$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_prices_read_as_plain_decimals() {
        assert_eq!(sig(0.014_47), "0.01447");
        assert_eq!(sig(0.5), "0.5000");
        assert_eq!(sig(0.000_123_4), "0.0001234");
        assert!(!sig(1e-12).contains('e'));
    }

    #[test]
    fn percent_text() {
        assert_eq!(pct(0.3), "30%");
        assert_eq!(pct(0.05), "5%");
        assert_eq!(pct(0.125), "12.5%");
        assert_eq!(signed_pct(-0.1476), "−14.76%");
        assert_eq!(signed_pct(0.02), "+2%");
    }
}
