#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the engine's invariants (proptest is a native-only dev-dependency).
//!
//! The strategies (tests/support) generate VALID scenarios across the whole validated range,
//! edges included (APR −1 and 10, LTV up to 0.999, 100 loops, maturities of 10 years, 16
//! layers), so the invariants are checked where overflow and cancellation would show first.

use proptest::prelude::*;
use restack::engine::{
    evaluate, loop_leverage_closed_form, loop_leverage_sum, max_leverage, non_finite_paths,
    pt_price, yt_price, Asset, Avs, CostSettings, DebtAsset, HealthFactor, Layer, LayerCosts,
    LayerKind, LayerRisk, LoopSize, OracleKind, Report, RiskSettings, Scenario, Stake, StressKind,
    StressSettings, MAX_GAS_PRICE, MAX_GAS_UNITS, MAX_LAYERS,
};

// ---------------------------------------------------------------------------------------------
// Strategies for valid scenarios: tests/support.
// ---------------------------------------------------------------------------------------------

mod support;
use support::{arb_layer, arb_loop, arb_scenario, arb_scenario_with};

fn eval(s: &Scenario) -> Result<Report, TestCaseError> {
    evaluate(s).map_err(|e| TestCaseError::fail(format!("valid scenario rejected: {e}")))
}

// ---------------------------------------------------------------------------------------------
// Finiteness: walk the serialized report.
// ---------------------------------------------------------------------------------------------

fn is_below_one(h: HealthFactor) -> bool {
    matches!(h, HealthFactor::Value(v) if v < 1.0)
}

fn net_apy_with_borrow_raised(s: &Scenario, layer: usize, delta: f64) -> Option<Scenario> {
    let mut raised = s.clone();
    if let Some(LayerKind::Loop { borrow_apr, .. }) =
        raised.layers.get_mut(layer).map(|l| &mut l.kind)
    {
        *borrow_apr = (*borrow_apr + delta).min(10.0);
        Some(raised)
    } else {
        None
    }
}

