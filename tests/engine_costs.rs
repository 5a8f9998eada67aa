#![cfg(not(target_arch = "wasm32"))]
//! Entry and exit costs (docs/METHODOLOGY.md §12) against figures worked by hand from the
//! formulas (never copied from the engine's output): a 3-loop stack's gas, a YT's round trip of
//! fees and impact, the break-even day of a small stake (closed form and a brute-force day scan),
//! the break-even stake, the choice between the redemption path and the instant market exit, a
//! PT whose exit cost falls to maturity; links without cost keys cost nothing; and properties:
//! costs are finite and non-negative, and the break-even day and stake agree with the value
//! after costs on every day.

use proptest::prelude::*;
use restack::engine::{
    evaluate, BreakEven, Cost, CostModel, CostSettings, ExitPath, Kind, Layer, LayerExit,
    LayerKind, LoopSize, MinStake, Report, RiskSettings, Scenario, Stake, StressSettings,
    MAX_BREAK_EVEN_DAYS,
};

/// Tolerance for dollar figures worked to the cent or better.
const TOL_USD: f64 = 1e-6;
/// Tolerance for fractions worked to 9 digits.
const TOL: f64 = 1e-9;
/// Tolerance for break-even days (the engine's bisection stops at 1e-9 days).
const TOL_DAYS: f64 = 1e-6;

fn close(what: &str, got: f64, expected: f64, tol: f64) -> Result<(), String> {
    if (got - expected).abs() <= tol {
        Ok(())
    } else {
        Err(format!("{what}: got {got}, expected {expected}"))
    }
}

fn eval(s: &Scenario) -> Result<Report, String> {
    evaluate(s).map_err(|e| e.to_string())
}

fn model(s: &Scenario) -> Result<CostModel, String> {
    CostModel::new(s).map_err(|e| e.to_string())
}

fn scenario(amount: f64, horizon_days: f64, gas_price: f64, layers: Vec<Layer>) -> Scenario {
    Scenario {
        stake: Stake {
            amount,
            asset: restack::engine::Asset::Eth,
            price_usd: 3_000.0,
        },
        horizon_days,
        layers,
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        costs: CostSettings { gas_price },
        mc: Default::default(),
    }
}

fn stake(base_apr: f64) -> Layer {
    let mut l = Layer::template(Kind::Stake, "lido".into(), "stETH".into());
    l.kind = LayerKind::Stake {
        base_apr,
        fee_ratio: 0.0,
    };
    l
}

fn three_loops() -> Layer {
    let mut l = Layer::template(Kind::Loop, "aave".into(), "stETH (looped)".into());
    if let LayerKind::Loop {
        ltv,
        liq_threshold,
        borrow_apr,
        size,
        ..
    } = &mut l.kind
    {
        *ltv = 0.8;
        *liq_threshold = 0.85;
        *borrow_apr = 0.02;
        *size = LoopSize::Loops(3);
    }
    // Per loop: Aave borrow 249,844 + Uniswap swap 111,248 + Aave supply 146,755 = 507,847;
    // unwinding: withdraw 165,226 + swap 111,248 + repay 176,521 = 452,995.
    l.costs.gas_in = 507_847.0;
    l.costs.gas_out = 452_995.0;
    l.costs.swap_fee = 0.0005;
    l.costs.impact = 0.0025;
    l
}

fn cost(c: &Cost, what: &str, gas: f64, fee: f64, impact: f64) -> Result<(), String> {
    close(&format!("{what} gas"), c.gas_usd, gas, TOL_USD)?;
    close(&format!("{what} fee"), c.fee_usd, fee, TOL_USD)?;
    close(&format!("{what} impact"), c.impact_usd, impact, TOL_USD)?;
    close(
        &format!("{what} total"),
        c.total_usd,
        gas + fee + impact,
        TOL_USD,
    )
}

