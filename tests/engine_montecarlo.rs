#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
#![allow(clippy::single_range_in_vec_init)] // a list of ranges that holds one
//! The Monte Carlo simulation (docs/METHODOLOGY.md §11) against values derived by hand: the
//! deterministic projection when nothing is random, the engine's analytic P(any loss) and
//! expected loss where they are exact, closed forms of the price model; determinism across runs
//! and chunkings; and, as properties, finite figures and probabilities in [0, 1] for random
//! valid scenarios.
//!
//! Statistical tolerances are 4 standard errors of the estimate at the stated path count
//! (a false failure about once in 16,000 runs; the seed is fixed, so a run either always passes
//! or always fails).

use proptest::prelude::*;
use restack::engine::{
    evaluate, example_scenario, non_finite_paths, simulate, Avs, DebtAsset, Layer, LayerKind,
    LayerRisk, LoopSize, LossCause, McError, McPlan, McReport, McSettings, OracleKind, RiskKind,
    Scenario,
};

mod support;

fn layer(kind: LayerKind, risk: LayerRisk) -> Layer {
    Layer {
        protocol: "p".into(),
        token: "t".into(),
        kind,
        risk,
        points_apr: 0.0,
        costs: Default::default(),
    }
}

fn stake(base_apr: f64, risk: LayerRisk) -> Layer {
    layer(
        LayerKind::Stake {
            base_apr,
            fee_ratio: 0.0,
        },
        risk,
    )
}

fn exploit(p: f64, loss: f64) -> LayerRisk {
    LayerRisk {
        p_exploit: p,
        exploit_loss: loss,
        ..LayerRisk::default()
    }
}

/// A scenario of `layers` at `days`, 10 ETH at $3,000, `paths` paths, volatility `vol`.
fn scenario(layers: Vec<Layer>, days: f64, paths: u32, vol: f64) -> Scenario {
    let mut s = example_scenario();
    s.stake.amount = 10.0;
    s.layers = layers;
    s.horizon_days = days;
    s.mc = McSettings {
        paths,
        volatility: Some(vol),
        ..McSettings::default()
    };
    s
}

fn run(s: &Scenario) -> McReport {
    simulate(s).unwrap_or_else(|e| panic!("valid scenario rejected: {e}"))
}

/// Without risk: every probability of every layer and service set to 0.
fn without_events(mut s: Scenario) -> Scenario {
    for l in &mut s.layers {
        l.risk.p_exploit = 0.0;
        l.risk.p_depeg = 0.0;
        if let LayerKind::Restake { avs, .. } = &mut l.kind {
            for a in avs {
                a.p_slash = 0.0;
            }
        }
    }
    s
}

/// §9 (b)/(g)'s eETH → weETH, then a loop.
fn weeth_loop(
    size: LoopSize,
    lt: f64,
    borrow: f64,
    oracle: OracleKind,
    debt: DebtAsset,
) -> Vec<Layer> {
    vec![
        layer(
            LayerKind::Stake {
                base_apr: 0.03,
                fee_ratio: 0.1,
            },
            LayerRisk {
                p_depeg: 0.05,
                depeg_loss: 0.03,
                exit_days: 14.0,
                instant_exit: true,
                ..LayerRisk::default()
            },
        ),
        layer(
            LayerKind::LiquidRestake { fee_ratio: 0.05 },
            LayerRisk::default(),
        ),
        layer(
            LayerKind::Loop {
                ltv: if lt < 0.8 { 0.7 } else { 0.8 },
                liq_threshold: lt,
                liq_bonus: 0.05,
                borrow_apr: borrow,
                supply_apr: 0.0,
                close_factor: 1.0,
                size,
                oracle,
                debt,
            },
            LayerRisk::default(),
        ),
    ]
}

