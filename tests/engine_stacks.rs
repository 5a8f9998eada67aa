//! Whole-stack evaluations against figures worked by hand from docs/METHODOLOGY.md (never copied
//! from the engine's output): the three stacks of the brief and the cases of the model review.
//!
//! (a) ETH → EtherFi eETH (stake) → EigenCloud (restake) → weETH (lrt) → Pendle YT (the example);
//! (b) ETH → eETH → weETH → weETH/WETH loop at LTV 0.8 × 3 loops (L = 2.952);
//! (c) SUI → haSUI, the article's exchange rate 1.07 ≈ 7.03 % cumulative;
//! and the review's cases: stacked loops as one position, a liquidation that belongs to the event
//! that triggers it, an exchange-rate loop liquidated by a slash, the close factor, a YT that
//! matures within the horizon.
//!
//! Each test guards the formulas end to end: if a module changes a convention (APR vs APY,
//! exposure above vs below, oracle handling), one of these numbers moves.

use restack::engine::{
    annualised_yield_from_exchange_rate, apy_to_apr, cumulative_yield_from_exchange_rate, evaluate,
    example_scenario, Asset, DebtAsset, HealthFactor, Layer, LayerKind, LayerReport, LayerRisk,
    Liquidation, LoopSize, OracleKind, Report, RiskKind, RiskSettings, Scenario, Stake, StressKind,
    StressResult, StressSettings,
};
use restack::engine::{replay_crisis, CrisisExit, CrisisShock};

/// Tolerance for figures hand-computed to 7 significant digits.
const TOL: f64 = 1e-7;
/// Tolerance for day counts given to 2 decimals.
const TOL_DAYS: f64 = 0.01;

fn eval(s: &Scenario) -> Result<Report, String> {
    evaluate(s).map_err(|e| e.to_string())
}

fn layer(r: &Report, i: usize) -> Result<&LayerReport, String> {
    r.layers.get(i).ok_or_else(|| format!("no layer {i}"))
}

fn stress(r: &Report, kind: StressKind) -> Result<&StressResult, String> {
    r.stress
        .iter()
        .find(|s| s.kind == kind)
        .ok_or_else(|| format!("no stress {kind:?}"))
}

fn close(what: &str, got: f64, expected: f64, tol: f64) -> Result<(), String> {
    if (got - expected).abs() <= tol {
        Ok(())
    } else {
        Err(format!("{what}: got {got}, expected {expected}"))
    }
}

fn hf(h: HealthFactor) -> f64 {
    match h {
        HealthFactor::Value(v) => v,
        HealthFactor::NoDebt => f64::NAN,
    }
}

fn risk(p_depeg: f64, depeg_loss: f64, exit_days: f64, instant_exit: bool) -> LayerRisk {
    LayerRisk {
        p_exploit: 0.0,
        exploit_loss: 0.0,
        p_depeg,
        depeg_loss,
        exit_days,
        instant_exit,
        market_share: 0.0,
    }
}

/// Stack (b): ETH → eETH (3 % − 10 % fee) → weETH (5 % fee) → loop at 0.8 × 3, borrow 2 %.
fn stack_b(oracle: OracleKind, close_factor: f64) -> Scenario {
    Scenario {
        stake: Stake {
            amount: 10.0,
            asset: Asset::Eth,
            price_usd: 3_000.0,
        },
        horizon_days: 365.0,
        layers: vec![
            Layer {
                protocol: "etherfi".into(),
                token: "eETH".into(),
                kind: LayerKind::Stake {
                    base_apr: 0.03,
                    fee_ratio: 0.10,
                },
                risk: risk(0.05, 0.03, 14.0, true),
                points_apr: 0.0,
                costs: Default::default(),
            },
            Layer {
                protocol: "etherfi".into(),
                token: "weETH".into(),
                kind: LayerKind::LiquidRestake { fee_ratio: 0.05 },
                risk: risk(0.0, 0.0, 14.0, true),
                points_apr: 0.0,
                costs: Default::default(),
            },
            a_loop(
                "aave",
                0.8,
                0.83,
                LoopSize::Loops(3),
                oracle,
                DebtAsset::Base,
                0.02,
                close_factor,
            ),
        ],
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        mc: Default::default(),
        costs: Default::default(),
    }
}

