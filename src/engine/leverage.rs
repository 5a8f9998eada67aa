//! Lending loops: leverage from a loop count or a target, health factor of a loop and of the
//! whole position, liquidation point, the share a liquidation repays, and time to liquidation
//! under negative carry (docs/METHODOLOGY.md §2–§3).
//!
//! Conventions: `ltv` ℓ is the loan-to-value used per loop, `liq_threshold` LT the lender's
//! liquidation threshold, `leverage` L the collateral held per unit of value brought into the
//! loop (debt = L − 1). Prices are ratios to today's price (p = 1 today).
//!
//! Every function is total: out-of-range inputs are clamped to the nearest meaningful value so the
//! UI may call them with half-typed numbers; [`crate::engine::evaluate`] validates first anyway.

use super::report::HealthFactor;
use super::scenario::LoopSize;

/// Most loops a [`LoopSize::Loops`] may ask for (validation rejects more).
pub const MAX_LOOPS: u32 = 100;

/// Largest leverage of one loop layer: 101 = Σ_{i=0..100} 1, the most [`MAX_LOOPS`] loops can
/// reach at any LTV. A [`LoopSize::Target`] above it is rejected even where 1/(1 − ℓ) allows more
/// (ℓ > 0.99), which keeps every product of multipliers finite.
pub const MAX_LOOP_LEVERAGE: f64 = (MAX_LOOPS + 1) as f64;

/// Slack when comparing a target leverage with a loop sum (rounding of Σ ℓ^i).
const LEVERAGE_SLACK: f64 = 1e-9;

/// Longest time to liquidation reported (100 years); beyond it "not in any horizon we show".
pub const MAX_DAYS_TO_LIQUIDATION: f64 = 36_500.0;

/// Health factor at or below which a liquidation may repay the whole debt; above it (up to 1)
/// only the loop's close factor. Aave v3 `CLOSE_FACTOR_HF_THRESHOLD = 0.95e18`, "the upper bound
/// on the health factor, below (inclusive) which the full amount of debt becomes liquidatable"
/// (aave-v3-core `LiquidationLogic.sol`: `healthFactor > CLOSE_FACTOR_HF_THRESHOLD ?
/// DEFAULT_LIQUIDATION_CLOSE_FACTOR : MAX_LIQUIDATION_CLOSE_FACTOR`; kept in v3.3).
pub const CLOSE_FACTOR_HF_THRESHOLD: f64 = 0.95;

/// Position size (USD, collateral or debt) below which a liquidation may repay the whole debt
/// whatever the health factor: Aave v3.3 `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000e8`
/// (aave-v3-origin v3.3.0, 2025-02-24).
pub const FULL_LIQUIDATION_BELOW_USD: f64 = 2_000.0;

/// Clamp an LTV into [0, 1) (NaN → 0) so the loop formulas stay finite.
fn clamp_ltv(ltv: f64) -> f64 {
    if ltv.is_nan() {
        0.0
    } else {
        ltv.clamp(0.0, 1.0 - f64::EPSILON)
    }
}

/// Leverage of `loops` loops at LTV ℓ, summed term by term.
///
/// # Formula
/// L = Σ_{i=0..n} ℓ^i (docs/METHODOLOGY.md §2: deposit 1, borrow ℓ, re-deposit, ... n times).
/// `loops` above [`MAX_LOOPS`] count as [`MAX_LOOPS`]; ℓ is clamped into [0, 1).
///
/// # Examples
/// ```
/// // 1 + 0.8 + 0.64 + 0.512 = 2.952
/// let l = restack::engine::loop_leverage_sum(0.8, 3);
/// assert!((l - 2.952).abs() < 1e-12);
/// ```
pub fn loop_leverage_sum(ltv: f64, loops: u32) -> f64 {
    let ltv = clamp_ltv(ltv);
    let mut term = 1.0;
    let mut sum = 0.0;
    for _ in 0..=loops.min(MAX_LOOPS) {
        sum += term;
        term *= ltv;
    }
    sum
}

/// Leverage of `loops` loops at LTV ℓ, closed form (geometric series).
///
/// # Formula
/// L = (1 − ℓ^{n+1}) / (1 − ℓ), bounded by 1/(1 − ℓ) (docs/METHODOLOGY.md §2). Equal to
/// [`loop_leverage_sum`] (a property test checks it); ℓ = 0 gives 1.
pub fn loop_leverage_closed_form(ltv: f64, loops: u32) -> f64 {
    let ltv = clamp_ltv(ltv);
    let n = loops.min(MAX_LOOPS);
    let exponent = i32::try_from(n).unwrap_or(0).saturating_add(1);
    (1.0 - ltv.powi(exponent)) / (1.0 - ltv)
}