#[test]
fn without_volatility_or_events_every_path_ends_at_the_projection() {
    // Guards the simulation's deterministic core: with σ = 0 and every probability 0 nothing is
    // random, so every path's ending equity (valuation 1 × the projection's growth) must be the
    // engine's projected value exactly, bit for bit, in every kind of stack.
    let cases: Vec<(&str, Scenario)> = vec![
        (
            // The YT matures on day 180: the growth switches to the weETH rate (§9 (a)).
            "example stack, YT maturing within the horizon",
            without_events(scenario(example_scenario().layers, 365.0, 64, 0.0)),
        ),
        (
            // Collateral 2.565 % against 2 %: positive carry, the lender's HF only rises.
            "§9 (b) weETH loop, exchange-rate oracle",
            without_events(scenario(
                weeth_loop(
                    LoopSize::Loops(3),
                    0.83,
                    0.02,
                    OracleKind::ExchangeRate,
                    DebtAsset::Base,
                ),
                365.0,
                64,
                0.0,
            )),
        ),
        (
            // HF₀ = 2.19 · 0.75 / 1.19 = 1.3803; the carry erodes it by e^(0.05 − 0.02565) =
            // 1.0246 in a year: 1.347, never below 1.
            "§9 (g) loop against USDC, horizon of 100 days (14 weeks and 2 days)",
            without_events(scenario(
                weeth_loop(
                    LoopSize::Loops(2),
                    0.75,
                    0.05,
                    OracleKind::Market,
                    DebtAsset::Usd,
                ),
                100.0,
                64,
                0.0,
            )),
        ),
    ];
    for (what, s) in cases {
        let report = run(&s);
        let deterministic = evaluate(&s).unwrap_or_else(|e| panic!("{what}: {e}"));
        let projected = deterministic.summary.projected_usd;
        assert_eq!(
            report.median_equity * report.equity_usd,
            projected,
            "{what}"
        );
        assert_eq!(report.p5_equity, report.median_equity, "{what}");
        assert_eq!(report.projected_equity, report.median_equity, "{what}");
        assert_eq!(report.histogram.bins.len(), 1, "{what}: every path equal");
        assert_eq!(report.p_liquidation, 0.0, "{what}");
        assert_eq!(report.p_wipeout, 0.0, "{what}");
        // Every path gains, or (§9 (g) borrows at 5 % against 2.565 %: a net APR of
        // 0.02565 + 1.19 · (0.02565 − 0.05) = −0.0033) every path loses.
        let all_lose = report.median_equity < 1.0;
        assert_eq!(report.p_loss, if all_lose { 1.0 } else { 0.0 }, "{what}");
    }
}

#[test]
fn an_unlevered_stack_without_depeg_is_never_liquidated() {
    // Guards against liquidations without debt: the example stack (no loop) with its exploits
    // and slashes, at ETH's default volatility.
    let mut s = example_scenario();
    for l in &mut s.layers {
        l.risk.p_depeg = 0.0;
    }
    s.mc.paths = 4_000;
    let report = run(&s);
    assert_eq!(report.p_liquidation, 0.0);
    assert_eq!(report.volatility, 0.75, "ETH's default");
    assert!(report.p_loss > 0.0);
}

#[test]
fn the_price_model_matches_its_closed_forms() {
    // A stake earning nothing, no events, σ = 0.75 over 365 days (52 weeks and a day: total
    // variance σ² · 1 year). ln b_T ~ N(−σ²/2, σ²), so
    //   P(loss)       = P(b_T < 1) = Φ(σ/2) = Φ(0.375) = 0.6461698
    //   expected loss = E[max(0, 1 − b_T)] = Φ(σ/2) − Φ(−σ/2) = 2 Φ(0.375) − 1 = 0.2923395
    //                   (a zero-rate at-the-money put, Black–Scholes)
    //   mean equity   = E[b_T] = 1 (no drift in expectation).
    // Standard deviations: P(loss) √(0.646 · 0.354) = 0.478; the loss ≤ 0.36 (a put on a
    // lognormal with σ = 0.75); b_T √(e^0.5625 − 1) = 0.869. At 100,000 paths, 4 standard
    // errors: 0.0061, 0.0046, 0.011.
    let s = scenario(vec![stake(0.0, LayerRisk::default())], 365.0, 100_000, 0.75);
    let r = run(&s);
    assert!((r.p_loss - 0.646_169_8).abs() < 0.0061, "{}", r.p_loss);
    assert!(
        (r.expected_loss - 0.292_339_5).abs() < 0.0046,
        "{}",
        r.expected_loss
    );
    assert!((r.mean_equity - 1.0).abs() < 0.011, "{}", r.mean_equity);
    // The holder of the stake is the holder of ETH: never below holding.
    assert_eq!(r.p_below_hold, 0.0);
    assert_eq!(r.p_liquidation, 0.0);
}

