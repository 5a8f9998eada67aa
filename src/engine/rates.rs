//! Rate conversions (APR ↔ APY), saturating growth factors and the exchange-rate helpers.
//!
//! Every function here is total: it returns a finite number for every finite input, and maps
//! non-finite inputs to a documented finite value, so no NaN or infinity can leave the engine.
//!
//! Logarithms and exponentials come from the `libm` crate, here and in every engine module: the
//! standard library's `ln`/`exp` may differ by an ulp between a native build and wasm32, and the
//! engine (the Monte Carlo simulation above all, docs/METHODOLOGY.md §11) must give the same bits
//! in both.

/// Days in the year used for daily compounding and for converting days to years.
///
/// Source: DeFi convention (Pendle, Aave and Lido all annualise over 365 days).
pub const DAYS_PER_YEAR: f64 = 365.0;

/// Largest APY the engine reports: 1e4 = 1,000,000 %.
///
/// Why a cap: APY = (1 + APR/365)^365 − 1 overflows `f64` for an APR above ≈ 260,000 (and a
/// leveraged YT can annualise a one-day gain to absurd figures). Nothing meaningful is lost:
/// a result at the cap reads "more than a million percent", which is already a warning.
pub const APY_CAP: f64 = 1e4;

/// Largest factor a value may grow by in a projection (1e12). Same reason as [`APY_CAP`]:
/// (1 + 1e4)^100 years overflows; the projection saturates instead of reporting infinity.
pub const GROWTH_CAP: f64 = 1e12;

/// APR → APY with `periods` compounding periods per year.
///
/// # Formula
/// APY = (1 + APR/n)^n − 1 (docs/METHODOLOGY.md §1), computed as `exp_m1(n · ln_1p(APR/n))`.
/// The base 1 + APR/n is clamped at ≥ 0, so an APR at or below −n gives −1 (total loss): the
/// result lies in [−1, [`APY_CAP`]]. Negative APYs are kept (never clamped to 0).
/// `periods` below 1 (or not finite) is treated as 1; a NaN APR gives −1, +∞ gives the cap.
pub fn apr_to_apy_periods(apr: f64, periods: f64) -> f64 {
    let n = if periods.is_finite() && periods >= 1.0 {
        periods
    } else {
        1.0
    };
    if apr.is_nan() {
        return -1.0;
    }
    let per_period = apr / n;
    if per_period <= -1.0 {
        return -1.0;
    }
    let ln_growth = n * libm::log1p(per_period);
    if ln_growth.is_nan() || ln_growth >= libm::log1p(APY_CAP) {
        // Also catches +∞.
        return APY_CAP;
    }
    libm::expm1(ln_growth).clamp(-1.0, APY_CAP)
}

/// APR → APY with daily compounding, the convention used for every APY in a [`crate::engine::Report`].
///
/// # Formula
/// APY = (1 + APR/365)^365 − 1, saturating as in [`apr_to_apy_periods`].
///
/// # Examples
/// ```
/// let apy = restack::engine::apr_to_apy(0.05);
/// assert!((apy - 0.051267).abs() < 1e-6);
/// ```
pub fn apr_to_apy(apr: f64) -> f64 {
    apr_to_apy_periods(apr, DAYS_PER_YEAR)
}

/// APY → APR with daily compounding (inverse of [`apr_to_apy`]).
///
/// # Formula
/// APR = 365 · ((1 + APY)^(1/365) − 1), computed as `365 · exp_m1(ln_1p(APY)/365)`.
/// The APY is first clamped to [−1, [`APY_CAP`]]; APY = −1 (total loss) gives APR = −365, the
/// daily-compounded rate that loses everything in a year. NaN is treated as −1.
pub fn apy_to_apr(apy: f64) -> f64 {
    if apy.is_nan() || apy <= -1.0 {
        return -DAYS_PER_YEAR;
    }
    let apy = apy.min(APY_CAP);
    DAYS_PER_YEAR * libm::expm1(libm::log1p(apy) / DAYS_PER_YEAR)
}

/// Growth factor of a value compounding at `apy` for `years` years, saturated at [`GROWTH_CAP`].
///
/// # Formula
/// g = (1 + APY)^years = exp(years · ln(1 + APY)), with 1 + APY clamped at ≥ 0 (APY = −1 gives 0
/// for any positive duration) and g in [0, [`GROWTH_CAP`]]. Negative or non-finite `years` count
/// as 0 (g = 1).
pub fn growth_factor(apy: f64, years: f64) -> f64 {
    if !(years.is_finite() && years > 0.0) {
        return 1.0;
    }
    if apy.is_nan() || apy <= -1.0 {
        return 0.0;
    }
    let ln_g = years * libm::log1p(apy.min(APY_CAP));
    if ln_g.is_nan() || ln_g >= libm::log(GROWTH_CAP) {
        return GROWTH_CAP;
    }
    libm::exp(ln_g).clamp(0.0, GROWTH_CAP)
}