/// The most leverage a loop at LTV ℓ can build: min(1/(1 − ℓ), [`MAX_LOOP_LEVERAGE`]).
///
/// # Formula
/// lim_{n→∞} Σ ℓ^i = 1/(1 − ℓ) (docs/METHODOLOGY.md §2, "bounded by 1/(1 − ℓ)").
pub fn max_leverage(ltv: f64) -> f64 {
    (1.0 / (1.0 - clamp_ltv(ltv))).min(MAX_LOOP_LEVERAGE)
}

/// Leverage of a loop layer, whichever way its size is given. Total: used by the UI on raw input.
///
/// # Formula
/// `Loops(n)` → [`loop_leverage_sum`]; `Target(t)` → t clamped into [1, [`max_leverage`]]
/// (a NaN target gives 1). Validation rejects a target outside that range with a named error.
pub fn loop_leverage(ltv: f64, size: LoopSize) -> f64 {
    match size {
        LoopSize::Loops(n) => loop_leverage_sum(ltv, n),
        LoopSize::Target(t) => {
            if t.is_nan() {
                1.0
            } else {
                t.clamp(1.0, max_leverage(ltv))
            }
        }
    }
}

/// Number of loops needed to reach a target leverage: the smallest n with Σ_{i=0..n} ℓ^i ≥ t.
///
/// # Formula
/// Searches n = 0, 1, ... ≤ [`MAX_LOOPS`] (with a 1e-9 slack for rounding); a target the LTV
/// cannot reach returns [`MAX_LOOPS`]. A target ≤ 1 (or NaN) needs 0 loops.
///
/// # Examples
/// ```
/// // 1 + 0.8 + 0.64 = 2.44 < 2.5 ≤ 2.952 = 1 + 0.8 + 0.64 + 0.512
/// assert_eq!(restack::engine::loops_for_target(0.8, 2.5), 3);
/// ```
pub fn loops_for_target(ltv: f64, target: f64) -> u32 {
    if target.is_nan() || target <= 1.0 {
        return 0;
    }
    let ltv = clamp_ltv(ltv);
    let mut term = 1.0;
    let mut sum = 0.0;
    for n in 0..=MAX_LOOPS {
        sum += term;
        if sum + LEVERAGE_SLACK >= target {
            return n;
        }
        term *= ltv;
    }
    MAX_LOOPS
}

/// Health factor of a loop with leverage L when the collateral trades at `price_ratio` of today's
/// price in debt units.
///
/// # Formula
/// HF = L · p · LT / (L − 1) (Aave docs, "health factor": Σ collateral × liquidation threshold /
/// total debt; docs/METHODOLOGY.md §2). Today p = 1, so HF₀ = LT / ℓ_eff. No debt (L ≤ 1) gives
/// [`HealthFactor::NoDebt`], never a placeholder number. A negative price counts as 0.
pub fn health_factor(leverage: f64, price_ratio: f64, liq_threshold: f64) -> HealthFactor {
    if !leverage.is_finite() || leverage <= 1.0 {
        return HealthFactor::NoDebt;
    }
    let p = if price_ratio.is_finite() {
        price_ratio.max(0.0)
    } else {
        0.0
    };
    let hf = leverage * p * liq_threshold.max(0.0) / (leverage - 1.0);
    HealthFactor::Value(if hf.is_finite() { hf } else { 0.0 })
}

/// Health factor of a whole borrowing position: the loops of a stack lever the same collateral
/// (each layer wraps the token beneath), so a loop's lender sees all the debt beneath it.
///
/// # Formula
/// HF = LT · C / D (Aave docs, "health factor": Σ collateral × liquidation threshold / total
/// debt), with C the collateral's value at the oracle price and D every debt of the position, in
/// the same unit. For one loop on its own, C = L and D = L − 1: [`health_factor`]. No debt gives
/// [`HealthFactor::NoDebt`]; negative or non-finite inputs give 0.
pub fn position_health(liq_threshold: f64, collateral: f64, debt: f64) -> HealthFactor {
    if debt.is_nan() || debt <= 0.0 || !debt.is_finite() {
        return HealthFactor::NoDebt;
    }
    let hf = liq_threshold.max(0.0) * collateral.max(0.0) / debt;
    HealthFactor::Value(if hf.is_finite() { hf } else { 0.0 })
}