proptest! {
    // 256 cases by default; set PROPTEST_CASES for a deeper run.
    #![proptest_config(ProptestConfig::default())]

    /// Guards the two loop formulas against drifting apart (the UI shows one, tests the other).
    #[test]
    fn loop_sum_equals_closed_form(ltv in prop_oneof![Just(0.999), 0.0..0.999], n in 0u32..=100) {
        let sum = loop_leverage_sum(ltv, n);
        let closed = loop_leverage_closed_form(ltv, n);
        prop_assert!((sum - closed).abs() <= 1e-9 * sum, "ltv {} n {}: {} vs {}", ltv, n, sum, closed);
        prop_assert!(sum <= 1.0 / (1.0 - ltv) + 1e-9);
    }

    /// Guards against NaN or ±∞ reaching the UI anywhere in a report.
    #[test]
    fn no_nan_or_infinity_in_a_report(s in arb_scenario()) {
        let r = eval(&s)?;
        let bad = non_finite_paths(&r);
        prop_assert!(bad.is_empty(), "non-finite at {:?}", bad);
        for st in &r.stress {
            prop_assert!(st.days_to_liquidation.is_none_or(f64::is_finite));
        }
    }

    /// "HF < 1" and "liquidated" can never disagree in a stress row.
    #[test]
    fn hf_below_one_exactly_when_stress_liquidates(s in arb_scenario()) {
        let r = eval(&s)?;
        for st in &r.stress {
            prop_assert_eq!(st.liquidated, is_below_one(st.health_after), "{:?}", st);
            if st.liquidated {
                prop_assert!(st.breaks_first.is_some(), "a liquidation names a layer: {:?}", st);
            }
            prop_assert!(st.breaks_first.is_none_or(|i| i < s.layers.len()));
            prop_assert!(st.equity_change >= -1.0 && st.equity_after_usd >= 0.0);
        }
    }

    /// A shock of size 0 costs nothing: guards the layer-by-layer equity accounting of the stress
    /// module (an error there shows as a loss out of nothing, or as a spurious wipe-out).
    #[test]
    fn zero_shocks_cost_nothing(s in arb_scenario()) {
        let mut s = s;
        s.stress.price_drop = 0.0;
        s.stress.depeg_small = 0.0;
        s.stress.depeg_large = 0.0;
        s.stress.avs_slash = 0.0;
        let r = eval(&s)?;
        // HF today is ≥ 1 in exact arithmetic; at ltv = LT and maximum leverage rounding may put
        // it a hair below 1, and then every row reports that (consistently) as a liquidation.
        let at_the_edge = is_below_one(r.summary.health);
        for st in r.stress.iter().filter(|st| st.kind != StressKind::YtCollapse) {
            prop_assert!(
                at_the_edge || (st.equity_change == 0.0 && !st.liquidated),
                "{:?}", st
            );
        }
    }

    /// The margin ladder never widens: per layer, and when a layer is added on top.
    #[test]
    fn adding_a_layer_never_widens_the_margin(s in arb_scenario_with(1..=8), extra in arb_layer()) {
        let r = eval(&s)?;
        for pair in r.layers.windows(2) {
            if let [a, b] = pair {
                prop_assert!(b.margin <= a.margin, "{} then {}", a.margin, b.margin);
            }
        }
        let mut longer = s.clone();
        longer.layers.push(extra);
        let r2 = eval(&longer)?;
        prop_assert!(r2.summary.margin <= r.summary.margin);
        // The layers beneath are unchanged by what is added on top.
        for (a, b) in r.layers.iter().zip(&r2.layers) {
            prop_assert_eq!(a.margin, b.margin);
            prop_assert_eq!(a.cumulative, b.cumulative);
        }
    }

    /// A higher borrow rate never raises the net APY (nor does the borrow-spike stress).
    #[test]
    fn higher_borrow_rate_never_raises_net_apy(
        s in arb_scenario_with(1..=8),
        lp in arb_loop(),
        at in any::<prop::sample::Index>(),
        delta in 0.0..5.0f64,
    ) {
        let mut s = s;
        let i = at.index(s.layers.len() + 1);
        s.layers.insert(i, Layer {
            protocol: "lend".into(),
            token: "t".into(),
            kind: lp,
            risk: LayerRisk::default(),
            points_apr: 0.0,
            costs: Default::default(),
        });
        let base = eval(&s)?;
        if let Some(raised) = net_apy_with_borrow_raised(&s, i, delta) {
            let r = eval(&raised)?;
            let tol = 1e-9 * base.summary.net.apy.abs().max(1.0);
            prop_assert!(r.summary.net.apy <= base.summary.net.apy + tol,
                "{} > {}", r.summary.net.apy, base.summary.net.apy);
            prop_assert!(r.summary.net.apr <= base.summary.net.apr + 1e-9 * base.summary.net.apr.abs().max(1.0));
        }
        for st in &base.stress {
            prop_assert!(st.net_apy_after <= base.summary.net.apy + 1e-12);
        }
    }

    /// Probabilities and fractions stay in [0, 1].
    #[test]
    fn losses_and_probabilities_are_fractions(s in arb_scenario()) {
        let r = eval(&s)?;
        let m = &r.summary;
        for (what, x) in [
            ("expected loss", m.expected_loss),
            ("P(any)", m.p_any_loss),
            ("worst-case slash", m.worst_case_slash),
            ("margin", m.margin),
        ] {
            prop_assert!((0.0..=1.0).contains(&x), "{}: {}", what, x);
        }
        for l in &r.layers {
            prop_assert!((0.0..=1.0).contains(&l.expected_loss));
            prop_assert!((0.0..=1.0).contains(&l.margin));
            for e in &l.risks {
                prop_assert!((0.0..=1.0).contains(&e.equity_loss));
                prop_assert!((0.0..=1.0).contains(&e.expected_loss));
                prop_assert!((0.0..=1.0).contains(&e.p_annual));
            }
        }
        prop_assert!(m.net.apy >= -1.0 && m.risk_adjusted_apy >= -2.0);
    }

    /// Pendle: one SY splits into one PT and one YT.
    #[test]
    fn pt_plus_yt_is_one(r in 0.0..=10.0f64, days in 0.0..=3650.0f64) {
        let pt = pt_price(r, days);
        prop_assert!((pt + yt_price(r, days) - 1.0).abs() < 1e-12);
        prop_assert!(pt > 0.0 && pt <= 1.0);
    }

    /// Invalid input gives a named error, never a panic and never a report.
    #[test]
    fn invalid_scenarios_are_rejected(s in arb_scenario_with(1..=8), bad in bad_number(), which in 0usize..16) {
        let n = s.layers.len();
        let (corrupted, field) = corrupt(s, bad, which);
        match evaluate(&corrupted) {
            Ok(_) => prop_assert!(false, "accepted a corrupted {} = {}", field, bad),
            Err(e) => prop_assert_eq!(e.field(), field.replace("{n}", &n.to_string())),
        }
    }

    /// Arbitrary numbers anywhere never panic (they may be valid or not).
    #[test]
    fn arbitrary_numbers_never_panic(
        s in arb_scenario_with(1..=4),
        x in prop::num::f64::ANY,
        which in 0usize..16,
    ) {
        let (corrupted, _) = corrupt(s, x, which);
        let _ = evaluate(&corrupted);
    }
}