#[allow(clippy::too_many_arguments)]
fn a_loop(
    protocol: &str,
    ltv: f64,
    liq_threshold: f64,
    size: LoopSize,
    oracle: OracleKind,
    debt: DebtAsset,
    borrow_apr: f64,
    close_factor: f64,
) -> Layer {
    Layer {
        protocol: protocol.into(),
        token: "loop".into(),
        kind: LayerKind::Loop {
            ltv,
            liq_threshold,
            liq_bonus: 0.05,
            borrow_apr,
            supply_apr: 0.0,
            close_factor,
            size,
            oracle,
            debt,
        },
        risk: risk(0.0, 0.0, 0.0, true),
        points_apr: 0.0,
        costs: Default::default(),
    }
}

fn stake_layer(risk: LayerRisk) -> Layer {
    Layer {
        protocol: "lido".into(),
        token: "stETH".into(),
        kind: LayerKind::Stake {
            base_apr: 0.03,
            fee_ratio: 0.10,
        },
        risk,
        points_apr: 0.0,
        costs: Default::default(),
    }
}

fn scenario(amount: f64, layers: Vec<Layer>) -> Scenario {
    Scenario {
        stake: Stake {
            amount,
            asset: Asset::Eth,
            price_usd: 3_000.0,
        },
        horizon_days: 365.0,
        layers,
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        mc: Default::default(),
        costs: Default::default(),
    }
}

#[test]
fn stack_a_restaking_into_yt() -> Result<(), String> {
    // Guards the YT formula, its 1× price exposure and amplified backing losses, and maturity.
    let r = eval(&example_scenario())?;
    // Token APR: eETH 0.03 · 0.9 = 0.027; + AVS (0.004 + 0.006) · 0.9 = 0.036;
    // weETH − 0.036 · 0.05 = 0.0342, i.e. u = (1 + 0.0342/365)^365 − 1 = 0.03478989.
    // YT (fee f = 3 %, the v1 default this example uses): τ = 180/365 = 0.4931507;
    // P_PT = 1.03^(−τ) = 0.9855288; P_YT = 0.01447121 (yield exposure 69.10270×);
    // y_left = (1 + u)^τ − 1 = 0.01700798; G = 0.97 · 0.01700798 / 0.01447121 = 1.140038;
    // APY = G^(1/τ) − 1 = 0.3044279.
    let rows: [(&str, f64, f64); 7] = [
        ("eETH cumulative APR", layer(&r, 0)?.cumulative.apr, 0.027),
        ("restake adds 0.009", layer(&r, 1)?.yield_added.apr, 0.009),
        ("weETH cumulative APR", layer(&r, 2)?.cumulative.apr, 0.0342),
        (
            "weETH cumulative APY",
            layer(&r, 2)?.cumulative.apy,
            0.034_789_89,
        ),
        (
            "YT yield exposure 1/P_YT",
            layer(&r, 3)?.yield_exposure,
            69.102_701,
        ),
        ("net APY", r.summary.net.apy, 0.304_427_9),
        // Nothing is borrowed: leverage 1×, not 69×.
        ("leverage", r.summary.leverage, 1.0),
    ];
    for (what, got, expected) in rows {
        close(what, got, expected, TOL * 10.0)?;
    }
    // Events, each valued on the whole position (docs/METHODOLOGY.md §3–§4):
    // - backing losses beneath the YT (exploits 30 %, 50 %, 30 %; slashes 5 %, 10 %) all exceed
    //   y_left/(1 + y_left) = 1.67 %, so each wipes the YT: loss 1 (p 0.01, 0.005, 0.005, 0.01,
    //   0.02);
    // - the depegs move the YT 1×: eETH 3 % (p 0.05), weETH 5 % (p 0.05);
    // - the YT's own exploit loses 50 % of it (p 0.005).
    // Expected loss = 0.01 + 0.005 + 0.005 + 0.01 + 0.02 + 0.05 · 0.03 + 0.05 · 0.05
    //   + 0.005 · 0.5 = 0.05 + 0.0015 + 0.0025 + 0.0025 = 0.0565 (it was 0.155 when a depeg
    // counted 69×).
    close("expected loss", r.summary.expected_loss, 0.0565, TOL)?;
    let eeth_depeg = layer(&r, 0)?
        .risks
        .iter()
        .find(|e| e.kind == RiskKind::Depeg)
        .map_or(f64::NAN, |e| e.equity_loss);
    close("a 3 % depeg costs the YT 3 %", eeth_depeg, 0.03, TOL)?;
    let slash = layer(&r, 1)?
        .risks
        .iter()
        .find(|e| e.kind == RiskKind::Slashing)
        .map_or(f64::NAN, |e| e.equity_loss);
    close("a 5 % slash wipes the YT", slash, 1.0, TOL)?;
    // 1 − 0.99 · 0.95 · 0.995 · 0.99 · 0.98 · 0.995 · 0.95 · 0.995 = 0.1460884
    close("P(any loss)", r.summary.p_any_loss, 0.146_088_4, TOL * 10.0)?;
    close(
        "risk-adjusted APY = 0.3044279 − 0.0565",
        r.summary.risk_adjusted_apy,
        0.247_927_9,
        TOL * 10.0,
    )?;
    // No loop: a drop or a depeg costs the position 1×, so every depth survives anything short
    // of 100 %.
    close("top margin", r.summary.margin, 1.0, TOL)?;
    // Σ m = 0.5 slashed at once wipes the YT.
    close("worst-case slash", r.summary.worst_case_slash, 1.0, TOL)?;
    // Points: 0.01 on eETH, 69.1027× through the YT less Pendle's 3 %: 0.6702962.
    close("points", r.summary.points_apr, 0.670_296_2, TOL)?;
    // The YT matures on day 180: from then the position holds weETH and earns u.
    // 96,000 · 1.3044279^(180/365) · 1.03478989^(185/365) = 96,000 · 1.1400384 · 1.0174845
    //   = 111,357.26.
    close("equity", r.summary.equity_usd, 96_000.0, TOL)?;
    let m = r.summary.maturities.first().ok_or("a maturity")?;
    assert_eq!((m.layer, m.day), (3, 180.0));
    close("APY after maturity", m.apy_after, 0.034_789_89, TOL)?;
    close("projected", r.summary.projected_usd, 111_357.26, 1e-2)?;
    assert!(
        r.summary.liquidity_mismatch,
        "eETH trades instantly, ETH needs 14 days"
    );
    assert_eq!(r.summary.exit_days, 14.0);
    assert_eq!(layer(&r, 3)?.wrapper_depth, 4);
    // AVS slash 10 %: backing 0.9 → the YT loses min(y, 0.1 · 1.017)/y = all: wiped at the YT.
    let slash = stress(&r, StressKind::AvsSlash)?;
    assert_eq!(slash.equity_change, -1.0);
    assert_eq!(slash.breaks_first, Some(3));
    // A market depeg moves the YT's value by the depeg only, as in the risk events.
    close(
        "depeg 5 %",
        stress(&r, StressKind::DepegSmall)?.equity_change,
        -0.05,
        TOL,
    )?;
    Ok(())
}