/// Share of the debt a liquidation repays, given the health factor after the shock.
///
/// # Formula
/// 0 when HF ≥ 1 (no liquidation); 1 when HF ≤ [`CLOSE_FACTOR_HF_THRESHOLD`] or the position's
/// collateral or debt is below [`FULL_LIQUIDATION_BELOW_USD`]; otherwise the loop's close factor
/// (Aave v3: 0.5). Aave v3 `LiquidationLogic.executeLiquidationCall`; v3.3 for the small-position
/// rule. The liquidator is paid the bonus on what is repaid ([`liquidation_penalty`]).
pub fn repaid_share(hf_after: f64, close_factor: f64, collateral_usd: f64, debt_usd: f64) -> f64 {
    if hf_after.is_nan() || hf_after >= 1.0 {
        return 0.0;
    }
    let small =
        collateral_usd < FULL_LIQUIDATION_BELOW_USD || debt_usd < FULL_LIQUIDATION_BELOW_USD;
    if hf_after <= CLOSE_FACTOR_HF_THRESHOLD || small || close_factor.is_nan() {
        1.0
    } else {
        close_factor.clamp(0.0, 1.0)
    }
}

/// What a liquidation costs the borrower, in the unit of `repaid`.
///
/// # Formula
/// The liquidator repays `repaid` of debt and seizes collateral worth repaid · (1 + bonus) at the
/// oracle price (Aave v3: `collateralAmount = debtToCover · P_debt / P_collateral ·
/// liquidationBonus`). Marked at the market price, that collateral is worth
/// repaid · (1 + bonus) · market/oracle, so the equity lost is
/// repaid · ((1 + bonus) · market/oracle − 1): bonus · repaid when the oracle is the market price,
/// less when the oracle prices the collateral above the market (an exchange-rate oracle during a
/// depeg). Floored at 0: a liquidation that would pay the liquidator less than the debt it
/// repays does not happen (no liquidator takes it), so it never shows as a gain.
pub fn liquidation_penalty(repaid: f64, liq_bonus: f64, market_over_oracle: f64) -> f64 {
    let ratio = if market_over_oracle.is_finite() {
        market_over_oracle.max(0.0)
    } else {
        1.0
    };
    finite_or_zero(repaid * ((1.0 + liq_bonus) * ratio - 1.0)).max(0.0)
}

fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// Whether a health factor means liquidation (HF < 1). The one test every caller uses, so "HF < 1"
/// and "liquidated" can never disagree.
pub fn is_liquidatable(health: HealthFactor) -> bool {
    match health {
        HealthFactor::NoDebt => false,
        HealthFactor::Value(hf) => hf < 1.0,
    }
}

/// Collateral price ratio (collateral in debt units, today = 1) at which the loop is liquidated.
///
/// # Formula
/// p_liq = (L − 1) / (L · LT), from HF = 1 (Aave docs, health factor; docs/METHODOLOGY.md §2).
/// 0 for L ≤ 1 (nothing to liquidate); 1 when LT ≤ 0 (any drop liquidates).
pub fn liquidation_ratio(leverage: f64, liq_threshold: f64) -> f64 {
    if !leverage.is_finite() || leverage <= 1.0 {
        return 0.0;
    }
    if liq_threshold.is_nan() || liq_threshold <= 0.0 {
        return 1.0;
    }
    (leverage - 1.0) / (leverage * liq_threshold)
}

/// Change in equity APR caused by a loop layer.
///
/// # Formula
/// Collateral L·m earns `token_apr + supply_apr`; debt (L − 1)·m costs `borrow_apr`; m is the
/// value of the token held per unit of equity before the loop. The equity APR therefore changes by
/// Δ = (L − 1)·m·(token_apr + supply_apr − borrow_apr) + m·supply_apr.
/// For m = 1 this is docs/METHODOLOGY.md §2's L·r_c − (L − 1)·r_b minus the r_c already earned.
pub fn loop_yield_added(
    leverage: f64,
    value_mult: f64,
    token_apr: f64,
    supply_apr: f64,
    borrow_apr: f64,
) -> f64 {
    (leverage - 1.0) * value_mult * (token_apr + supply_apr - borrow_apr) + value_mult * supply_apr
}