#[test]
fn a_three_loop_stack_pays_its_gas_per_loop() -> Result<(), String> {
    // 10 ETH at $3,000 = $30,000, gas at 2 gwei: one gas unit costs 2e-9 × 3,000 = $0.000006.
    let mut eeth = stake(0.03);
    eeth.risk.instant_exit = true;
    eeth.costs.gas_in = 70_000.0;
    eeth.costs.gas_out = 161_248.0;
    eeth.costs.impact = 0.001;
    let s = scenario(10.0, 365.0, 2.0, vec![eeth, three_loops()]);
    let r = eval(&s)?;
    let (Some(l0), Some(l1)) = (r.layers.first(), r.layers.get(1)) else {
        return Err("two layers".into());
    };
    // Entering: eETH is minted, so only gas: 70,000 × $0.000006 = $0.42.
    cost(&l0.costs.entry, "eETH entry", 0.42, 0.0, 0.0)?;
    // The loop: 3 × 507,847 × $0.000006 = $9.141246 of gas; L = 1 + 0.8 + 0.64 + 0.512 = 2.952,
    // so the loops swap the 1.952 × $30,000 = $58,560 borrowed: fee 0.0005 × 58,560 = $29.28,
    // impact 0.0025 × 58,560 = $146.40.
    cost(&l1.costs.entry, "loop entry", 9.141_246, 29.28, 146.40)?;
    let entry = &r.summary.costs.entry;
    cost(entry, "stack entry", 9.561_246, 29.28, 146.40)?;
    // 185.241246 / 30,000.
    close("entry share", entry.share, 0.006_174_708_2, TOL)?;
    // Leaving by redemption: eETH 161,248 × $0.000006 = $0.967488; the loop unwinds 3 ×
    // 452,995 × $0.000006 = $8.15391 and swaps the $58,560 back: $29.28 + $146.40.
    cost(&l0.costs.exit_own, "eETH exit", 0.967_488, 0.0, 0.0)?;
    cost(&l1.costs.exit_own, "loop exit", 8.153_91, 29.28, 146.40)?;
    let redeem = &r.summary.costs.redeem;
    cost(&redeem.cost, "redeem", 9.121_398, 29.28, 146.40)?;
    // Selling eETH instead adds its impact, 0.001 × $30,000 = $30: $214.801398 > $184.801398,
    // so the stack redeems.
    let market = r.summary.costs.market.ok_or("a market exit")?;
    close("market", market.cost.total_usd, 214.801_398, TOL_USD)?;
    assert_eq!(market.path, ExitPath::Market { layer: 0 });
    assert_eq!(r.summary.costs.exit.path, ExitPath::Redeem);
    assert_eq!(l0.costs.exit_by, LayerExit::Own);
    close(
        "total",
        r.summary.costs.total.total_usd,
        185.241_246 + 184.801_398,
        TOL_USD,
    )
}

#[test]
fn a_yt_round_trip_pays_pendle_fee_and_impact_each_way() -> Result<(), String> {
    // 1 ETH at $3,000 in a YT at 10 % implied with a year to maturity, Pendle's tier 0.1 %/yr,
    // impact 1 % of the value traded; left on day 182.5, half a year before maturity.
    let mut yt = Layer::template(Kind::Yt, "pendle".into(), "YT".into());
    yt.kind = LayerKind::PendleYt {
        implied_apy: 0.10,
        maturity_days: 365.0,
        reward_apr: 0.0,
        fee_ratio: 0.05,
        fee_tier: 0.001,
    };
    yt.costs.impact = 0.01;
    let s = scenario(1.0, 182.5, 0.0, vec![stake(0.10), yt]);
    let r = eval(&s)?;
    let l = r.layers.get(1).ok_or("the YT")?;
    // P_PT = 1.1^(−1) = 0.9090909, P_YT = 0.0909091: buying $3,000 of YT swaps
    // P_PT / P_YT = 10 × $3,000 = $30,000 of PT. Pendle's fee: 0.001 × 365/365 × $30,000 = $30;
    // impact 0.01 × $3,000 = $30.
    cost(&l.costs.entry, "YT entry", 0.0, 30.0, 30.0)?;
    // On day 182.5, 182.5 days are left: P_YT = 1 − 1.1^(−0.5) = 0.0465374, so the YT is worth
    // 0.0465374 / 0.0909091 = 0.5119115 of its cost, $1,535.73. The sale swaps the same $30,000
    // of PT at half a year: fee 0.001 × 0.5 × $30,000 = $15; impact 0.01 × $1,535.7346 =
    // $15.357346.
    cost(&l.costs.exit_own, "YT exit", 0.0, 15.0, 15.357_345_5)?;
    // The round trip: $60 + $30.357346 = $90.357346, 3.0119 % of the stake.
    close(
        "round trip",
        r.summary.costs.total.total_usd,
        90.357_345_5,
        TOL_USD,
    )?;
    close("share", r.summary.costs.total.share, 0.030_119_115, TOL)?;
    // A horizon past maturity: the YT has expired, nothing is sold.
    let after = eval(&scenario(1.0, 400.0, 0.0, s.layers.clone()))?;
    let l = after.layers.get(1).ok_or("the YT")?;
    cost(&l.costs.exit_own, "expired YT exit", 0.0, 0.0, 0.0)
}