/// Cumulative yield read from a liquid-staking exchange rate (token → base asset).
///
/// # Formula
/// cumulative = rate − 1 (docs/METHODOLOGY.md §1; the seed article quotes Haedal haSUI/SUI).
///
/// The seed article writes "haSUI/SUI exchange rate 1.07 ≈ 7.03 % cumulative staking yield". By
/// this formula 1.07 is exactly 7.00 %; 7.03 % corresponds to a rate of 1.0703, which the article
/// most likely rounded to 1.07 for display. We take the formula, not the rounding: pass 1.0703
/// to reproduce 7.03 %. (Reading 7.03 % as a compounded figure does not work either: daily
/// compounding of 7 % APR gives 7.25 %.) Not-finite rates give 0.
pub fn cumulative_yield_from_exchange_rate(rate: f64) -> f64 {
    if rate.is_finite() {
        rate - 1.0
    } else {
        0.0
    }
}

/// Annualised yield (APY) implied by an exchange rate that grew from 1 to `rate` over `days`.
///
/// # Formula
/// APY = rate^(365/days) − 1, via [`growth_factor`] (saturating at [`APY_CAP`]). A rate ≤ 0 gives
/// −1; a zero, negative or non-finite duration (nothing to annualise) or a non-finite rate gives 0.
pub fn annualised_yield_from_exchange_rate(rate: f64, days: f64) -> f64 {
    if !(days.is_finite() && days > 0.0 && rate.is_finite()) {
        return 0.0;
    }
    if rate <= 0.0 {
        return -1.0;
    }
    (growth_factor(rate - 1.0, DAYS_PER_YEAR / days) - 1.0).min(APY_CAP)
}

/// `x` if it is finite, else `fallback`. The last line of defence before a number enters a report.
pub fn finite_or(x: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for hand-computed values rounded to 6 decimals.
    const TOL_6DP: f64 = 1e-6;
    /// Tolerance for exact round trips in floating point.
    const TOL_ROUNDTRIP: f64 = 1e-12;

    #[test]
    fn apr_to_apy_table() {
        // (what it guards, apr, periods, expected apy)
        let cases: [(&str, f64, f64, f64); 6] = [
            ("zero stays zero", 0.0, 365.0, 0.0),
            // (1 + 0.05/365)^365 − 1 = 0.0512675 (standard daily-compounding table)
            ("5 % APR daily", 0.05, 365.0, 0.051_267_5),
            // (1 + 0.12/12)^12 − 1 = 1.01^12 − 1 = 0.1268250
            ("12 % APR monthly", 0.12, 12.0, 0.126_825_0),
            // negative APR stays negative: (1 − 0.1/365)^365 − 1 = e^(365 · ln(0.999726027)) − 1
            // = e^(−0.1000137) − 1 = −0.0951750
            (
                "negative APR is shown, not clamped",
                -0.10,
                365.0,
                -0.095_175_0,
            ),
            ("APR ≤ −n is a total loss", -400.0, 365.0, -1.0),
            ("huge APR saturates at the cap", 1e6, 365.0, APY_CAP),
        ];
        for (what, apr, n, expected) in cases {
            let got = apr_to_apy_periods(apr, n);
            assert!(
                (got - expected).abs() < TOL_6DP,
                "{what}: got {got}, expected {expected}"
            );
        }
    }

    #[test]
    fn apy_to_apr_inverts_apr_to_apy() {
        // Guards against a mismatch between the two conventions used by Pendle layers.
        for apr in [-0.5, -0.01, 0.0, 0.035, 0.2, 3.0] {
            let back = apy_to_apr(apr_to_apy(apr));
            assert!((back - apr).abs() < TOL_ROUNDTRIP * 10.0, "{apr} -> {back}");
        }
        assert_eq!(apy_to_apr(-1.0), -DAYS_PER_YEAR);
        assert!(apy_to_apr(f64::INFINITY).is_finite());
    }

    #[test]
    fn non_finite_inputs_give_finite_outputs() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(apr_to_apy(x).is_finite());
            assert!(apy_to_apr(x).is_finite());
            assert!(growth_factor(x, 1.0).is_finite());
            assert!(growth_factor(0.05, x).is_finite());
            assert!(cumulative_yield_from_exchange_rate(x).is_finite());
            assert!(annualised_yield_from_exchange_rate(x, 30.0).is_finite());
        }
    }

    #[test]
    fn growth_factor_table() {
        let cases: [(&str, f64, f64, f64); 4] = [
            ("one year at 10 %", 0.10, 1.0, 1.10),
            // 1.1^0.5 = 1.0488088
            ("half a year at 10 %", 0.10, 0.5, 1.048_808_8),
            ("total loss", -1.0, 0.25, 0.0),
            ("saturates", APY_CAP, 100.0, GROWTH_CAP),
        ];
        for (what, apy, years, expected) in cases {
            let got = growth_factor(apy, years);
            assert!(
                (got - expected).abs() < TOL_6DP,
                "{what}: got {got}, expected {expected}"
            );
        }
    }

    #[test]
    fn hasui_exchange_rate() {
        // Seed article: "haSUI/SUI exchange rate 1.07 ≈ 7.03 % cumulative". 1.07 − 1 = 7.00 %;
        // the article's 7.03 % is a rate of 1.0703 rounded to two decimals.
        assert!((cumulative_yield_from_exchange_rate(1.07) - 0.07).abs() < TOL_ROUNDTRIP);
        assert!((cumulative_yield_from_exchange_rate(1.0703) - 0.0703).abs() < TOL_ROUNDTRIP);
        // A rate that grew 1 → 1.05 in exactly one year is 5 % APY.
        assert!((annualised_yield_from_exchange_rate(1.05, 365.0) - 0.05).abs() < TOL_6DP);
    }
}