/// Numbers that no field accepts: not finite, negative, or beyond every bound.
fn bad_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        -1e300..-1.000_001f64,
        1e13..1e300f64,
    ]
}

fn loop_layer(ltv: f64, liq_threshold: f64, size: LoopSize) -> Layer {
    Layer {
        protocol: "lend".into(),
        token: "t".into(),
        kind: LayerKind::Loop {
            ltv,
            liq_threshold,
            liq_bonus: 0.05,
            borrow_apr: 0.03,
            supply_apr: 0.0,
            close_factor: 0.5,
            size,
            oracle: OracleKind::Market,
            debt: DebtAsset::Base,
        },
        risk: LayerRisk::default(),
        points_apr: 0.0,
        costs: Default::default(),
    }
}

fn with_kind(kind: LayerKind) -> Layer {
    Layer {
        protocol: "p".into(),
        token: "t".into(),
        kind,
        risk: LayerRisk::default(),
        points_apr: 0.0,
        costs: Default::default(),
    }
}

/// Corrupt one field of a valid scenario (with ≤ 8 layers) and return the field the error must
/// name (`{n}` stands for the index of a pushed layer). `bad` is used where a number is needed.
fn corrupt(mut s: Scenario, bad: f64, which: usize) -> (Scenario, String) {
    let field = match which {
        0 => {
            s.stake.amount = bad;
            "stake.amount"
        }
        1 => {
            s.stake.price_usd = bad;
            "stake.price_usd"
        }
        2 => {
            s.horizon_days = bad;
            "horizon_days"
        }
        3 => {
            s.risk.correlation = bad;
            "risk.correlation"
        }
        4 => {
            s.stress.depeg_large = bad;
            "stress.depeg_large"
        }
        5 => {
            if let Some(l) = s.layers.get_mut(0) {
                l.risk.p_exploit = bad;
            }
            "layers[0].p_exploit"
        }
        6 => {
            s.layers.clear();
            "layers"
        }
        7 => {
            let filler = s.layers.first().cloned();
            while s.layers.len() <= MAX_LAYERS {
                if let Some(l) = filler.clone() {
                    s.layers.push(l);
                }
            }
            "layers"
        }
        8 => {
            s.layers.push(loop_layer(1.0, 1.0, LoopSize::Loops(1)));
            "layers[{n}].ltv"
        }
        9 => {
            s.layers.push(loop_layer(0.95, 0.93, LoopSize::Loops(1)));
            "layers[{n}].ltv"
        }
        10 => {
            s.layers.push(loop_layer(0.8, 0.85, LoopSize::Target(5.01)));
            "layers[{n}].size"
        }
        11 => {
            s.layers.push(loop_layer(0.8, 0.85, LoopSize::Loops(101)));
            "layers[{n}].size"
        }
        12 => {
            let maturity_days = if bad.is_nan() { 0.0 } else { -bad.abs() };
            s.layers.push(with_kind(LayerKind::PendleYt {
                implied_apy: 0.05,
                maturity_days,
                reward_apr: 0.0,
                fee_ratio: 0.05,
                fee_tier: 0.0,
            }));
            "layers[{n}].maturity_days"
        }
        13 => {
            let m = |magnitude: f64| Avs {
                name: "a".into(),
                reward_apr: 0.0,
                magnitude,
                p_slash: 0.0,
                severity: 0.0,
            };
            s.layers.push(with_kind(LayerKind::Restake {
                avs: vec![m(0.7), m(0.4)],
                commission_ratio: 0.1,
            }));
            "layers[{n}].avs"
        }
        14 => {
            s.layers.push(with_kind(LayerKind::Restake {
                avs: vec![Avs {
                    name: "a".into(),
                    reward_apr: 0.0,
                    magnitude: 0.1,
                    p_slash: 0.1,
                    severity: 0.2,
                }],
                commission_ratio: 0.1,
            }));
            "layers[{n}].avs[0].severity"
        }
        _ => {
            s.layers.push(with_kind(LayerKind::Stake {
                base_apr: bad,
                fee_ratio: 0.1,
            }));
            "layers[{n}].base_apr"
        }
    };
    (s, field.to_string())
}

