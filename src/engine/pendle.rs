//! Pendle principal and yield tokens: prices from the implied APY, the YT long-yield APY and the
//! YT break-even.
//!
//! Source for every formula: Pendle docs, "market APY calculation" and "YT / PT pricing"
//! (P_PT = (1 + implied)^(−τ), P_PT + P_YT = 1 in underlying units), "Negative yield" (the index
//! never decreases), and docs/METHODOLOGY.md §4. τ is the time to maturity in years (days / 365).
//! The fee f is a layer parameter: Pendle's Fees page says 5 % of all YT yield, points included
//! (3 % before 2025-05-16).

use super::rates::{APY_CAP, DAYS_PER_YEAR};

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
    libm::exp(-tau * libm::log1p(r)).clamp(0.0, 1.0)
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
/// exposure = 1 / P_YT (docs/METHODOLOGY.md §4), with P_YT floored at [`MIN_YT_PRICE`] so it stays finite.
pub fn yt_leverage(yt_price: f64) -> f64 {
    let p = if yt_price.is_finite() { yt_price } else { 0.0 };
    1.0 / p.max(MIN_YT_PRICE)
}

/// Long-yield APY of a YT bought at `implied_apy` if the underlying then yields `underlying_apy`,
/// with Pendle keeping `fee_ratio` of the YT's yield.
///
/// # Formula
/// APY_YT = ( (1 − f) · [ (1 + u)^τ − 1 + r_reward · τ ] / P_YT )^{1/τ} − 1 (Pendle docs, "market
/// APY calculation": `ytReturnsAfterFee / ytPriceInAsset`, annualised): the bracket is what one
/// unit of underlying yields until maturity, of which YT holders keep 1 − f, per P_YT paid.
/// When the bracket is ≤ 0 (the underlying loses value) the YT earns nothing and is worth 0 at
/// maturity: −1 (total loss). An expired YT (τ = 0) is −1 too. The result is in [−1, [`APY_CAP`]];
/// P_YT is floored at [`MIN_YT_PRICE`].
pub fn yt_long_yield_apy(
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
    let bracket = yield_left(underlying_apy, maturity_days) + reward_apr * tau;
    let gross = keep * bracket / yt_price(implied_apy, maturity_days).max(MIN_YT_PRICE);
    if gross.is_nan() || gross <= 0.0 {
        return -1.0;
    }
    let ln_annual = libm::log(gross) / tau;
    if ln_annual.is_nan() {
        return -1.0;
    }
    if ln_annual >= libm::log1p(APY_CAP) {
        return APY_CAP;
    }
    libm::expm1(ln_annual).clamp(-1.0, APY_CAP)
}

/// The underlying's yield left to maturity, y_left = (1 + u)^τ − 1 (−1 when u ≤ −1; 0 at τ = 0).
pub fn yield_left(underlying_apy: f64, maturity_days: f64) -> f64 {
    let tau = years_to_maturity(maturity_days);
    if underlying_apy.is_nan() || underlying_apy <= -1.0 {
        return if tau > 0.0 { -1.0 } else { 0.0 };
    }
    libm::expm1(tau * libm::log1p(underlying_apy.min(APY_CAP)))
}

/// Share of a YT's value lost when the backing of its underlying loses a fraction `s`.
///
/// # Formula
/// Pendle's yield index never decreases (`pyIndex = max(SY.exchangeRate(), pyIndexStored)`;
/// Pendle docs, "Negative yield": a YT "will stop earning yield until the Exchange Rate recovers
/// to the Watermark Rate"). A YT's payoff per unit is (1 − f)·(I_end/I_max − 1) + rewards. Before
/// the loss I_end/I_max − 1 = y_left; after it, (1 − s)(1 + y_left) − 1 = y_left − s(1 + y_left).
/// The fee scales both and cancels, so with rewards R = r_reward · τ the YT loses
///
/// lost = min(y_left, s · (1 + y_left)) / (y_left + R), clamped into [0, 1].
///
/// For small y_left this is min(1, s / y_left) (docs/METHODOLOGY.md §4 gives both). Market moves
/// (a depeg, a price drop) do not touch the index: they move a YT's value like the underlying's,
/// 1×. When y_left + R ≤ 0 the YT is worth nothing to lose: any loss counts as total (1).
pub fn yt_backing_loss(s: f64, underlying_apy: f64, reward_apr: f64, maturity_days: f64) -> f64 {
    if s.is_nan() || s <= 0.0 {
        return 0.0;
    }
    let y = yield_left(underlying_apy, maturity_days);
    let rewards = reward_apr * years_to_maturity(maturity_days);
    let total = y + rewards;
    if total.is_nan() || total <= 0.0 || !total.is_finite() {
        return 1.0;
    }
    let index_part = y.max(0.0).min(s.min(1.0) * (1.0 + y));
    (index_part / total).clamp(0.0, 1.0)
}