/// The small stake of the break-even examples: 0.1 ETH ($300) staked at 5 % APR, bought on a
/// DEX (fee 0.05 %, impact 0.1 %), entering with 60,000 gas and leaving with 100,000 at 20 gwei.
fn small_stake(amount: f64) -> Scenario {
    let mut l = stake(0.05);
    l.costs.gas_in = 60_000.0;
    l.costs.gas_out = 100_000.0;
    l.costs.swap_fee = 0.0005;
    l.costs.impact = 0.001;
    l.costs.bought = true;
    scenario(amount, 365.0, 20.0, vec![l])
}

/// (1 + APY) of 5 % APR compounded daily: (1 + 0.05/365)^365 = 1.0512674965.
const GROWTH_5: f64 = 1.051_267_496_467_447;

#[test]
fn the_break_even_day_of_a_small_stake() -> Result<(), String> {
    let s = small_stake(0.1);
    let r = eval(&s)?;
    // One gas unit at 20 gwei is 20e-9 × $3,000 = $0.00006: entering 60,000 × = $3.60 + the
    // trade (0.0005 + 0.001) × $300 = $0.45, so c_in = 4.05 / 300 = 0.0135; leaving 100,000 ×
    // = $6.00, c_out = 0.02.
    let c_in = 0.0135;
    let c_out = 0.02;
    close("c_in", r.summary.costs.entry.share, c_in, TOL)?;
    close("c_out", r.summary.costs.exit.cost.share, c_out, TOL)?;
    // Closed form: (1 − c_in) · G^(T/365) = 1 + c_out ⇒
    // T = 365 · ln(1.02 / 0.9865) / ln(1.0512674965) = 243.79714 days.
    let closed = 365.0 * ((1.0 + c_out) / (1.0 - c_in)).ln() / GROWTH_5.ln();
    close("closed form", closed, 243.797_136_86, 1e-6)?;
    let BreakEven::Day(t) = r.summary.costs.break_even else {
        return Err(format!("{:?}", r.summary.costs.break_even));
    };
    close("break-even", t, closed, TOL_DAYS)?;
    // A brute-force scan of whole days with the same formula finds day 244.
    let first = (0..=3_650)
        .find(|d| (1.0 - c_in) * GROWTH_5.powf(f64::from(*d) / 365.0) - c_out >= 1.0)
        .ok_or("no day")?;
    assert_eq!(first, 244);
    assert_eq!(t.ceil() as i32, first);
    // After a year: (1 − 0.0135) · 1.0512675 − 0.02 = 1.0170754, a net APY after costs of
    // 1.708 % against 5.127 % before.
    close(
        "after costs",
        r.summary.costs.net_apy_after_costs,
        0.9865 * GROWTH_5 - 0.02 - 1.0,
        TOL,
    )?;
    close("before", r.summary.costs.horizon_apy, GROWTH_5 - 1.0, TOL)?;
    close("headline", r.summary.net.apy, GROWTH_5 - 1.0, TOL)
}

#[test]
fn the_break_even_stake() -> Result<(), String> {
    // Gas is fixed: g_in = $3.60, g_out = $6.00; fees scale: p_in = 0.0015, p_out = 0.
    // E · ((1 − p_in) · G − 1 − p_out) ≥ g_in · G + g_out with G = 1.0512675 (a year):
    // k = 0.9985 · 1.0512675 − 1 = 0.0496906, need = 3.60 · 1.0512675 + 6 = 9.7845630,
    // E_min = $196.90976, 0.0656366 ETH.
    let r = eval(&small_stake(0.1))?;
    let k = 0.9985 * GROWTH_5 - 1.0;
    let need = 3.60 * GROWTH_5 + 6.0;
    close("E_min by hand", need / k, 196.909_756, 1e-5)?;
    let MinStake::Equity { usd, amount } = r.summary.costs.min_stake else {
        return Err(format!("{:?}", r.summary.costs.min_stake));
    };
    close("E_min", usd, need / k, TOL_USD)?;
    close("amount", amount, need / k / 3_000.0, TOL)?;
    // Just above it the stake breaks even within the year; just below, it does not.
    for (factor, within) in [(1.001, true), (0.999, false)] {
        let r = eval(&small_stake(amount * factor))?;
        let by_horizon = matches!(r.summary.costs.break_even, BreakEven::Day(t) if t <= 365.0);
        assert_eq!(by_horizon, within, "×{factor}");
        assert_eq!(
            r.summary.costs.net_apy_after_costs >= 0.0,
            within,
            "×{factor}"
        );
    }
    // A stake that earns less than its fees never breaks even, whatever its size.
    let mut s = small_stake(1_000.0);
    if let Some(l) = s.layers.first_mut() {
        l.costs.impact = 0.06;
    }
    assert_eq!(eval(&s)?.summary.costs.min_stake, MinStake::Never);
    Ok(())
}