#[test]
fn stack_b_weeth_loop_exchange_rate_oracle() -> Result<(), String> {
    // Guards the loop maths, the oracle-aware liquidation and the negative-carry clock.
    let r = eval(&stack_b(OracleKind::ExchangeRate, 1.0))?;
    let lp = layer(&r, 2)?;
    // Token APR 0.027 · 0.95 = 0.02565; L = 1 + 0.8 + 0.64 + 0.512 = 2.952;
    // loop adds 1.952 · (0.02565 − 0.02) = 0.0110288; equity APR 0.0366788, APY 0.03735786.
    let rows: [(&str, f64, f64); 9] = [
        ("loop leverage", lp.leverage, 2.952),
        ("loop yield exposure", lp.yield_exposure, 2.952),
        ("loop adds", lp.yield_added.apr, 0.011_028_8),
        ("net APR", r.summary.net.apr, 0.036_678_8),
        ("net APY", r.summary.net.apy, 0.037_357_86),
        // HF = 2.952 · 0.83 / 1.952 = 1.2552049
        ("health factor", hf(lp.health), 1.255_204_9),
        // The exchange-rate oracle ignores a depeg, so only a wipe-out at market bounds the
        // margin: 1/2.952 = 0.3387534.
        ("margin", lp.margin, 0.338_753_4),
        // eETH depeg event: p 0.05, equity loss 0.03 · 2.952 = 0.08856, expected 0.004428
        ("expected loss", r.summary.expected_loss, 0.004_428),
        ("leverage", r.summary.leverage, 2.952),
    ];
    for (what, got, expected) in rows {
        close(what, got, expected, TOL)?;
    }
    match &lp.liquidation {
        Liquidation::NotByMarket { backing_loss } => {
            // 1 − 1/1.2552049 = 0.2033173
            close("backing loss", *backing_loss, 0.203_317_3, TOL)?
        }
        other => return Err(format!("expected NotByMarket, got {other:?}")),
    }
    // Depeg −5 % / −15 % of eETH, exchange-rate oracle: no liquidation, equity at market
    // 2.952 · 0.95 − 1.952 = 0.8524 (−14.76 %), 2.952 · 0.85 − 1.952 = 0.5572 (−44.28 %).
    let small = stress(&r, StressKind::DepegSmall)?;
    let large = stress(&r, StressKind::DepegLarge)?;
    assert!(!small.liquidated && !large.liquidated);
    close("depeg 5 %", small.equity_change, -0.1476, TOL)?;
    close("depeg 15 %", large.equity_change, -0.4428, TOL)?;
    // ETH −30 % with ETH debt: the price cancels; equity falls 30 % in USD like holding.
    let drop = stress(&r, StressKind::PriceDrop)?;
    assert!(!drop.liquidated);
    close("price drop", drop.equity_change, -0.30, TOL)?;
    // Borrow → 20 %: 0.02565 + 1.952 · (0.02565 − 0.20) = −0.3146812 APR = −0.2700775 APY;
    // t = ln(1.2552049)/(0.20 − 0.02565) = 0.2272988/0.17435 years = 475.85 days.
    let spike = stress(&r, StressKind::BorrowSpike)?;
    close("spiked APY", spike.net_apy_after, -0.270_077_5, TOL)?;
    close(
        "days to liquidation",
        spike.days_to_liquidation.unwrap_or(0.0),
        475.85,
        TOL_DAYS,
    )?;
    assert_eq!(spike.breaks_first, Some(2));
    assert!(!spike.liquidated);
    Ok(())
}