#[test]
fn total_losses_converge_to_the_engines_p_any_loss_and_expected_loss() {
    // Stacks whose analytic figures are exact: every event a total loss, so a path ends at 0
    // after its first event and at 1 without one (nothing earns, σ = 0).
    //
    // One source, an exploit p = 0.05 of 100 %: the engine's expected loss p · 1 = 0.05 and
    // P(any) = 0.05 are exact, and the simulation's chance of at least one event in the year is
    // 1 − (1 − h₇)^52 (1 − h₁) = 1 − (1 − p) = p exactly. At 100,000 paths, 4 standard errors
    // of a share near 0.05: 4 √(0.05 · 0.95 / 100000) = 0.0028.
    let one = scenario(vec![stake(0.0, exploit(0.05, 1.0))], 365.0, 100_000, 0.0);
    let engine = evaluate(&one).unwrap_or_else(|e| panic!("{e}"));
    assert!((engine.summary.expected_loss - 0.05).abs() < 1e-12);
    let r = run(&one);
    assert!(
        (r.p_loss - engine.summary.p_any_loss).abs() < 0.0028,
        "{}",
        r.p_loss
    );
    assert!((r.expected_loss - engine.summary.expected_loss).abs() < 0.0028);
    assert_eq!(r.p_wipeout, r.p_loss, "a total loss is a wipe-out");
    //
    // Three independent sources (an exploit of the stake 3 %, a slash of the whole restaked
    // stake 2 %, an exploit of the wrapper 1 %): P(any) = 1 − 0.97 · 0.98 · 0.99 = 0.058906,
    // exact for the simulation too; its expected loss is the same number (a total loss
    // happens once), where the engine's first-order Σ p = 0.06 is not exact.
    // 4 √(0.0589 · 0.9411 / 100000) = 0.0030.
    let restake = layer(
        LayerKind::Restake {
            avs: vec![Avs {
                name: "all".into(),
                reward_apr: 0.0,
                magnitude: 1.0,
                p_slash: 0.02,
                severity: 1.0,
            }],
            commission_ratio: 0.0,
        },
        LayerRisk::default(),
    );
    let wrapper = layer(
        LayerKind::LiquidRestake { fee_ratio: 0.0 },
        exploit(0.01, 1.0),
    );
    let three = scenario(
        vec![stake(0.0, exploit(0.03, 1.0)), restake, wrapper],
        365.0,
        100_000,
        0.0,
    );
    let engine = evaluate(&three).unwrap_or_else(|e| panic!("{e}"));
    assert!((engine.summary.p_any_loss - 0.058_906).abs() < 1e-12);
    let r = run(&three);
    assert!((r.p_loss - 0.058_906).abs() < 0.0030, "{}", r.p_loss);
    assert!(
        (r.expected_loss - 0.058_906).abs() < 0.0030,
        "{}",
        r.expected_loss
    );
    assert_eq!(r.p_liquidation, 0.0);
}