#[test]
fn the_instant_exit_sells_the_highest_token_that_trades() -> Result<(), String> {
    // stETH (trades) → restake (does not) → wrapper (trades, fee 0.05 %): 1 ETH, 10 gwei.
    let mut st = stake(0.03);
    st.risk.instant_exit = true;
    st.risk.exit_days = 5.0;
    st.costs.gas_out = 100_000.0;
    let mut re = Layer::template(Kind::Restake, "eigencloud".into(), "r".into());
    re.risk.exit_days = 14.0;
    re.costs.gas_out = 400_000.0;
    let mut lrt = Layer::template(Kind::Lrt, "etherfi".into(), "w".into());
    lrt.risk.instant_exit = true;
    lrt.costs.gas_out = 161_248.0;
    lrt.costs.swap_fee = 0.0005;
    let r = eval(&scenario(1.0, 365.0, 10.0, vec![st, re, lrt]))?;
    // One gas unit: 10e-9 × $3,000 = $0.00003. Redeeming: (100,000 + 400,000 + 161,248) ×
    // = $19.83744, 14 days. Selling the wrapper: 161,248 × = $4.83744 + 0.0005 × $3,000 =
    // $1.50: $6.33744, at once.
    let c = &r.summary.costs;
    close("redeem", c.redeem.cost.total_usd, 19.837_44, TOL_USD)?;
    close("redeem days", c.redeem.days, 14.0, 0.0)?;
    let market = c.market.ok_or("a market exit")?;
    close("market", market.cost.total_usd, 6.337_44, TOL_USD)?;
    close("market days", market.days, 0.0, 0.0)?;
    assert_eq!(c.exit.path, ExitPath::Market { layer: 2 });
    let by: Vec<LayerExit> = r.layers.iter().map(|l| l.costs.exit_by).collect();
    assert_eq!(
        by,
        [
            LayerExit::Covered { by: 2 },
            LayerExit::Covered { by: 2 },
            LayerExit::Sold
        ]
    );
    let exits: f64 = r.layers.iter().map(|l| l.costs.exit.total_usd).sum();
    close("per-layer exits add up", exits, 6.337_44, TOL_USD)
}

/// 1 unit of equity in a PT at 10 % implied with 100 days left, tier 0.1 %/yr, impact 0.2 %,
/// over a stake at 3 % APR: leaving before maturity pays 0.001 · (100 − T)/365 + 0.002, after it
/// nothing.
fn pt_stack() -> Scenario {
    let mut pt = Layer::template(Kind::Pt, "pendle".into(), "PT".into());
    pt.kind = LayerKind::PendlePt {
        implied_apy: 0.10,
        maturity_days: 100.0,
        fee_tier: 0.001,
    };
    pt.costs.impact = 0.002;
    scenario(1.0, 365.0, 0.0, vec![stake(0.03), pt])
}

#[test]
fn a_pt_breaks_even_before_maturity_by_bisection() -> Result<(), String> {
    let s = pt_stack();
    let m = model(&s)?;
    // c_in = 0.001 · 100/365 + 0.002 = 0.0022739726.
    let c_in = 0.001 * 100.0 / 365.0 + 0.002;
    close("c_in", m.entry().share, c_in, TOL)?;
    // The gap before maturity, by hand: the PT grows at its 10 % (1.1^(T/365)).
    let gap = |t: f64| {
        (1.0 - c_in) * 1.1_f64.powf(t / 365.0) - (0.001 * (100.0 - t) / 365.0 + 0.002) - 1.0
    };
    // Scan by a thousandth of a day.
    let first = (0..=100_000)
        .map(|k| f64::from(k) / 1_000.0)
        .find(|t| gap(*t) >= 0.0)
        .ok_or("no day")?;
    let BreakEven::Day(t) = m.break_even() else {
        return Err("never".into());
    };
    assert!(t <= first && t > first - 0.001, "{t} vs {first}");
    close("gap at the break-even", gap(t), 0.0, 1e-9)?;
    // And the value after costs the engine reports agrees with the hand formula on any day.
    for d in [0.0, 10.0, 42.5, 99.0] {
        close(
            &format!("day {d}"),
            m.value_share_on(d) - 1.0,
            gap(d),
            1e-12,
        )?;
    }
    // After maturity nothing is left to sell.
    close("exit after", m.exit_on(150.0).total_usd, 0.0, 0.0)
}