#[test]
fn stack_b_weeth_loop_market_oracle() -> Result<(), String> {
    // Same loop priced at market: a depeg beyond 1 − 1/HF = 20.33 % liquidates.
    let mut s = stack_b(OracleKind::Market, 1.0);
    s.stress.depeg_large = 0.25;
    let r = eval(&s)?;
    match &layer(&r, 2)?.liquidation {
        Liquidation::Depeg { ratio, max_depeg } => {
            close("ratio", *ratio, 0.796_682_7, TOL)?;
            close("max depeg", *max_depeg, 0.203_317_3, TOL)?;
        }
        other => return Err(format!("expected Depeg, got {other:?}")),
    }
    close("margin", r.summary.margin, 0.203_317_3, TOL)?;
    let small = stress(&r, StressKind::DepegSmall)?;
    assert!(!small.liquidated, "5 % < 20.33 %");
    // HF after −25 %: 1.2552049 · 0.75 = 0.9414037 < 0.95 → the whole debt is repaid with the
    // 5 % bonus: equity = 2.952 · 0.75 − 1.952 − 0.05 · 1.952 = 0.262 − 0.0976 = 0.1644.
    let large = stress(&r, StressKind::DepegLarge)?;
    assert!(large.liquidated);
    assert_eq!(large.repaid_share, 1.0);
    close("HF after", hf(large.health_after), 0.941_403_7, TOL)?;
    close("equity after", large.equity_change, -0.8356, TOL)?;
    assert_eq!(large.breaks_first, Some(2));
    // The loop adds no event of its own: eETH's 3 % depeg is below its 20.33 % margin.
    assert!(layer(&r, 2)?.risks.is_empty());
    assert!(layer(&r, 0)?.risks.iter().all(|e| e.liquidates.is_none()));
    Ok(())
}

#[test]
fn a_close_factor_of_half_halves_the_penalty() -> Result<(), String> {
    // Aave v3: between HF 0.95 and 1 a liquidation repays half the debt. Market-oracle stack (b)
    // under a 22 % depeg: HF = 1.2552049 · 0.78 = 0.9790598 ∈ (0.95, 1).
    // Equity before the penalty: 2.952 · 0.78 − 1.952 = 0.35056.
    // Close factor 1 (v1 links without `close`): penalty 0.05 · 1.952 = 0.0976 → 0.25296.
    // Close factor 0.5 (Aave): penalty 0.05 · 0.976 = 0.0488 → 0.30176.
    for (close_factor, repaid, equity) in [(1.0, 1.0, 0.252_96), (0.5, 0.5, 0.301_76)] {
        let mut s = stack_b(OracleKind::Market, close_factor);
        s.stress.depeg_large = 0.22;
        let r = eval(&s)?;
        let large = stress(&r, StressKind::DepegLarge)?;
        close("HF after", hf(large.health_after), 0.979_059_8, TOL)?;
        close("repaid share", large.repaid_share, repaid, 0.0)?;
        close("equity after", large.equity_change + 1.0, equity, TOL)?;
    }
    Ok(())
}

#[test]
fn stack_b_target_leverage_matches_loop_count() -> Result<(), String> {
    // Target 2.952 must give the same report as 3 loops (the UI switches between them).
    let loops = eval(&stack_b(OracleKind::ExchangeRate, 1.0))?;
    let mut s = stack_b(OracleKind::ExchangeRate, 1.0);
    if let Some(LayerKind::Loop { size, .. }) = s.layers.get_mut(2).map(|l| &mut l.kind) {
        *size = LoopSize::Target(2.952);
    }
    let target = eval(&s)?;
    close(
        "same net APY",
        target.summary.net.apy,
        loops.summary.net.apy,
        1e-12,
    )?;
    close(
        "same HF",
        hf(target.summary.health),
        hf(loops.summary.health),
        1e-12,
    )
}