#[test]
fn a_partial_loss_compounds_over_the_steps() {
    // One exploit, p = 0.2 a year, loss g = 0.3, nothing else. P(at least one) = 0.2 exactly
    // (the engine's P(any)). Each step holds at most one event, with hazard h = 1 − 0.8^(Δt), so
    // E[ending equity] = Π_steps (1 − g · h) = (1 − 0.3 h₇)^52 (1 − 0.3 h₁):
    //   h₇ = 1 − 0.8^(7/365) = 0.0042703215, h₁ = 1 − 0.8^(1/365) = 0.0006111654
    //   expected loss = 1 − 0.9353419 = 0.0646580, above the engine's first-order p · g = 0.06
    //   by the events that strike twice.
    // At 100,000 paths: 4 √(0.2 · 0.8 / 100000) = 0.0051 for P(loss); the loss (0 or about
    // 0.3) has a standard deviation below 0.3 · 0.41 = 0.123: 4 · 0.123 / 316 = 0.0016.
    let h7 = 1.0 - 0.8_f64.powf(7.0 / 365.0);
    let h1 = 1.0 - 0.8_f64.powf(1.0 / 365.0);
    let expected = 1.0 - (1.0 - 0.3 * h7).powi(52) * (1.0 - 0.3 * h1);
    assert!((expected - 0.064_658_0).abs() < 1e-6);
    let s = scenario(vec![stake(0.0, exploit(0.2, 0.3))], 365.0, 100_000, 0.0);
    let r = run(&s);
    assert!((r.p_loss - 0.2).abs() < 0.0051, "{}", r.p_loss);
    assert!(
        (r.expected_loss - expected).abs() < 0.0016,
        "{}",
        r.expected_loss
    );
}