#[test]
fn links_without_cost_keys_cost_nothing() -> Result<(), String> {
    // Guards "absence means no costs": every golden link written before the cost keys decodes
    // to a scenario whose costs are all 0, so its APY after costs is its APY before.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let link = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        if ["gas=", "gin:", "gout:", "swap:", "imp:", "buy:", "tier:"]
            .iter()
            .any(|k| link.contains(k))
        {
            continue;
        }
        let Some(s) = restack::share::decode(link.trim_end()).scenario else {
            continue;
        };
        let Ok(r) = evaluate(&s) else { continue };
        let c = &r.summary.costs;
        let name = path.display().to_string();
        assert_eq!(c.total, Cost::default(), "{name}");
        assert_eq!(c.net_apy_after_costs, c.horizon_apy, "{name}");
        assert!(
            r.layers.iter().all(|l| l.costs.entry == Cost::default()),
            "{name}"
        );
        seen += 1;
    }
    assert!(seen >= 10, "{seen} goldens without costs");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

fn arb_layer() -> impl Strategy<Value = Layer> {
    let share = || prop_oneof![Just(0.0), 0.0..0.02];
    let gas = || prop_oneof![Just(0.0), 0.0..1e6];
    (
        0usize..6,
        -0.05..0.3_f64,
        (gas(), gas(), share(), share(), any::<bool>(), any::<bool>()),
        (0.0..0.5_f64, 1.0..1_000.0_f64, 0.0..0.01_f64, 0u32..6),
    )
        .prop_map(|(k, apr, costs, (implied, mat, tier, loops))| {
            let kind = match k {
                0 => LayerKind::Stake {
                    base_apr: apr,
                    fee_ratio: 0.1,
                },
                1 => LayerKind::Restake {
                    avs: Vec::new(),
                    commission_ratio: 0.1,
                },
                2 => LayerKind::LiquidRestake { fee_ratio: 0.05 },
                3 => LayerKind::PendlePt {
                    implied_apy: implied,
                    maturity_days: mat,
                    fee_tier: tier,
                },
                4 => LayerKind::PendleYt {
                    implied_apy: implied.max(0.01),
                    maturity_days: mat.max(30.0),
                    reward_apr: 0.0,
                    fee_ratio: 0.05,
                    fee_tier: tier,
                },
                _ => LayerKind::Loop {
                    ltv: 0.7,
                    liq_threshold: 0.8,
                    liq_bonus: 0.05,
                    borrow_apr: apr.abs() * 0.1,
                    supply_apr: 0.0,
                    close_factor: 0.5,
                    size: LoopSize::Loops(loops),
                    oracle: restack::engine::OracleKind::ExchangeRate,
                    debt: restack::engine::DebtAsset::Base,
                },
            };
            let mut l = Layer::template(kind.kind(), "p".into(), "t".into());
            l.kind = kind;
            l.risk.instant_exit = costs.5;
            l.risk.exit_days = 7.0;
            l.costs.gas_in = costs.0;
            l.costs.gas_out = costs.1;
            l.costs.swap_fee = costs.2;
            l.costs.impact = costs.3;
            l.costs.bought = costs.4;
            l
        })
}

/// A stack on a stake earning 1–20 %, with up to five layers of any kind above it.
fn arb_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop_oneof![Just(0.01), 0.001..100.0_f64],
        prop_oneof![Just(365.0), 1.0..2_000.0_f64],
        prop_oneof![Just(0.0), 0.0..50.0_f64],
        (0.01..0.2_f64, arb_layer()),
        prop::collection::vec(arb_layer(), 0..5),
    )
        .prop_map(|(amount, horizon, gas, (apr, base), above)| {
            let mut bottom = base;
            bottom.kind = LayerKind::Stake {
                base_apr: apr,
                fee_ratio: 0.1,
            };
            let layers = std::iter::once(bottom).chain(above).collect();
            scenario(amount, horizon, gas, layers)
        })
}

