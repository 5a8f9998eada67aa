//! Layer yield stacking: walks the stack bottom → top and records, per layer, what the layer does
//! to the yield, the leverage and the debt of one unit of equity (docs/METHODOLOGY.md §1–§2).
//!
//! # State (per unit of equity, today's prices)
//! - `token_apr`: yield per unit of value of the token currently held (APR);
//! - `value_mult`: value of that token held per unit of equity (starts at 1; loops multiply it):
//!   the leverage, collateral value / equity;
//! - `debt_base`, `debt_usd`: what the loops so far borrowed, in the base asset and in USD;
//! - `carry_apr`: Σ supply income − Σ debt cost per unit of equity (loops only).
//!
//! Equity APR = value_mult · token_apr + carry_apr. A layer's `yield_added` is the change of the
//! equity APR it causes; the cumulative figure is the equity APR after it. Points are tracked the
//! same way but apart (`points_token_apr`), and only join the headline when the user asks.
//!
//! Per kind (the token before the layer earns t, the layer's own points add to the token's):
//! - Stake: t += base_apr · (1 − fee_ratio).
//! - Restake: t += Σ_j reward_apr_j · (1 − commission_ratio) (see [`super::restake`]).
//! - LiquidRestake: t −= t · fee_ratio when t > 0 (a fee on the rewards beneath it).
//! - PendlePt: t := APR equivalent of the implied APY (the fixed rate replaces the variable
//!   yield); PT holders earn no points (points per token reset to 0). A matured PT (0 days) has
//!   redeemed into the underlying: it passes the layer beneath through unchanged.
//! - PendleYt: t := APR equivalent of the YT long-yield APY with Pendle's fee f
//!   ([`super::pendle::yt_long_yield_apy`]); points per token are multiplied by (1 − f)/P_YT (YT
//!   holders get the underlying's points on 1/P_YT units, minus Pendle's fee, which "applies to
//!   points too"). Yield exposure ×= 1/P_YT; leverage unchanged (nothing is borrowed).
//! - Loop: see [`super::leverage::loop_yield_added`]; value_mult ×= L, debt += (L − 1) ·
//!   value_mult before the loop, in the loop's debt asset.

use super::leverage::{loop_leverage, loop_yield_added};
use super::pendle::{yt_leverage, yt_long_yield_apy, yt_price};
use super::rates::{apr_to_apy, apy_to_apr, finite_or};
use super::restake::avs_reward_apr;
use super::scenario::{DebtAsset, Layer, LayerKind, OracleKind};

/// What a loop layer borrows and at which terms, as seen by the position, risk and stress modules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LoopStep {
    /// Leverage L of this loop (collateral per unit of value brought in).
    pub leverage: f64,
    /// Debt this loop adds per unit of equity: (L − 1) · value_mult before the loop.
    pub debt_added: f64,
    /// Liquidation threshold LT.
    pub liq_threshold: f64,
    /// Liquidation bonus on what is repaid.
    pub liq_bonus: f64,
    /// Share of the debt repaid by a liquidation with HF in (0.95, 1).
    pub close_factor: f64,
    /// Borrow APR used (after any stress floor).
    pub borrow_apr: f64,
    /// What the collateral earns: token APR + supply APR.
    pub collateral_apr: f64,
    /// Oracle kind.
    pub oracle: OracleKind,
    /// Debt asset.
    pub debt: DebtAsset,
}

/// A YT layer's pricing inputs, for valuing losses and the YT-collapse stress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YtStep {
    /// P_YT at purchase, in underlying units.
    pub price: f64,
    /// APY of the underlying beneath the YT.
    pub underlying_apy: f64,
    /// Extra reward APR paid to YT holders.
    pub reward_apr: f64,
    /// Days to maturity.
    pub maturity_days: f64,
}