#[test]
fn a_levered_stack_liquidates_with_the_engines_odds() {
    // §9 (d): stETH (exploit 1 %/yr of 30 %, depeg 5 %/yr of 20 %) looped 5 times against USDC
    // at LTV 0.7, LT 0.75, close factor 0.5; here borrowing at 0 % and earning 0 % so nothing
    // accrues (σ = 0). Each event alone liquidates the position (HF 0.909 and 0.795), so
    //   P(loss) = P(liquidation) = P(any) = 1 − 0.99 · 0.95 = 0.0595, exact;
    //   expected loss ≈ 0.05 · 0.6852925 + 0.01 · 0.9794095 = 0.0440587 (the engine's, first
    //   order): two events on one path (chance below 0.0005 + 0.0013 for a second depeg) cost
    //   less than the sum, a bias below 0.0013 · 0.32 + 0.0005 · 0.67 < 0.0008.
    // At 100,000 paths: 4 √(0.0595 · 0.9405 / 100000) = 0.0030; the loss's standard deviation
    // √(0.05 · 0.685² + 0.01 · 0.979²) = 0.181: 4 · 0.181 / 316 = 0.0023, plus the bias 0.0008.
    let risk = LayerRisk {
        p_exploit: 0.01,
        exploit_loss: 0.3,
        p_depeg: 0.05,
        depeg_loss: 0.2,
        exit_days: 0.0,
        instant_exit: true,
        market_share: 0.0,
    };
    let lending = LayerKind::Loop {
        ltv: 0.7,
        liq_threshold: 0.75,
        liq_bonus: 0.05,
        borrow_apr: 0.0,
        supply_apr: 0.0,
        close_factor: 0.5,
        size: LoopSize::Loops(5),
        oracle: OracleKind::Market,
        debt: DebtAsset::Usd,
    };
    let s = scenario(
        vec![stake(0.0, risk), layer(lending, LayerRisk::default())],
        365.0,
        100_000,
        0.0,
    );
    let engine = evaluate(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!((engine.summary.p_any_loss - 0.0595).abs() < 1e-12);
    assert!((engine.summary.expected_loss - 0.044_058_7).abs() < 1e-6);
    let r = run(&s);
    assert!((r.p_loss - 0.0595).abs() < 0.0030, "{}", r.p_loss);
    assert!(
        (r.p_liquidation - 0.0595).abs() < 0.0030,
        "{}",
        r.p_liquidation
    );
    assert!(
        (r.expected_loss - 0.044_058_7).abs() < 0.0031,
        "{}",
        r.expected_loss
    );
    // The depeg is five times likelier than the exploit: it explains most losses.
    assert_eq!(
        r.main_loss_cause,
        Some(LossCause::Event {
            layer: 0,
            kind: RiskKind::Depeg,
            avs: None
        })
    );
    let shares: f64 = r.loss_causes.iter().map(|c| c.share).sum();
    assert!(
        (shares - 1.0).abs() < 1e-12,
        "every loss path has one cause"
    );
}

#[test]
fn crisis_mode_gives_a_crash_week_a_years_depeg_odds() {
    // A crash every week (p_crash = 1, compensated: the price itself does not move, since the
    // compensation −ln(1 − 1 · 0.3) cancels the certain fall ln 0.7) makes every step a crash
    // step. In crisis mode each step then carries the depeg's whole annual odds p = 0.05, so
    // over 53 steps (52 weeks and a day) P(loss) = 1 − 0.95^53 = 0.9340293; without crisis
    // mode it stays p = 0.05. At 20,000 paths: 4 √(0.934 · 0.066 / 20000) = 0.0070 and
    // 4 √(0.05 · 0.95 / 20000) = 0.0062.
    let risk = LayerRisk {
        p_depeg: 0.05,
        depeg_loss: 0.1,
        instant_exit: true,
        ..LayerRisk::default()
    };
    let mut s = scenario(vec![stake(0.0, risk)], 365.0, 20_000, 0.0);
    s.mc.p_crash = 1.0;
    let calm = run(&s);
    assert!((calm.p_loss - 0.05).abs() < 0.0062, "{}", calm.p_loss);
    assert!((calm.mean_equity - (1.0 - 0.05 * 0.1)).abs() < 0.01);
    s.mc.crisis = true;
    let crisis = run(&s);
    assert!(
        (crisis.p_loss - 0.934_029_3).abs() < 0.0070,
        "{}",
        crisis.p_loss
    );
}

/// A five-layer stack with every source of randomness on (the benchmark's).
fn busy() -> Scenario {
    let mut s = example_scenario();
    s.layers.insert(
        3,
        layer(
            LayerKind::Loop {
                ltv: 0.9,
                liq_threshold: 0.93,
                liq_bonus: 0.01,
                borrow_apr: 0.025,
                supply_apr: 0.0,
                close_factor: 0.5,
                size: LoopSize::Loops(3),
                oracle: OracleKind::Market,
                debt: DebtAsset::Base,
            },
            exploit(0.01, 0.2),
        ),
    );
    s.mc = McSettings {
        seed: 20_261_128,
        paths: 3_000,
        volatility: None,
        p_crash: 0.1,
        p_borrow_spike: 0.1,
        p_yt_fall: 0.2,
        crisis: true,
    };
    s
}

#[test]
fn the_same_seed_gives_the_same_bits_in_any_chunking() {
    // Guards the worker's contract: chunks of any size, merged in any order, give exactly the
    // figures of one run; and a second run gives them again.
    let s = busy();
    let plan = McPlan::new(&s).unwrap_or_else(|e| panic!("{e}"));
    let whole = plan
        .run(0..plan.paths())
        .finish(&plan)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run(&s), whole);
    for size in [1_u32, 7, 64, 999, 2_999] {
        let mut chunks: Vec<_> = (0..plan.paths())
            .step_by(size as usize)
            .map(|start| plan.run(start..start.saturating_add(size)))
            .collect();
        chunks.reverse();
        let mut merged = plan.run(0..0);
        for c in chunks {
            merged.merge(c).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(merged.ranges(), &[0..plan.paths()]);
        let report = merged.finish(&plan).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report, whole, "chunks of {size}");
        let bits = |r: &McReport| serde_json::to_string(r).unwrap_or_default();
        assert_eq!(bits(&report), bits(&whole), "chunks of {size}");
    }
    // The busy stack does exercise the model.
    assert!(whole.p_loss > 0.0 && whole.p_liquidation > 0.0 && whole.p_loss < 1.0);
}