/// The most extreme valid stack we can build: 16 layers at every bound at once (largest stake,
/// longest horizon, APR 10, the cheapest YT the engine accepts, loops at 101×). Guards the
/// saturation constants: nothing may overflow to ±∞ or cancel to NaN.
#[test]
fn extreme_valid_stack_stays_finite() {
    let yt = LayerKind::PendleYt {
        implied_apy: 0.01,
        maturity_days: 4.0,
        reward_apr: 10.0,
        fee_ratio: 0.0,
        fee_tier: 0.0,
    };
    let lp = |borrow_apr: f64, debt: DebtAsset| LayerKind::Loop {
        ltv: 0.999,
        liq_threshold: 0.999,
        liq_bonus: 1.0,
        borrow_apr,
        supply_apr: -1.0,
        close_factor: 0.5,
        size: LoopSize::Target(max_leverage(0.999)),
        oracle: OracleKind::Market,
        debt,
    };
    let kinds = [
        LayerKind::Stake {
            base_apr: 10.0,
            fee_ratio: 0.0,
        },
        yt.clone(),
        lp(10.0, DebtAsset::Usd),
        yt.clone(),
        lp(-1.0, DebtAsset::Base),
    ];
    for (variant, horizon_days) in [(0usize, 36_500.0), (1, 1e-3)] {
        let layers: Vec<Layer> = (0..MAX_LAYERS)
            .map(|i| {
                let kind = kinds
                    .get((i + variant) % kinds.len())
                    .cloned()
                    .unwrap_or(LayerKind::LiquidRestake { fee_ratio: 0.0 });
                Layer {
                    protocol: "x".repeat(64),
                    token: "é".repeat(64),
                    kind,
                    risk: LayerRisk {
                        p_exploit: 1.0,
                        exploit_loss: 1.0,
                        p_depeg: 1.0,
                        depeg_loss: 1.0,
                        exit_days: 3650.0,
                        instant_exit: true,
                        market_share: 1.0,
                    },
                    points_apr: 10.0,
                    costs: LayerCosts {
                        gas_in: MAX_GAS_UNITS,
                        gas_out: MAX_GAS_UNITS,
                        swap_fee: 0.999_999,
                        impact: 0.999_999,
                        bought: true,
                    },
                }
            })
            .collect();
        let s = Scenario {
            stake: Stake {
                amount: 1e12,
                asset: Asset::Btc,
                price_usd: 1e12,
            },
            horizon_days,
            layers,
            risk: RiskSettings {
                correlation: 0.5,
                include_points: true,
            },
            stress: StressSettings {
                price_drop: 1.0,
                depeg_small: 1.0,
                depeg_large: 0.0,
                avs_slash: 1.0,
                borrow_apr: 10.0,
                yt_implied_apy: 10.0,
            },
            mc: Default::default(),
            costs: CostSettings {
                gas_price: MAX_GAS_PRICE,
            },
        };
        let r = evaluate(&s);
        assert!(r.is_ok(), "{:?}", r.err());
        let bad = non_finite_paths(&r.ok());
        assert!(bad.is_empty(), "variant {variant}: non-finite at {bad:?}");
    }
}
