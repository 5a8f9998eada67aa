//! Strategies for VALID scenarios across the whole validated range, edges included (APR −1 and
//! 10, LTV up to 0.999, 100 loops, maturities of 10 years, 16 layers), shared by the property
//! tests of the engine and of the Monte Carlo simulation.

#![allow(dead_code)] // each test crate uses its own subset

use proptest::prelude::*;
use restack::engine::{
    max_leverage, yt_price, Asset, Avs, CostSettings, DebtAsset, Layer, LayerCosts, LayerKind,
    LayerRisk, LoopSize, OracleKind, RiskSettings, Scenario, Stake, StressSettings, MAX_GAS_PRICE,
    MAX_GAS_UNITS, MAX_LAYERS, MIN_YT_PRICE,
};

/// A fraction in [0, 1], edges included often.
pub fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0, 0.0..0.1]
}

/// An input APR in [−1, 10], edges and the realistic range included often.
pub fn apr() -> impl Strategy<Value = f64> {
    prop_oneof![Just(-1.0), Just(10.0), -1.0..=10.0, -0.05..0.3]
}

pub fn arb_risk() -> impl Strategy<Value = LayerRisk> {
    (
        unit(),
        unit(),
        unit(),
        unit(),
        prop_oneof![Just(0.0), Just(3650.0), 0.0..30.0],
        any::<bool>(),
        unit(),
    )
        .prop_map(
            |(p_exploit, exploit_loss, p_depeg, depeg_loss, exit_days, instant_exit, share)| {
                LayerRisk {
                    p_exploit,
                    exploit_loss,
                    p_depeg,
                    depeg_loss,
                    exit_days,
                    instant_exit,
                    market_share: share,
                }
            },
        )
}

pub fn arb_avs() -> impl Strategy<Value = Avs> {
    // Magnitude ≤ 1/16 keeps Σ m ≤ 1 for up to 16 AVSs; severity is a share of it.
    (apr(), 0.0..=0.0625, unit(), unit()).prop_map(|(reward_apr, magnitude, p_slash, share)| Avs {
        name: "avs".into(),
        reward_apr,
        magnitude,
        p_slash,
        severity: magnitude * share,
    })
}

pub fn arb_loop() -> impl Strategy<Value = LayerKind> {
    (
        prop_oneof![Just(0.0), Just(0.999), 0.0..0.95],
        unit(),
        0.0..=0.2,
        apr(),
        prop_oneof![Just(0.0), apr()],
        prop_oneof![(0u32..=100).prop_map(Some), unit().prop_map(|_| None)],
        unit(),
        prop_oneof![
            Just(OracleKind::Market),
            Just(OracleKind::ExchangeRate),
            Just(OracleKind::LinearDiscount)
        ],
        prop_oneof![Just(DebtAsset::Base), Just(DebtAsset::Usd)],
        prop_oneof![Just(1.0), Just(0.5), 0.01..=1.0],
    )
        .prop_map(
            |(
                ltv,
                lt_share,
                liq_bonus,
                borrow_apr,
                supply_apr,
                loops,
                t_share,
                oracle,
                debt,
                close_factor,
            )| {
                let liq_threshold = (ltv + (1.0 - ltv) * lt_share).max(0.01);
                let size = match loops {
                    Some(n) => LoopSize::Loops(n),
                    None => LoopSize::Target(1.0 + (max_leverage(ltv) - 1.0) * t_share),
                };
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
                }
            },
        )
}