#[test]
fn stacked_loops_are_one_position() -> Result<(), String> {
    // The review's case: two 2× loops at LT 0.85 on the same collateral. Each alone would show
    // HF 2 · 0.85 / 1 = 1.70 and a 41 % tolerable depeg; together the lender of the second sees
    // collateral 4 and debt 1 + 2 = 3: HF 0.85 · 4 / 3 = 1.1333333, liquidated by a depeg of
    // 1 − 1/1.1333333 = 11.76 %. Leverage and yield exposure are 2 · 2 = 4.
    let depeg_risk = LayerRisk {
        instant_exit: true,
        ..risk(0.05, 0.15, 0.0, true)
    };
    let s = scenario(
        10.0,
        vec![
            stake_layer(depeg_risk),
            a_loop(
                "aave",
                0.85,
                0.85,
                LoopSize::Target(2.0),
                OracleKind::Market,
                DebtAsset::Base,
                0.02,
                0.5,
            ),
            a_loop(
                "morpho",
                0.85,
                0.85,
                LoopSize::Target(2.0),
                OracleKind::Market,
                DebtAsset::Base,
                0.02,
                0.5,
            ),
        ],
    );
    let r = eval(&s)?;
    close("first loop alone", hf(layer(&r, 1)?.health), 1.70, TOL)?;
    close(
        "position after both",
        hf(layer(&r, 2)?.health),
        1.133_333_3,
        TOL,
    )?;
    close("headline HF", hf(r.summary.health), 1.133_333_3, TOL)?;
    assert_eq!(layer(&r, 2)?.loops_in_position, 2);
    match r.summary.liquidation {
        Liquidation::Depeg { max_depeg, .. } => {
            close("tolerable depeg", max_depeg, 0.117_647_1, TOL)?
        }
        other => return Err(format!("expected Depeg, got {other:?}")),
    }
    close("margin", r.summary.margin, 0.117_647_1, TOL)?;
    close("leverage", r.summary.leverage, 4.0, TOL)?;
    close("yield exposure", r.summary.yield_exposure, 4.0, TOL)?;
    // The 15 % depeg event liquidates the position: HF 1.1333 · 0.85 = 0.9633 ∈ (0.95, 1), half
    // of the debt 3 repaid with a 5 % bonus: penalty 0.075. Equity: 1 − 0.15 · 4 − 0.075 = 0.325.
    let e = layer(&r, 0)?
        .risks
        .iter()
        .find(|e| e.kind == RiskKind::Depeg)
        .ok_or("a depeg event")?
        .clone();
    assert_eq!(e.liquidates, Some(2));
    close("event loss", e.equity_loss, 0.675, TOL)?;
    close("its penalty", e.liquidation_penalty, 0.075, TOL)?;
    Ok(())
}

#[test]
fn a_position_already_below_one_still_evaluates() -> Result<(), String> {
    // Two 4.5× loops at LTV 0.8 / LT 0.85: collateral 20.25, debt 19.25, HF 0.894 < 1. Not an
    // input error: the page says "liquidatable now".
    let s = scenario(
        10.0,
        vec![
            stake_layer(risk(0.0, 0.0, 0.0, true)),
            a_loop(
                "a",
                0.8,
                0.85,
                LoopSize::Target(4.5),
                OracleKind::Market,
                DebtAsset::Base,
                0.02,
                0.5,
            ),
            a_loop(
                "b",
                0.8,
                0.85,
                LoopSize::Target(4.5),
                OracleKind::Market,
                DebtAsset::Base,
                0.02,
                0.5,
            ),
        ],
    );
    let r = eval(&s)?;
    // 0.85 · 20.25 / 19.25 = 0.8941558
    close("HF", hf(r.summary.health), 0.894_155_8, TOL)?;
    close("margin", r.summary.margin, 0.0, 0.0)?;
    Ok(())
}