/// Underlying APY at which a YT does exactly as well as holding the underlying (APY_YT = u).
///
/// # Formula
/// With x = (1 + u)^τ, APY_YT = u ⇔ (1 − f)(x − 1 + r_reward·τ) = P_YT · x, so
/// x = (1 − f)(1 − r_reward·τ) / ((1 − f) − P_YT) and u = x^{1/τ} − 1.
/// With f = 0 and no reward this is u = r_implied: "YT breaks even when the realised underlying
/// APY averages the implied APY" (Pendle docs; docs/METHODOLOGY.md §4). `None` when no u > −1 solves it
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
    let u = libm::expm1(libm::log(x) / tau);
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
            let apy = yt_long_yield_apy(r, 0.0, r, days, 0.0);
            assert!((apy - r).abs() < TOL_6DP, "r={r} days={days}: {apy}");
        }
    }

    #[test]
    fn yt_apy_with_pendle_fee() {
        // u = r = 10 %, τ = 1: bracket/P_YT = 1.1, so APY = (1 − f) · 1.1 − 1.
        // f = 3 % (v1 link default): 0.97 · 1.1 − 1 = 0.067.
        let apy = yt_long_yield_apy(0.10, 0.0, 0.10, 365.0, 0.03);
        assert!((apy - 0.067).abs() < TOL_6DP, "{apy}");
        // f = 5 % (Pendle's Fees page since 2025-05-16): 0.95 · 1.1 − 1 = 0.045.
        let apy = yt_long_yield_apy(0.10, 0.0, 0.10, 365.0, 0.05);
        assert!((apy - 0.045).abs() < TOL_6DP, "{apy}");
        // The underlying loses value: the YT yields nothing and is worth 0 at maturity.
        assert_eq!(yt_long_yield_apy(-0.05, 0.0, 0.10, 365.0, 0.05), -1.0);
        // Expired YT.
        assert_eq!(yt_long_yield_apy(0.05, 0.0, 0.10, 0.0, 0.05), -1.0);
        // A day from maturity with a cheap YT annualises to the cap, not to infinity.
        assert!(yt_long_yield_apy(5.0, 0.0, 0.01, 1.0, 0.05) <= APY_CAP);
    }

    #[test]
    fn yt_break_even() {
        // Without fee or reward, break-even is the implied APY (Pendle docs).
        for (r, days) in [(0.035, 180.0), (0.08, 365.0)] {
            let u = yt_break_even_apy(r, days, 0.0, 0.0).unwrap_or(f64::NAN);
            assert!((u - r).abs() < TOL_6DP, "{r}: {u}");
            // And at that u the YT APY equals u.
            assert!((yt_long_yield_apy(u, 0.0, r, days, 0.0) - u).abs() < TOL_6DP);
        }
        // A 5 % fee raises the break-even above the implied APY: r = 8 %, τ = 1,
        // P_YT = 1 − 1/1.08 = 0.0740741; x = 0.95/(0.95 − 0.0740741) = 1.0845665, u = 8.457 %.
        let with_fee = yt_break_even_apy(0.08, 365.0, 0.0, 0.05).unwrap_or(0.0);
        assert!((with_fee - 0.084_566_5).abs() < 1e-6, "{with_fee}");
        let check = yt_long_yield_apy(with_fee, 0.0, 0.08, 365.0, 0.05);
        assert!((check - with_fee).abs() < TOL_6DP);
        assert_eq!(yt_break_even_apy(0.08, 0.0, 0.0, 0.0), None);
    }

    #[test]
    fn a_backing_loss_costs_the_yt_its_yield_left() {
        // u = 10 %, τ = 1: y_left = 0.1. A 1 % backing loss: (1 − 0.01) · 1.1 − 1 = 0.089 left of
        // 0.1, so 11 % of the YT is lost (0.01 · 1.1 / 0.1 = 0.11); min(1, s/y) would say 10 %.
        assert!((yield_left(0.10, 365.0) - 0.1).abs() < TOL);
        assert!((yt_backing_loss(0.01, 0.10, 0.0, 365.0) - 0.11).abs() < TOL);
        // A loss of y/(1+y) = 0.0909… or more wipes it out.
        assert_eq!(yt_backing_loss(0.10, 0.10, 0.0, 365.0), 1.0);
        // Rewards are not paid through the index: with r = 10 % a year the same 1 % loss costs
        // 0.011 of a payoff of 0.1 + 0.1 = 0.2: 5.5 %.
        assert!((yt_backing_loss(0.01, 0.10, 0.10, 365.0) - 0.055).abs() < TOL);
        assert_eq!(yt_backing_loss(0.0, 0.10, 0.0, 365.0), 0.0);
        // Nothing left to earn: any loss is total.
        assert_eq!(yt_backing_loss(0.01, -0.05, 0.0, 365.0), 1.0);
        assert_eq!(yt_backing_loss(f64::NAN, 0.1, 0.0, 365.0), 0.0);
    }

    #[test]
    fn leverage_is_bounded() {
        assert!((yt_leverage(0.02) - 50.0).abs() < TOL);
        assert!((yt_leverage(0.0) - 1.0 / MIN_YT_PRICE).abs() < TOL);
        assert!(yt_leverage(f64::NAN).is_finite());
    }
}
