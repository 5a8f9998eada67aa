//! Pendle principal and yield tokens: prices from the implied APY, the YT long-yield APY and the
//! YT break-even.
//!
//! Source for every formula: Pendle docs, "market APY calculation" and "YT / PT pricing"
//! (P_PT = (1 + implied)^(−τ), P_PT + P_YT = 1 in underlying units), and `DESIGN.md` §3.
//! τ is the time to maturity in years (days / 365).

use super::rates::{APY_CAP, DAYS_PER_YEAR};

/// Share of YT yield (and points) Pendle keeps: 3 % (Pendle docs, "fees": 3 % of YT yield).
pub const PENDLE_YT_FEE_RATIO: f64 = 0.03;

/// Cheapest YT price (in underlying units) the engine accepts: 1e-4, i.e. yield exposure ≤ 10,000×.
/// A YT a day from maturity at a tiny implied APY costs almost nothing and its 1/P_YT explodes;
/// validation rejects such a layer with a named error instead of reporting absurd multipliers.
pub const MIN_YT_PRICE: f64 = 1e-4;

/// Years to maturity, τ = days / 365, at least 0 (NaN → 0).
pub fn years_to_maturity(maturity_days: f64) -> f64 {
    if maturity_days.is_finite() && maturity_days > 0.0 {
        maturity_days / DAYS_PER_YEAR
    } else {
        0.0
    }
}

/// Price of a PT in underlying units.
///
/// # Formula
/// P_PT = (1 + r_implied)^(−τ) (Pendle docs, "market APY calculation"), computed as
/// exp(−τ · ln(1 + r)). At or past maturity (τ = 0) P_PT = 1: the PT redeems one unit.
/// An implied APY below 0 is treated as 0 (Pendle V2 markets keep the implied rate ≥ 0, i.e. PT
/// never trades above one underlying; the AMM reverts with `MarketExchangeRateBelowOne`) and one
/// above [`APY_CAP`] as the cap, so the result is always in (0, 1].
///
/// # Examples
/// ```
/// // (1.10)^(−1) = 0.909090...
/// let p = restack::engine::pt_price(0.10, 365.0);
/// assert!((p - 1.0 / 1.1).abs() < 1e-12);
/// ```
pub fn pt_price(implied_apy: f64, maturity_days: f64) -> f64 {
    let tau = years_to_maturity(maturity_days);
    let r = if implied_apy.is_nan() {
        0.0
    } else {
        implied_apy.clamp(0.0, APY_CAP)
    };
    (-tau * r.ln_1p()).exp().clamp(0.0, 1.0)
}

/// Price of a YT in underlying units.
///
/// # Formula
/// P_YT = 1 − P_PT (Pendle docs: one unit of SY splits into one PT and one YT). Zero at maturity.
pub fn yt_price(implied_apy: f64, maturity_days: f64) -> f64 {
    (1.0 - pt_price(implied_apy, maturity_days)).clamp(0.0, 1.0)
}

/// Yield exposure of a YT: the units of underlying whose yield one unit of value in YT receives.
///
/// # Formula
/// exposure = 1 / P_YT (`DESIGN.md` §3), with P_YT floored at [`MIN_YT_PRICE`] so it stays finite.
pub fn yt_leverage(yt_price: f64) -> f64 {
    let p = if yt_price.is_finite() { yt_price } else { 0.0 };
    1.0 / p.max(MIN_YT_PRICE)
}

/// Long-yield APY of a YT bought at `implied_apy` if the underlying then yields `underlying_apy`.
///
/// # Formula
/// APY_YT = ( (1 − f) · [ (1 + u)^τ − 1 + r_reward · τ ] / P_YT )^{1/τ} − 1 with f = 3 %
/// (Pendle docs, "market APY calculation"; `DESIGN.md` §3): the bracket is what one unit of
/// underlying yields until maturity, of which YT holders keep 1 − f, per P_YT paid.
/// When the bracket is ≤ 0 (the underlying loses value) the YT earns nothing and is worth 0 at
/// maturity: −1 (total loss). An expired YT (τ = 0) is −1 too. The result is in [−1, [`APY_CAP`]];
/// P_YT is floored at [`MIN_YT_PRICE`].
pub fn yt_long_yield_apy(
    underlying_apy: f64,
    reward_apr: f64,
    implied_apy: f64,
    maturity_days: f64,
) -> f64 {
    yt_apy_with_fee(
        underlying_apy,
        reward_apr,
        implied_apy,
        maturity_days,
        PENDLE_YT_FEE_RATIO,
    )
}

/// [`yt_long_yield_apy`] with an explicit fee ratio f (0 gives the textbook break-even).
pub fn yt_apy_with_fee(
    underlying_apy: f64,
    reward_apr: f64,
    implied_apy: f64,
    maturity_days: f64,
    fee_ratio: f64,
) -> f64 {
    let tau = years_to_maturity(maturity_days);
    if tau <= 0.0 || underlying_apy.is_nan() || reward_apr.is_nan() {
        return -1.0;
    }
    let keep = (1.0 - fee_ratio).clamp(0.0, 1.0);
    let growth = if underlying_apy <= -1.0 {
        -1.0
    } else {
        (tau * underlying_apy.min(APY_CAP).ln_1p()).exp_m1()
    };
    let bracket = growth + reward_apr * tau;
    let gross = keep * bracket / yt_price(implied_apy, maturity_days).max(MIN_YT_PRICE);
    if gross.is_nan() || gross <= 0.0 {
        return -1.0;
    }
    let ln_annual = gross.ln() / tau;
    if ln_annual.is_nan() {
        return -1.0;
    }
    if ln_annual >= APY_CAP.ln_1p() {
        return APY_CAP;
    }
    ln_annual.exp_m1().clamp(-1.0, APY_CAP)
}