#[test]
fn a_liquidation_belongs_to_the_event_that_triggers_it() -> Result<(), String> {
    // stETH (exploit p 1 %, loss 30 %; depeg p 5 %, 20 %) looped 5 times against USDC at LTV 0.7,
    // LT 0.75, market oracle, close factor 0.5. The depeg liquidates the loop; before the fix its
    // liquidation was a third independent event: P = 1 − 0.99 · 0.95 · 0.95 = 10.65 %. The
    // events are two: P(any) = 1 − 0.99 · 0.95 = 5.95 %.
    let s = scenario(
        10.0,
        vec![
            stake_layer(LayerRisk {
                p_exploit: 0.01,
                exploit_loss: 0.30,
                ..risk(0.05, 0.20, 14.0, true)
            }),
            a_loop(
                "aave",
                0.7,
                0.75,
                LoopSize::Loops(5),
                OracleKind::Market,
                DebtAsset::Usd,
                0.05,
                0.5,
            ),
        ],
    );
    let r = eval(&s)?;
    close("P(any loss)", r.summary.p_any_loss, 0.0595, 1e-12)?;
    // L = 1 + 0.7 + … + 0.7^5 = 2.94117, USD debt 1.94117, HF0 = 0.75 · 2.94117/1.94117
    // = 1.1363649. Depeg 20 %: HF 0.9090919 < 0.95 → whole debt repaid, penalty
    // 0.05 · 1.94117 = 0.0970585; equity 0.8 − 1.94117 · 0.2 − 0.0970585 = 0.3147075.
    // Exploit 30 %: HF 0.7954554 → liquidated too; equity 0.7 − 1.94117 · 0.3 − 0.0970585
    // = 0.0205905. Expected loss 0.05 · 0.6852925 + 0.01 · 0.9794095 = 0.0440587.
    let events = &layer(&r, 0)?.risks;
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|e| e.liquidates == Some(1)));
    assert!(
        layer(&r, 1)?.risks.is_empty(),
        "no separate liquidation event"
    );
    close("expected loss", r.summary.expected_loss, 0.044_058_72, TOL)?;
    // A price drop of 1 − 1.94117/(0.75 · 2.94117) = 12 % liquidates it.
    close("margin", r.summary.margin, 0.120_001, 1e-6)?;
    Ok(())
}

#[test]
fn an_exchange_rate_loop_is_liquidated_by_a_slash_beyond_its_margin() -> Result<(), String> {
    // stake → restake (one service: p 2 %, severity 10 %, magnitude 20 %) → loop at 8× with
    // LTV 0.95 / LT 0.95, exchange-rate oracle, ETH debt, close factor 0.5.
    // HF0 = 0.95 · 8 / 7 = 1.0857143: a backing loss of 1 − 7/7.6 = 7.89 % liquidates it.
    let restake = Layer {
        protocol: "eigencloud".into(),
        token: "stETH".into(),
        kind: LayerKind::Restake {
            avs: vec![restack::engine::Avs {
                name: "AVS".into(),
                reward_apr: 0.0,
                magnitude: 0.2,
                p_slash: 0.02,
                severity: 0.10,
            }],
            commission_ratio: 0.1,
        },
        risk: risk(0.0, 0.0, 14.0, false),
        points_apr: 0.0,
        costs: Default::default(),
    };
    let s = scenario(
        10.0,
        vec![
            stake_layer(risk(0.0, 0.0, 14.0, false)),
            restake,
            a_loop(
                "aave",
                0.95,
                0.95,
                LoopSize::Target(8.0),
                OracleKind::ExchangeRate,
                DebtAsset::Base,
                0.02,
                0.5,
            ),
        ],
    );
    let r = eval(&s)?;
    match &layer(&r, 2)?.liquidation {
        Liquidation::NotByMarket { backing_loss } => {
            close("backing loss", *backing_loss, 0.078_947_4, TOL)?
        }
        other => return Err(format!("expected NotByMarket, got {other:?}")),
    }
    // The 10 % slash: HF 1.0857143 · 0.9 = 0.9771429 → half the debt (3.5) repaid, penalty
    // 0.175; equity 1 − 0.1 · 8 − 0.175 = 0.025.
    let e = layer(&r, 1)?
        .risks
        .first()
        .ok_or("a slashing event")?
        .clone();
    assert_eq!(e.kind, RiskKind::Slashing);
    assert_eq!(e.liquidates, Some(2));
    close("event loss", e.equity_loss, 0.975, TOL)?;
    close("expected", e.expected_loss, 0.0195, TOL)?;
    Ok(())
}