fn costs_of(c: &Cost) -> [f64; 5] {
    [c.gas_usd, c.fee_usd, c.impact_usd, c.total_usd, c.share]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn costs_are_finite_non_negative_and_add_up(s in arb_scenario()) {
        let Ok(r) = evaluate(&s) else { return Ok(()) };
        let c = &r.summary.costs;
        let mut all: Vec<&Cost> = vec![&c.entry, &c.exit.cost, &c.redeem.cost, &c.total];
        all.extend(c.market.as_ref().map(|m| &m.cost));
        for l in &r.layers {
            all.extend([&l.costs.entry, &l.costs.exit_own, &l.costs.exit]);
            all.extend(l.costs.exit_sale.as_ref());
        }
        for x in all.iter().flat_map(|c| costs_of(c)) {
            prop_assert!(x.is_finite() && x >= 0.0, "{x}");
        }
        // The stack's figures are the layers' figures added up.
        let entry: f64 = r.layers.iter().map(|l| l.costs.entry.total_usd).sum();
        let exit: f64 = r.layers.iter().map(|l| l.costs.exit.total_usd).sum();
        let scale = 1.0 + c.total.total_usd;
        prop_assert!((entry - c.entry.total_usd).abs() <= 1e-9 * scale);
        prop_assert!((exit - c.exit.cost.total_usd).abs() <= 1e-9 * scale);
        prop_assert!((c.entry.total_usd + c.exit.cost.total_usd - c.total.total_usd).abs() <= 1e-9 * scale);
        // The chosen exit is the cheaper one.
        if let Some(m) = c.market {
            prop_assert!(c.exit.cost.total_usd <= m.cost.total_usd.min(c.redeem.cost.total_usd) + 1e-9 * scale);
        }
        for x in [c.horizon_apy, c.net_apy_after_costs, c.projected_after_costs_usd] {
            prop_assert!(x.is_finite());
        }
        prop_assert!(c.net_apy_after_costs <= c.horizon_apy + 1e-12);
    }

    #[test]
    fn the_break_even_day_agrees_with_the_value_after_costs(s in arb_scenario()) {
        let Ok(m) = CostModel::new(&s) else { return Ok(()) };
        let gap = |d: f64| m.value_share_on(d) - 1.0;
        match m.break_even() {
            BreakEven::Day(t) => {
                prop_assert!((0.0..=MAX_BREAK_EVEN_DAYS).contains(&t));
                // Ahead from T on: on T itself (within the search's resolution) and on every
                // whole day after it, to ten years, and after 100 years.
                prop_assert!(gap(t + 1e-6) >= -1e-9, "gap {} at {t}", gap(t + 1e-6));
                for d in (t.ceil() as i64)..=((t.ceil() as i64) + 3_650) {
                    prop_assert!(gap(d as f64) >= -1e-9, "behind on day {d} after {t}");
                }
                prop_assert!(gap(MAX_BREAK_EVEN_DAYS) >= -1e-9);
                // Behind just before T (unless T is day 0).
                if t > 1e-6 {
                    prop_assert!(gap(t - 1e-6) < 1e-9, "ahead before {t}");
                }
            }
            BreakEven::Never => {
                prop_assert!(m.entry().share >= 1.0 || gap(MAX_BREAK_EVEN_DAYS) < 0.0);
            }
            _ => prop_assert!(false, "unknown break-even"),
        }
    }

    #[test]
    fn the_break_even_stake_agrees_with_the_horizon(s in arb_scenario()) {
        let Ok(r) = evaluate(&s) else { return Ok(()) };
        let price = s.stake.price_usd;
        let ahead = |amount: f64| -> Option<bool> {
            let mut t = s.clone();
            t.stake.amount = amount;
            let m = CostModel::new(&t).ok()?;
            Some(m.value_share_on(s.horizon_days) >= 1.0)
        };
        match r.summary.costs.min_stake {
            MinStake::Equity { usd, amount } => {
                prop_assert!((amount * price - usd).abs() <= 1e-9 * usd.max(1.0));
                if amount * 1.01 <= 1e12 {
                    prop_assert_eq!(ahead(amount * 1.01), Some(true));
                }
                if amount * 0.99 > 0.0 {
                    prop_assert_eq!(ahead(amount * 0.99), Some(false));
                }
            }
            MinStake::Any => {
                prop_assert_eq!(ahead(1e-6), Some(true));
                prop_assert_eq!(ahead(1e9), Some(true));
            }
            MinStake::Never => {
                prop_assert_eq!(ahead(1e-6), Some(false));
                prop_assert_eq!(ahead(1e9), Some(false));
            }
            _ => prop_assert!(false, "unknown min stake"),
        }
    }
}