/// Underlying APY at which a YT does exactly as well as holding the underlying (APY_YT = u).
///
/// # Formula
/// With x = (1 + u)^τ, APY_YT = u ⇔ (1 − f)(x − 1 + r_reward·τ) = P_YT · x, so
/// x = (1 − f)(1 − r_reward·τ) / ((1 − f) − P_YT) and u = x^{1/τ} − 1.
/// With f = 0 and no reward this is u = r_implied: "YT breaks even when the realised underlying
/// APY averages the implied APY" (`DESIGN.md` §3, Pendle docs). `None` when no u > −1 solves it
/// (τ = 0, or P_YT ≥ 1 − f).
pub fn yt_break_even_apy(
    implied_apy: f64,
    maturity_days: f64,
    reward_apr: f64,
    fee_ratio: f64,
) -> Option<f64> {
    let tau = years_to_maturity(maturity_days);
    let keep = (1.0 - fee_ratio).clamp(0.0, 1.0);
    let p_yt = yt_price(implied_apy, maturity_days);
    let denominator = keep - p_yt;
    if tau <= 0.0 || denominator.is_nan() || denominator <= 0.0 {
        return None;
    }
    let x = keep * (1.0 - reward_apr * tau) / denominator;
    if !x.is_finite() || x <= 0.0 {
        return None;
    }
    let u = (x.ln() / tau).exp_m1();
    u.is_finite().then_some(u.min(APY_CAP))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for values hand-computed to 9 significant digits.
    const TOL: f64 = 1e-9;
    /// Tolerance for values hand-computed to 6 decimals.
    const TOL_6DP: f64 = 1e-6;

    #[test]
    fn pt_and_yt_prices() {
        // (what, implied, days, expected P_PT)
        let cases: [(&str, f64, f64, f64); 4] = [
            ("one year at 10 %", 0.10, 365.0, 1.0 / 1.1),
            // 1.035^(−0.5) = 1/sqrt(1.035) = 1/1.017349497 = 0.982946374
            ("half a year at 3.5 %", 0.035, 182.5, 0.982_946_374),
            ("matured PT redeems at 1", 0.5, 0.0, 1.0),
            ("zero implied APY", 0.0, 100.0, 1.0),
        ];
        for (what, r, days, expected) in cases {
            let pt = pt_price(r, days);
            assert!((pt - expected).abs() < TOL, "{what}: {pt}");
            assert!(
                (pt + yt_price(r, days) - 1.0).abs() < TOL,
                "{what}: PT + YT = 1"
            );
        }
    }

    #[test]
    fn yt_apy_at_implied_equals_implied_without_fee() {
        // u = r: bracket = (1+r)^τ − 1, P_YT = 1 − (1+r)^−τ = bracket/(1+r)^τ,
        // so bracket/P_YT = (1+r)^τ and APY_YT = r.
        for (r, days) in [(0.035, 180.0), (0.10, 365.0), (0.5, 30.0)] {
            let apy = yt_apy_with_fee(r, 0.0, r, days, 0.0);
            assert!((apy - r).abs() < TOL_6DP, "r={r} days={days}: {apy}");
        }
    }

    #[test]
    fn yt_apy_with_pendle_fee() {
        // u = r = 10 %, τ = 1: APY = 0.97 · 1.1 − 1 = 0.067 (the fee costs 3 % of the payoff).
        let apy = yt_long_yield_apy(0.10, 0.0, 0.10, 365.0);
        assert!((apy - 0.067).abs() < TOL_6DP, "{apy}");
        // The underlying loses value: the YT yields nothing and is worth 0 at maturity.
        assert_eq!(yt_long_yield_apy(-0.05, 0.0, 0.10, 365.0), -1.0);
        // Expired YT.
        assert_eq!(yt_long_yield_apy(0.05, 0.0, 0.10, 0.0), -1.0);
        // A day from maturity with a cheap YT annualises to the cap, not to infinity.
        assert!(yt_long_yield_apy(5.0, 0.0, 0.01, 1.0) <= APY_CAP);
    }

    #[test]
    fn yt_break_even() {
        // Without fee or reward, break-even is the implied APY (DESIGN.md §3).
        for (r, days) in [(0.035, 180.0), (0.08, 365.0)] {
            let u = yt_break_even_apy(r, days, 0.0, 0.0).unwrap_or(f64::NAN);
            assert!((u - r).abs() < TOL_6DP, "{r}: {u}");
            // And at that u the YT APY equals u.
            assert!((yt_apy_with_fee(u, 0.0, r, days, 0.0) - u).abs() < TOL_6DP);
        }
        // The 3 % fee raises the break-even above the implied APY.
        let with_fee = yt_break_even_apy(0.08, 365.0, 0.0, PENDLE_YT_FEE_RATIO).unwrap_or(0.0);
        assert!(with_fee > 0.08);
        let check = yt_long_yield_apy(with_fee, 0.0, 0.08, 365.0);
        assert!((check - with_fee).abs() < TOL_6DP);
        assert_eq!(yt_break_even_apy(0.08, 0.0, 0.0, 0.0), None);
    }

    #[test]
    fn leverage_is_bounded() {
        assert!((yt_leverage(0.02) - 50.0).abs() < TOL);
        assert!((yt_leverage(0.0) - 1.0 / MIN_YT_PRICE).abs() < TOL);
        assert!(yt_leverage(f64::NAN).is_finite());
    }
}