#[test]
fn stack_c_sui_hasui_exchange_rate() -> Result<(), String> {
    // The article: "haSUI/SUI exchange rate 1.07 ≈ 7.03 % cumulative". rate − 1 gives 7.00 % for
    // 1.07; 7.03 % is the unrounded rate 1.0703. Suppose it grew over 1,000 days:
    // APY = 1.0703^(365/1000) − 1 = e^(0.365 · 0.0679390) − 1 = 0.02510775.
    close(
        "1.07",
        cumulative_yield_from_exchange_rate(1.07),
        0.07,
        1e-12,
    )?;
    close(
        "1.0703",
        cumulative_yield_from_exchange_rate(1.0703),
        0.0703,
        1e-12,
    )?;
    let apy = annualised_yield_from_exchange_rate(1.0703, 1_000.0);
    close("annualised", apy, 0.025_107_75, TOL)?;
    // Stake SUI at that rate (no fee) for the same 1,000 days: the projection reproduces the
    // exchange rate, i.e. 7.03 % cumulative.
    let s = Scenario {
        stake: Stake {
            amount: 1_000.0,
            asset: Asset::Sui,
            price_usd: 3.5,
        },
        horizon_days: 1_000.0,
        layers: vec![Layer {
            protocol: "haedal".into(),
            token: "haSUI".into(),
            kind: LayerKind::Stake {
                base_apr: apy_to_apr(apy),
                fee_ratio: 0.0,
            },
            risk: risk(0.02, 0.02, 1.0, true),
            points_apr: 0.0,
            costs: Default::default(),
        }],
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        mc: Default::default(),
        costs: Default::default(),
    };
    let r = eval(&s)?;
    close("net APY", r.summary.net.apy, apy, 1e-12)?;
    close(
        "cumulative over 1,000 days",
        r.summary.projected_usd / r.summary.equity_usd - 1.0,
        0.0703,
        1e-9,
    )?;
    // haSUI unbonds in about a day: no mismatch flagged (> 1 day needed).
    assert!(!r.summary.liquidity_mismatch);
    assert_eq!(r.summary.health, HealthFactor::NoDebt);
    assert_eq!(r.summary.liquidation, Liquidation::NoDebt);
    Ok(())
}

#[test]
fn usd_debt_loop_is_liquidated_by_price() -> Result<(), String> {
    // ETH → eETH → loop against USDC: LTV 0.7 × 2 loops, L = 1 + 0.7 + 0.49 = 2.19, LT 0.75.
    // b* = 1.19/(2.19 · 0.75) = 0.7245053: liquidated below $2,173.52, a drop of 27.55 %,
    // so ETH −30 % liquidates: HF after = 2.19 · 0.7 · 0.75 / 1.19 = 0.9661765 ∈ (0.95, 1).
    // Equity before the penalty: 0.7 − 1.19 · 0.3 = 0.343 (USD debt does not fall with ETH).
    // Close factor 1: penalty 0.05 · 1.19 = 0.0595 → 0.2835 (−71.65 %).
    // Close factor 0.5: penalty 0.02975 → 0.31325 (−68.675 %).
    // 0.5 ETH ($1,500): the debt, $1,785, is under Aave v3.3's $2,000, so it is repaid whole
    // even at a close factor of 0.5.
    for (amount, close_factor, change) in [
        (10.0, 1.0, -0.7165),
        (10.0, 0.5, -0.686_75),
        (0.5, 0.5, -0.7165),
    ] {
        let mut s = stack_b(OracleKind::Market, 1.0);
        s.stake.amount = amount;
        s.layers.truncate(1);
        s.layers.push(a_loop(
            "aave",
            0.7,
            0.75,
            LoopSize::Loops(2),
            OracleKind::Market,
            DebtAsset::Usd,
            0.05,
            close_factor,
        ));
        let r = eval(&s)?;
        match &layer(&r, 1)?.liquidation {
            Liquidation::Price {
                price_usd,
                max_drop,
            } => {
                close("liquidation price", *price_usd, 2_173.516, 1e-3)?;
                close("max drop", *max_drop, 0.275_494_7, TOL)?;
            }
            other => return Err(format!("expected Price, got {other:?}")),
        }
        let drop = stress(&r, StressKind::PriceDrop)?;
        assert!(drop.liquidated);
        close("HF after", hf(drop.health_after), 0.966_176_5, TOL)?;
        close("equity after", drop.equity_change, change, TOL)?;
        // USD debt: the position's USD exposure is 1 + 1.19 = 2.19.
        close("price exposure", r.summary.price_exposure, 2.19, TOL)?;
    }
    Ok(())
}

// ---- historical crises (docs/METHODOLOGY.md §7, "Historical crises") ------------------------

fn crisis(
    price_change: f64,
    depeg: f64,
    depeg_days: f64,
    borrow_apr: Option<f64>,
    exit_queue_days: Option<f64>,
) -> CrisisShock {
    CrisisShock {
        price_change,
        depeg,
        depeg_days,
        borrow_apr,
        exit_queue_days,
    }
}