pub fn arb_kind() -> impl Strategy<Value = LayerKind> {
    prop_oneof![
        (apr(), unit()).prop_map(|(base_apr, fee_ratio)| LayerKind::Stake {
            base_apr,
            fee_ratio
        }),
        (prop::collection::vec(arb_avs(), 0..=16), unit()).prop_map(|(avs, commission_ratio)| {
            LayerKind::Restake {
                avs,
                commission_ratio,
            }
        }),
        unit().prop_map(|fee_ratio| LayerKind::LiquidRestake { fee_ratio }),
        (
            prop_oneof![Just(0.0), Just(10.0), 0.0..=10.0],
            prop_oneof![Just(0.0), Just(3650.0), 0.0..=3650.0],
            fee_tier(),
        )
            .prop_map(
                |(implied_apy, maturity_days, fee_tier)| LayerKind::PendlePt {
                    implied_apy,
                    maturity_days,
                    fee_tier,
                }
            ),
        (
            prop_oneof![Just(10.0), 0.001..=10.0],
            prop_oneof![Just(3650.0), 1.0..=3650.0],
            apr(),
            prop_oneof![Just(0.0), Just(0.05), 0.0..0.999],
            fee_tier(),
        )
            .prop_filter("YT price above the engine's floor", |(r, d, _, _, _)| {
                yt_price(*r, *d) >= MIN_YT_PRICE
            })
            .prop_map(
                |(implied_apy, maturity_days, reward_apr, fee_ratio, fee_tier)| {
                    LayerKind::PendleYt {
                        implied_apy,
                        maturity_days,
                        reward_apr,
                        fee_ratio,
                        fee_tier,
                    }
                }
            ),
        arb_loop(),
    ]
}

/// A Pendle fee tier: 0 (no cost, most v1 links), Pendle's 0.1 %/yr, or anything valid.
pub fn fee_tier() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(0.001), 0.0..=1.0]
}

/// A layer's costs: none (v1 links without cost keys), or anything valid.
pub fn arb_costs() -> impl Strategy<Value = LayerCosts> {
    let gas = || prop_oneof![Just(0.0), Just(MAX_GAS_UNITS), 0.0..=1e6];
    let share = || prop_oneof![Just(0.0), Just(0.999_999), 0.0..0.05];
    prop_oneof![
        Just(LayerCosts::default()),
        (gas(), gas(), share(), share(), any::<bool>()).prop_map(
            |(gas_in, gas_out, swap_fee, impact, bought)| LayerCosts {
                gas_in,
                gas_out,
                swap_fee,
                impact,
                bought,
            }
        ),
    ]
}

pub fn arb_layer() -> impl Strategy<Value = Layer> {
    (
        arb_kind(),
        arb_risk(),
        prop_oneof![Just(0.0), Just(10.0), 0.0..0.1],
        arb_costs(),
    )
        .prop_map(|(kind, risk, points_apr, costs)| Layer {
            protocol: "p".into(),
            token: "t".into(),
            kind,
            risk,
            points_apr,
            costs,
        })
}

pub fn arb_scenario_with(
    layers: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = Scenario> {
    let big = || prop_oneof![Just(1e12), Just(1e-9), 1e-3..1e6];
    (
        big(),
        big(),
        prop_oneof![Just(36_500.0), Just(1e-3), 1.0..=36_500.0],
        prop::collection::vec(arb_layer(), layers),
        unit(),
        any::<bool>(),
        (unit(), unit(), unit(), unit(), apr(), 0.0..=10.0),
        prop_oneof![Just(0.0), Just(MAX_GAS_PRICE), 0.0..=100.0],
    )
        .prop_map(
            |(
                amount,
                price_usd,
                horizon_days,
                layers,
                correlation,
                include_points,
                st,
                gas_price,
            )| Scenario {
                stake: Stake {
                    amount,
                    asset: Asset::Eth,
                    price_usd,
                },
                horizon_days,
                layers,
                risk: RiskSettings {
                    correlation,
                    include_points,
                },
                stress: StressSettings {
                    price_drop: st.0,
                    depeg_small: st.1,
                    depeg_large: st.2,
                    avs_slash: st.3,
                    borrow_apr: st.4,
                    yt_implied_apy: st.5,
                },
                costs: CostSettings { gas_price },
                mc: Default::default(),
            },
        )
}

pub fn arb_scenario() -> impl Strategy<Value = Scenario> {
    arb_scenario_with(1..=MAX_LAYERS)
}