/// The walk's record of one layer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    /// Token APR after the layer.
    pub token_apr: f64,
    /// Value of token held per unit of equity after the layer: the leverage so far.
    pub value_mult: f64,
    /// Debt in the base asset per unit of equity after the layer (today's value).
    pub debt_base: f64,
    /// Debt in USD per unit of equity after the layer (today's value, base-asset units).
    pub debt_usd: f64,
    /// Σ debt · borrow APR per unit of equity after the layer.
    pub debt_cost_apr: f64,
    /// Equity APR after the layer, points excluded.
    pub equity_apr: f64,
    /// Change of equity APR caused by the layer, points excluded.
    pub yield_added_apr: f64,
    /// Points APR on equity after the layer.
    pub points_equity_apr: f64,
    /// Points APR on equity added by the layer.
    pub points_added_apr: f64,
    /// Yield exposure so far: Π L · Π 1/P_YT.
    pub yield_exposure: f64,
    /// Loop terms, if the layer is a loop that borrows (L > 1).
    pub loop_step: Option<LoopStep>,
    /// YT terms, if the layer is a YT.
    pub yt: Option<YtStep>,
}

/// Walk the stack. `borrow_floor` raises every loop's borrow APR to at least that value (the
/// borrow-spike stress); `None` uses the scenario's rates.
///
/// Total for validated input (every product of multipliers is bounded, see
/// [`super::validate`]); each recorded number is passed through [`finite_or`] anyway.
pub(crate) fn walk(layers: &[Layer], borrow_floor: Option<f64>) -> Vec<Step> {
    let mut token_apr = 0.0_f64;
    let mut value_mult = 1.0_f64;
    let mut debt_base = 0.0_f64;
    let mut debt_usd = 0.0_f64;
    let mut debt_cost_apr = 0.0_f64;
    let mut equity_apr = 0.0_f64;
    let mut points_token_apr = 0.0_f64;
    let mut points_equity_apr = 0.0_f64;
    let mut yield_exposure = 1.0_f64;
    let mut steps = Vec::with_capacity(layers.len());

    for layer in layers {
        let before_token = token_apr;
        let mut loop_step = None;
        let mut yt = None;
        // Some(Δ equity APR) for a loop, whose effect is not a change of the token's APR.
        let mut loop_added: Option<f64> = None;
        match &layer.kind {
            LayerKind::Stake {
                base_apr,
                fee_ratio,
            } => {
                token_apr += base_apr * (1.0 - fee_ratio);
            }
            LayerKind::Restake {
                avs,
                commission_ratio,
            } => {
                token_apr += avs_reward_apr(avs, *commission_ratio);
            }
            LayerKind::LiquidRestake { fee_ratio } => {
                if before_token > 0.0 {
                    token_apr -= before_token * fee_ratio;
                }
            }
            LayerKind::PendlePt {
                implied_apy,
                maturity_days,
                ..
            } => {
                if *maturity_days > 0.0 {
                    token_apr = apy_to_apr(*implied_apy);
                    points_token_apr = 0.0;
                }
            }
            LayerKind::PendleYt {
                implied_apy,
                maturity_days,
                reward_apr,
                fee_ratio,
                ..
            } => {
                let price = yt_price(*implied_apy, *maturity_days);
                let exposure = yt_leverage(price);
                let underlying_apy = apr_to_apy(before_token);
                let apy = yt_long_yield_apy(
                    underlying_apy,
                    *reward_apr,
                    *implied_apy,
                    *maturity_days,
                    *fee_ratio,
                );
                token_apr = apy_to_apr(apy);
                points_token_apr *= exposure * (1.0 - fee_ratio).clamp(0.0, 1.0);
                yield_exposure *= exposure;
                yt = Some(YtStep {
                    price,
                    underlying_apy,
                    reward_apr: *reward_apr,
                    maturity_days: *maturity_days,
                });
            }
            LayerKind::Loop {
                ltv,
                liq_threshold,
                liq_bonus,
                borrow_apr,
                supply_apr,
                close_factor,
                size,
                oracle,
                debt,
            } => {
                let leverage = loop_leverage(*ltv, *size);
                let borrow = match borrow_floor {
                    Some(floor) => borrow_apr.max(floor),
                    None => *borrow_apr,
                };
                loop_added = Some(loop_yield_added(
                    leverage,
                    value_mult,
                    token_apr,
                    *supply_apr,
                    borrow,
                ));
                if leverage > 1.0 {
                    let debt_added = (leverage - 1.0) * value_mult;
                    match debt {
                        DebtAsset::Base => debt_base += debt_added,
                        DebtAsset::Usd => debt_usd += debt_added,
                    }
                    debt_cost_apr += debt_added * borrow;
                    loop_step = Some(LoopStep {
                        leverage,
                        debt_added,
                        liq_threshold: *liq_threshold,
                        liq_bonus: *liq_bonus,
                        close_factor: *close_factor,
                        borrow_apr: borrow,
                        collateral_apr: token_apr + supply_apr,
                        oracle: *oracle,
                        debt: *debt,
                    });
                }
                value_mult *= leverage;
                yield_exposure *= leverage;
            }
        }
        points_token_apr += layer.points_apr;
        // Equity APR = value_mult · token_apr + carry. A loop scales the value held by L and adds
        // its carry ([`loop_yield_added`]); any other layer changes the token's APR on the value
        // already held: Δ = value_mult · (t_after − t_before), computed as one product so no
        // difference of two large numbers loses precision.
        let added = finite_or(
            match loop_added {
                Some(delta) => delta,
                None => value_mult * (token_apr - before_token),
            },
            0.0,
        );
        equity_apr = finite_or(equity_apr + added, 0.0);
        let points_after = finite_or(value_mult * points_token_apr, 0.0);
        steps.push(Step {
            token_apr: finite_or(token_apr, 0.0),
            value_mult: finite_or(value_mult, 1.0),
            debt_base: finite_or(debt_base, 0.0),
            debt_usd: finite_or(debt_usd, 0.0),
            debt_cost_apr: finite_or(debt_cost_apr, 0.0),
            equity_apr,
            yield_added_apr: added,
            points_equity_apr: points_after,
            points_added_apr: points_after - points_equity_apr,
            yield_exposure: finite_or(yield_exposure, 1.0),
            loop_step,
            yt,
        });
        points_equity_apr = points_after;
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::{Avs, LayerRisk, LoopSize};

    /// Tolerance for APRs hand-computed to 9 decimals or fewer.
    const TOL: f64 = 1e-9;

    fn layer(kind: LayerKind, points_apr: f64) -> Layer {
        Layer {
            protocol: "p".into(),
            token: "t".into(),
            kind,
            risk: LayerRisk::default(),
            points_apr,
            costs: Default::default(),
        }
    }

    fn stake(base_apr: f64, fee_ratio: f64) -> Layer {
        layer(
            LayerKind::Stake {
                base_apr,
                fee_ratio,
            },
            0.0,
        )
    }

    fn eth_loop(ltv: f64, loops: u32, borrow_apr: f64) -> Layer {
        layer(
            LayerKind::Loop {
                ltv,
                liq_threshold: 0.83,
                liq_bonus: 0.05,
                borrow_apr,
                supply_apr: 0.0,
                close_factor: 1.0,
                size: LoopSize::Loops(loops),
                oracle: OracleKind::ExchangeRate,
                debt: DebtAsset::Base,
            },
            0.0,
        )
    }

    #[test]
    fn one_layer_of_each_kind() {
        // (what, stack, expected equity APR after the last layer)
        let restake = layer(
            LayerKind::Restake {
                avs: vec![Avs {
                    name: "a".into(),
                    reward_apr: 0.01,
                    magnitude: 0.5,
                    p_slash: 0.0,
                    severity: 0.0,
                }],
                commission_ratio: 0.1,
            },
            0.0,
        );
        let cases: Vec<(&str, Vec<Layer>, f64)> = vec![
            // 0.03 · (1 − 0.1) = 0.027
            ("stake", vec![stake(0.03, 0.1)], 0.027),
            // 0.027 + 0.01 · 0.9 = 0.036
            ("restake", vec![stake(0.03, 0.1), restake], 0.036),
            // 0.027 − 0.027 · 0.1 = 0.0243
            (
                "liquid restake",
                vec![
                    stake(0.03, 0.1),
                    layer(LayerKind::LiquidRestake { fee_ratio: 0.1 }, 0.0),
                ],
                0.0243,
            ),
            // PT replaces the variable yield: APR of 5 % APY = 365 · (1.05^(1/365) − 1)
            // = 365 · 0.000133681 = 0.048793425
            (
                "pt",
                vec![
                    stake(0.03, 0.1),
                    layer(
                        LayerKind::PendlePt {
                            implied_apy: 0.05,
                            maturity_days: 100.0,
                            fee_tier: 0.0,
                        },
                        0.0,
                    ),
                ],
                0.048_793_425,
            ),
            (
                "a matured pt has redeemed into the underlying",
                vec![
                    stake(0.03, 0.1),
                    layer(
                        LayerKind::PendlePt {
                            implied_apy: 0.05,
                            maturity_days: 0.0,
                            fee_tier: 0.0,
                        },
                        0.0,
                    ),
                ],
                0.027,
            ),
            // 0.03 + 1.952 · (0.03 − 0.025) = 0.03 + 0.00976 = 0.03976
            (
                "loop",
                vec![stake(0.03, 0.0), eth_loop(0.8, 3, 0.025)],
                0.039_76,
            ),
        ];
        for (what, stack, expected) in cases {
            let steps = walk(&stack, None);
            let got = steps.last().map(|s| s.equity_apr).unwrap_or(f64::NAN);
            assert!((got - expected).abs() < TOL, "{what}: {got} vs {expected}");
            // The added yields sum to the cumulative one.
            let sum: f64 = steps.iter().map(|s| s.yield_added_apr).sum();
            assert!((sum - got).abs() < TOL, "{what}: Σ added {sum}");
        }
    }

    #[test]
    fn yt_layer_prices_and_points() {
        // Underlying 5 % APR (APY 5.1267 %), YT at implied 5 %, 365 days: P_YT = 1 − 1/1.05
        // = 0.047619048, exposure 21.0; points 0.01 on the stake become 0.01 · 21 · (1 − 5 %)
        // = 0.1995 on the YT (Pendle's fee applies to points too).
        let stack = vec![
            layer(
                LayerKind::Stake {
                    base_apr: 0.05,
                    fee_ratio: 0.0,
                },
                0.01,
            ),
            layer(
                LayerKind::PendleYt {
                    implied_apy: 0.05,
                    maturity_days: 365.0,
                    reward_apr: 0.0,
                    fee_ratio: 0.05,
                    fee_tier: 0.0,
                },
                0.0,
            ),
        ];
        let steps = walk(&stack, None);
        let yt = steps.get(1).cloned();
        let yt = yt.as_ref();
        assert!((yt.map_or(0.0, |s| s.yield_exposure) - 21.0).abs() < 1e-9);
        assert!(
            (yt.map_or(0.0, |s| s.value_mult) - 1.0).abs() < 1e-12,
            "no leverage"
        );
        assert!((yt.map_or(0.0, |s| s.points_equity_apr) - 0.1995).abs() < 1e-9);
        // YT APY = 0.95 · 0.0512675 · 21 − 1 = 0.95 · 1.0766175 − 1 = 0.0227866 (τ = 1).
        let apy = apr_to_apy(yt.map_or(0.0, |s| s.token_apr));
        assert!((apy - 0.022_786_6).abs() < 1e-6, "{apy}");
    }

    #[test]
    fn borrow_floor_only_raises_borrow_rates() {
        let stack = vec![stake(0.03, 0.0), eth_loop(0.8, 3, 0.025)];
        let spiked = walk(&stack, Some(0.20));
        // 0.03 + 1.952 · (0.03 − 0.20) = 0.03 − 0.33184 = −0.30184
        let got = spiked.last().map(|s| s.equity_apr).unwrap_or(f64::NAN);
        assert!((got - (-0.301_84)).abs() < TOL, "{got}");
        let lowered = walk(&stack, Some(0.0));
        let base = walk(&stack, None);
        assert_eq!(lowered, base);
    }
}