#[test]
fn the_2022_steth_discount_on_the_market_priced_weeth_loop() -> Result<(), String> {
    // Stack (b) at market price: L = 2.952, debt 1.952 ETH, HF 2.952 · 0.83 / 1.952 = 1.2552049.
    // ETH −65 % and the derivative (eETH, layer 0, and every token above) 6.7 % off at once:
    // the debt is in ETH, so only the discount moves the HF: 1.2552049 · 0.933 = 1.1711062 > 1.
    // Equity in ETH: 2.952 · 0.933 − 1.952 = 0.802216; in USD × 0.35 = 0.2807756 of today's.
    // Redemptions were closed (before Shapella).
    let s = stack_b(OracleKind::Market, 1.0);
    let c =
        replay_crisis(&s, &crisis(-0.65, 0.067, 126.0, None, None)).map_err(|e| e.to_string())?;
    assert!(!c.liquidated);
    close("HF after", hf(c.health_after), 1.171_106_2, TOL)?;
    close("equity change", c.equity_change, 0.280_775_6 - 1.0, TOL)?;
    close(
        "equity USD",
        c.equity_after_usd,
        30_000.0 * 0.280_775_6,
        1e-3,
    )?;
    assert_eq!(c.derivative, Some(0));
    assert_eq!(c.breaks_first, None);
    assert_eq!(c.exit, CrisisExit::Closed);
    Ok(())
}

#[test]
fn an_ezeth_sized_flash_depeg_liquidates_the_loop() -> Result<(), String> {
    // A 78 % discount for an hour: HF 1.2552049 · 0.22 = 0.2761451 < 0.95, so the whole debt
    // is repaid with the 5 % bonus out of collateral worth 2.952 · 0.22 = 0.64944 < 1.952 ·
    // 1.05: nothing is left.
    let s = stack_b(OracleKind::Market, 1.0);
    let c = replay_crisis(&s, &crisis(0.0, 0.78, 0.04, None, None)).map_err(|e| e.to_string())?;
    assert!(c.liquidated);
    close("HF after", hf(c.health_after), 0.276_145_1, TOL)?;
    close("equity change", c.equity_change, -1.0, TOL)?;
    assert_eq!(c.liquidated_at, Some(2));
    assert_eq!(c.breaks_first, Some(2));
    // The same discount on the exchange-rate priced loop: the oracle ignores it, no liquidation;
    // equity 2.952 · 0.22 − 1.952 < 0 at market prices is still a total loss on exit.
    let rate = stack_b(OracleKind::ExchangeRate, 1.0);
    let c =
        replay_crisis(&rate, &crisis(0.0, 0.78, 0.04, None, None)).map_err(|e| e.to_string())?;
    assert!(!c.liquidated);
    Ok(())
}

#[test]
fn a_2025_borrow_spike_with_a_long_queue() -> Result<(), String> {
    // stETH 0.4 % off for a week, WETH borrow at 18 %, an 18-day exit queue. HF 1.2552049 ·
    // 0.996 = 1.2501841; equity 2.952 · 0.996 − 1.952 = 0.988192.
    // Carry at 18 %: the collateral earns 3 % · 0.9 · 0.95 = 2.565 %, the debt costs 18 %, so the
    // HF decays at (0.02565 − 0.18) a year and reaches 1 after ln(1.2552049) / 0.15435 years =
    // 0.2273127 / 0.15435 · 365 = 537.5 days (METHODOLOGY §2, days to liquidation under negative
    // carry): not within the week, so nothing breaks. The queue (18 d) exceeds the stack's own
    // 14 days and the week the discount lasted: redeeming at par came too late.
    let s = stack_b(OracleKind::Market, 1.0);
    let c = replay_crisis(&s, &crisis(0.0, 0.004, 7.0, Some(0.18), Some(18.0)))
        .map_err(|e| e.to_string())?;
    close("HF after", hf(c.health_after), 1.250_184_1, TOL)?;
    close("equity change", c.equity_change, 0.988_192 - 1.0, TOL)?;
    match c.carry_liquidation {
        Some((2, Some(days))) => close("carry days", days, 537.5, 1.0)?,
        other => {
            return Err(format!(
                "expected the loop's carry liquidation, got {other:?}"
            ))
        }
    }
    assert_eq!(c.breaks_first, None);
    assert_eq!(
        c.exit,
        CrisisExit::Redeem {
            days: 18.0,
            in_time: false
        }
    );
    assert!(
        c.net_apy_after < 0.0,
        "18 % on 1.952 of debt outweighs 2.565 % on 2.952"
    );
    Ok(())
}