/// Days until a loop is liquidated by negative carry alone (prices unchanged).
///
/// # Formula
/// HF(t) ≈ HF₀ · e^{(y_c − y_d)·t} (collateral grows at y_c = token + supply APR, debt at
/// y_d = borrow APR), so HF = 1 at t = ln(HF₀) / (y_d − y_c) years (docs/METHODOLOGY.md §2, "time to
/// liquidation under negative carry"). Returns `None` when carry is not negative (y_d ≤ y_c) or
/// the date is beyond [`MAX_DAYS_TO_LIQUIDATION`]; `Some(0)` when HF₀ ≤ 1 already.
///
/// # Examples
/// ```
/// // HF₀ = e^0.1, carry −10 %/yr: ln(HF₀)/0.1 = 1 year.
/// let d = restack::engine::days_to_liquidation(0.1f64.exp(), 0.03, 0.13).unwrap_or(0.0);
/// assert!((d - 365.0).abs() < 1e-6);
/// ```
pub fn days_to_liquidation(hf0: f64, collateral_apr: f64, debt_apr: f64) -> Option<f64> {
    let gap = debt_apr - collateral_apr;
    if gap.is_nan() || gap <= 0.0 || !hf0.is_finite() {
        return None;
    }
    if hf0 <= 1.0 {
        return Some(0.0);
    }
    let days = libm::log(hf0) / gap * super::rates::DAYS_PER_YEAR;
    (days <= MAX_DAYS_TO_LIQUIDATION).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for hand-computed values given to 9 decimals or fewer.
    const TOL: f64 = 1e-9;

    fn hf(h: HealthFactor) -> f64 {
        match h {
            HealthFactor::Value(v) => v,
            HealthFactor::NoDebt => f64::NAN,
        }
    }

    #[test]
    fn loop_leverage_table() {
        // (what, ltv, loops, expected L)
        let cases: [(&str, f64, u32, f64); 5] = [
            ("no loop", 0.8, 0, 1.0),
            ("one loop", 0.8, 1, 1.8),
            // 1 + 0.8 + 0.64 + 0.512 = 2.952 (stack (b) of the brief)
            ("three loops at 0.8", 0.8, 3, 2.952),
            ("zero LTV borrows nothing", 0.0, 10, 1.0),
            // (1 − 0.5^101)/(1 − 0.5) ≈ 2
            ("many loops approach 1/(1−ℓ)", 0.5, 100, 2.0),
        ];
        for (what, ltv, n, expected) in cases {
            let sum = loop_leverage_sum(ltv, n);
            let closed = loop_leverage_closed_form(ltv, n);
            assert!((sum - expected).abs() < TOL, "{what}: sum {sum}");
            assert!((closed - expected).abs() < TOL, "{what}: closed {closed}");
        }
    }

    #[test]
    fn target_and_loop_count() {
        // Guards the UI's switch between "loops" and "target" modes.
        assert_eq!(loops_for_target(0.8, 2.952), 3);
        assert_eq!(loops_for_target(0.8, 2.5), 3);
        assert_eq!(loops_for_target(0.8, 2.44), 2);
        assert_eq!(loops_for_target(0.8, 1.0), 0);
        assert_eq!(loops_for_target(0.8, 5.0), MAX_LOOPS); // 1/(1−0.8) = 5 is only a limit
        assert!((loop_leverage(0.8, LoopSize::Target(2.5)) - 2.5).abs() < TOL);
        assert!((loop_leverage(0.8, LoopSize::Target(9.0)) - 5.0).abs() < TOL);
        assert!((loop_leverage(0.8, LoopSize::Target(f64::NAN)) - 1.0).abs() < TOL);
        assert!(loop_leverage(f64::NAN, LoopSize::Loops(3)).is_finite());
        assert!(loop_leverage(1.5, LoopSize::Target(1e9)) <= MAX_LOOP_LEVERAGE);
    }

    #[test]
    fn health_factor_and_liquidation_point() {
        // Loop (b): L = 2.952, LT = 0.83.
        // HF₀ = 2.952 · 0.83 / 1.952 = 2.45016 / 1.952 = 1.255204918
        // p_liq = 1.952 / (2.952 · 0.83) = 1.952 / 2.45016 = 0.796682666
        let l = 2.952;
        assert!((hf(health_factor(l, 1.0, 0.83)) - 1.255_204_918).abs() < TOL);
        assert!((liquidation_ratio(l, 0.83) - 0.796_682_666).abs() < TOL);
        // At p_liq the HF is exactly 1: HF(p) = HF₀ · p.
        let at_liq = hf(health_factor(l, liquidation_ratio(l, 0.83), 0.83));
        assert!((at_liq - 1.0).abs() < TOL);
        // HF today = LT / ℓ_eff with ℓ_eff = (L − 1)/L = 1.952/2.952 = 0.661246612.
        assert!((hf(health_factor(l, 1.0, 0.83)) - 0.83 / 0.661_246_612).abs() < 1e-8);
        // The position form with C = L, D = L − 1 is the same number.
        assert_eq!(
            position_health(0.83, l, l - 1.0),
            health_factor(l, 1.0, 0.83)
        );
        // No debt is a state, not a number.
        assert_eq!(health_factor(1.0, 1.0, 0.83), HealthFactor::NoDebt);
        assert!(!is_liquidatable(HealthFactor::NoDebt));
        assert!(is_liquidatable(HealthFactor::Value(0.999)));
    }

    #[test]
    fn loop_yield_table() {
        // (what, L, m, token, supply, borrow, expected Δ)
        let cases: [(&str, f64, f64, f64, f64, f64, f64); 3] = [
            // 1.952 · (0.03 − 0.025) = 0.00976
            ("positive carry", 2.952, 1.0, 0.03, 0.0, 0.025, 0.009_76),
            // 1.952 · (0.03 − 0.05) = −0.03904: negative, shown as such
            ("negative carry", 2.952, 1.0, 0.03, 0.0, 0.05, -0.039_04),
            // 1 · 2 · (0.03 + 0.01 − 0.02) + 2 · 0.01 = 0.04 + 0.02 = 0.06
            (
                "supply APR and earlier leverage",
                2.0,
                2.0,
                0.03,
                0.01,
                0.02,
                0.06,
            ),
        ];
        for (what, l, m, t, s, b, expected) in cases {
            let got = loop_yield_added(l, m, t, s, b);
            assert!((got - expected).abs() < TOL, "{what}: {got}");
        }
    }

    #[test]
    fn time_to_liquidation() {
        // HF₀ = 1.255204918, carry 0.03 − 0.20 = −0.17/yr:
        // t = ln(1.255204918)/0.17 = 0.2272988/0.17 = 1.3370520 years = 488.024 days.
        let d = days_to_liquidation(1.255_204_918, 0.03, 0.20).unwrap_or(f64::NAN);
        assert!((d - 488.024).abs() < 0.001, "{d}");
        assert_eq!(
            days_to_liquidation(1.2, 0.05, 0.03),
            None,
            "positive carry never liquidates"
        );
        assert_eq!(days_to_liquidation(0.9, 0.0, 0.1), Some(0.0));
        assert_eq!(
            days_to_liquidation(1.2, 0.0, 1e-300),
            None,
            "beyond 100 years"
        );
    }

    #[test]
    fn two_loops_on_the_same_collateral_are_one_position() {
        // Issue case: two 2× loops at LT 0.85. Alone, each shows HF = 2 · 0.85 / 1 = 1.70.
        assert!((hf(health_factor(2.0, 1.0, 0.85)) - 1.70).abs() < TOL);
        // Together: collateral 2 · 2 = 4, debt 1 + 2 · (2 − 1) = 3: HF = 0.85 · 4 / 3 = 1.133333.
        assert!((hf(position_health(0.85, 4.0, 3.0)) - 1.133_333_333).abs() < 1e-9);
        assert_eq!(position_health(0.85, 4.0, 0.0), HealthFactor::NoDebt);
    }

    #[test]
    fn the_share_a_liquidation_repays() {
        // (what, HF after, close factor, collateral USD, debt USD, repaid share)
        let cases: [(&str, f64, f64, f64, f64, f64); 7] = [
            ("healthy", 1.0, 0.5, 1e6, 9e5, 0.0),
            ("just below 1: the close factor", 0.99, 0.5, 1e6, 9e5, 0.5),
            (
                "just above 0.95: the close factor",
                0.951,
                0.5,
                1e6,
                9e5,
                0.5,
            ),
            (
                "at 0.95 (inclusive, as Aave): everything",
                0.95,
                0.5,
                1e6,
                9e5,
                1.0,
            ),
            ("below 0.95: everything", 0.949, 0.5, 1e6, 9e5, 1.0),
            ("v1 links: close factor 1", 0.99, 1.0, 1e6, 9e5, 1.0),
            (
                "small position (v3.3): everything",
                0.99,
                0.5,
                1e6,
                1_500.0,
                1.0,
            ),
        ];
        for (what, h, c, col, debt, want) in cases {
            assert_eq!(repaid_share(h, c, col, debt), want, "{what}");
        }
        // Bonus 5 % on 0.5 repaid at the market price: 0.025. With the oracle 2 % above the
        // market: 0.5 · (1.05 · 0.98 − 1) = 0.5 · 0.029 = 0.0145. With it 5 % above:
        // 0.5 · (1.05 · 0.95 − 1) < 0, which no liquidator takes: 0.
        assert!((liquidation_penalty(0.5, 0.05, 1.0) - 0.025).abs() < TOL);
        assert!((liquidation_penalty(0.5, 0.05, 0.98) - 0.0145).abs() < TOL);
        assert_eq!(liquidation_penalty(0.5, 0.05, 0.95), 0.0);
    }
}