#[test]
fn partials_of_other_plans_or_the_same_paths_are_refused() {
    let s = busy();
    let plan = McPlan::new(&s).unwrap_or_else(|e| panic!("{e}"));
    let mut a = plan.run(0..100);
    assert_eq!(
        a.merge(plan.run(50..150)),
        Err(McError::Overlap {
            start: 50,
            end: 100
        })
    );
    let mut other = s.clone();
    other.mc.seed += 1;
    let other_plan = McPlan::new(&other).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.merge(other_plan.run(100..200)), Err(McError::OtherPlan));
    assert_eq!(a.paths_done(), 100, "a refused merge changes nothing");
    assert!(a.finish(&other_plan).is_err());
    // Paths beyond the count are clipped.
    assert_eq!(plan.run(2_990..5_000).paths_done(), 10);
}

#[test]
fn settings_are_validated_with_named_fields() {
    // (what, change, field)
    type Change = fn(&mut McSettings);
    let cases: [(&str, Change, &str); 4] = [
        ("no paths", |m| m.paths = 0, "mc.paths"),
        ("too many paths", |m| m.paths = 1_000_001, "mc.paths"),
        (
            "volatility above 500 %",
            |m| m.volatility = Some(5.5),
            "mc.volatility",
        ),
        ("a probability above 1", |m| m.p_crash = 1.5, "mc.p_crash"),
    ];
    for (what, change, field) in cases {
        let mut s = example_scenario();
        change(&mut s.mc);
        let err = McPlan::new(&s).err().map(|e| e.field);
        assert_eq!(err.as_deref(), Some(field), "{what}");
        assert_eq!(
            evaluate(&s).err().map(|e| e.field).as_deref(),
            Some(field),
            "{what}: the page shows it like any field"
        );
    }
}

fn arb_mc() -> impl Strategy<Value = McSettings> {
    (
        any::<u64>(),
        1_u32..=12,
        prop::option::of(prop_oneof![Just(0.0), Just(5.0), 0.0..=5.0]),
        (support::unit(), support::unit(), support::unit()),
        any::<bool>(),
    )
        .prop_map(
            |(seed, paths, volatility, (p_crash, p_borrow_spike, p_yt_fall), crisis)| McSettings {
                seed,
                paths,
                volatility,
                p_crash,
                p_borrow_spike,
                p_yt_fall,
                crisis,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn figures_are_finite_and_probabilities_fractions(
        s in support::arb_scenario_with(1..=6),
        mc in arb_mc(),
        days in prop_oneof![Just(1e-3), Just(3_650.0), 1.0..=730.0],
    ) {
        let mut s = s;
        s.mc = mc;
        s.horizon_days = days;
        let r = simulate(&s).map_err(|e| TestCaseError::fail(format!("rejected: {e}")))?;
        let bad = non_finite_paths(&r);
        prop_assert!(bad.is_empty(), "non-finite at {bad:?}");
        for (what, p) in [
            ("p_loss", r.p_loss),
            ("p_liquidation", r.p_liquidation),
            ("p_wipeout", r.p_wipeout),
            ("p_below_hold", r.p_below_hold),
            ("expected_loss", r.expected_loss),
        ] {
            prop_assert!((0.0..=1.0).contains(&p), "{what} = {p}");
        }
        prop_assert!(r.p_wipeout <= r.p_loss, "a wipe-out is a loss");
        prop_assert!(r.var95 <= 1.0 && r.cvar95 <= 1.0);
        prop_assert!(r.cvar95 + 1e-12 >= r.var95, "CVaR {} < VaR {}", r.cvar95, r.var95);
        prop_assert!(r.p5_equity <= r.median_equity);
        prop_assert!(r.median_equity >= 0.0 && r.median_apy >= -1.0);
        prop_assert_eq!(r.histogram.bins.iter().map(|b| b.paths).sum::<u32>(), r.paths);
        prop_assert_eq!(r.paths, s.mc.paths);
    }
}
