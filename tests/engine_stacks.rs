//! Whole-stack evaluations against hand-computed figures: the three stacks of the brief.
//!
//! (a) ETH → EtherFi eETH (stake) → EigenCloud (restake) → weETH (lrt) → Pendle YT (the example);
//! (b) ETH → eETH → weETH → weETH/WETH loop at LTV 0.8 × 3 loops (L = 2.952);
//! (c) SUI → haSUI, the article's exchange rate 1.07 ≈ 7.03 % cumulative.
//!
//! Each test guards the formulas end to end: if a module changes a convention (APR vs APY,
//! exposure above vs below, oracle handling), one of these numbers moves.

use restack::engine::{
    annualised_yield_from_exchange_rate, apy_to_apr, cumulative_yield_from_exchange_rate, evaluate,
    example_scenario, Asset, DebtAsset, HealthFactor, Layer, LayerKind, LayerReport, LayerRisk,
    Liquidation, LoopSize, OracleKind, Report, RiskSettings, Scenario, Stake, StressKind,
    StressResult, StressSettings,
};

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
fn stack_b(oracle: OracleKind) -> Scenario {
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
            },
            Layer {
                protocol: "etherfi".into(),
                token: "weETH".into(),
                kind: LayerKind::LiquidRestake { fee_ratio: 0.05 },
                risk: risk(0.0, 0.0, 14.0, true),
                points_apr: 0.0,
            },
            Layer {
                protocol: "aave".into(),
                token: "weETH".into(),
                kind: LayerKind::Loop {
                    ltv: 0.8,
                    liq_threshold: 0.83,
                    liq_bonus: 0.05,
                    borrow_apr: 0.02,
                    supply_apr: 0.0,
                    size: LoopSize::Loops(3),
                    oracle,
                    debt: DebtAsset::Base,
                },
                risk: risk(0.0, 0.0, 0.0, true),
                points_apr: 0.0,
            },
        ],
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
    }
}

#[test]
fn stack_a_restaking_into_yt() -> Result<(), String> {
    // Guards the YT formula, the 1/P_YT exposure and the risk stacking on the default example.
    let r = eval(&example_scenario())?;
    // Token APR: eETH 0.03 · 0.9 = 0.027; + AVS (0.004 + 0.006) · 0.9 = 0.036;
    // weETH − 0.036 · 0.05 = 0.0342, i.e. u = (1 + 0.0342/365)^365 − 1 = 0.03478989.
    // YT: τ = 180/365 = 0.4931507; P_PT = 1.03^(−τ) = 0.9855288; P_YT = 0.01447121 (69.10270×);
    // (1 + u)^τ − 1 = 0.01700798; G = 0.97 · 0.01700798 / 0.01447121 = 1.140038;
    // APY = G^(1/τ) − 1 = 0.3044279.
    let rows: [(&str, f64, f64); 8] = [
        ("eETH cumulative APR", layer(&r, 0)?.cumulative.apr, 0.027),
        ("restake adds 0.009", layer(&r, 1)?.yield_added.apr, 0.009),
        ("weETH cumulative APR", layer(&r, 2)?.cumulative.apr, 0.0342),
        (
            "weETH cumulative APY",
            layer(&r, 2)?.cumulative.apy,
            0.034_789_89,
        ),
        ("YT multiplier 1/P_YT", layer(&r, 3)?.multiplier, 69.102_701),
        ("net APY", r.summary.net.apy, 0.304_427_9),
        // All eight events hit ≥ 1 of equity at 69×: expected loss = Σ p = 0.155.
        ("expected loss", r.summary.expected_loss, 0.155),
        // 1 − 0.99 · 0.95 · 0.995 · 0.99 · 0.98 · 0.995 · 0.95 · 0.995 = 0.1460884
        ("P(any loss)", r.summary.p_any_loss, 0.146_088_4),
    ];
    for (what, got, expected) in rows {
        close(what, got, expected, TOL * 10.0)?;
    }
    close(
        "risk-adjusted APY = 0.3044279 − 0.155",
        r.summary.risk_adjusted_apy,
        0.149_427_9,
        TOL * 10.0,
    )?;
    // Margin ladder: 1, 1, 1, then 1/69.1027 = P_YT.
    let margins: Vec<f64> = r.layers.iter().map(|l| l.margin).collect();
    close(
        "margin 0",
        margins.first().copied().unwrap_or(0.0),
        1.0,
        TOL,
    )?;
    close("top margin", r.summary.margin, 0.014_471_21, TOL)?;
    // Σ m = 0.5, times 69× exposure: everything is slashable in the worst case.
    close("worst-case slash", r.summary.worst_case_slash, 1.0, TOL)?;
    // Points: 0.01 on eETH, 69.1× on the YT: 0.6910270.
    close("points", r.summary.points_apr, 0.691_027_0, TOL)?;
    // Equity 32 · 3,000 = 96,000; one year at 30.44279 %: 125,225.08.
    close("equity", r.summary.equity_usd, 96_000.0, TOL)?;
    close("projected", r.summary.projected_usd, 125_225.077, 1e-3)?;
    assert!(
        r.summary.liquidity_mismatch,
        "eETH trades instantly, ETH needs 14 days"
    );
    assert_eq!(r.summary.exit_days, 14.0);
    assert_eq!(layer(&r, 3)?.wrapper_depth, 4);
    // AVS slash 10 %: backing 0.9 → YT value 1 − 0.1/0.01447 < 0: wiped at the YT layer.
    let slash = stress(&r, StressKind::AvsSlash)?;
    assert_eq!(slash.equity_change, -1.0);
    assert_eq!(slash.breaks_first, Some(3));
    // A market depeg moves the YT's value by the depeg only (valued at market).
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
    let r = eval(&stack_b(OracleKind::ExchangeRate))?;
    let lp = layer(&r, 2)?;
    // Token APR 0.027 · 0.95 = 0.02565; L = 1 + 0.8 + 0.64 + 0.512 = 2.952;
    // loop adds 1.952 · (0.02565 − 0.02) = 0.0110288; equity APR 0.0366788, APY 0.03735786.
    let rows: [(&str, f64, f64); 8] = [
        ("loop multiplier", lp.multiplier, 2.952),
        ("loop adds", lp.yield_added.apr, 0.011_028_8),
        ("net APR", r.summary.net.apr, 0.036_678_8),
        ("net APY", r.summary.net.apy, 0.037_357_86),
        // HF = 2.952 · 0.83 / 1.952 = 1.2552049
        ("health factor", hf(lp.health), 1.255_204_9),
        // margin = min(1, 1/2.952 = 0.338753, 1 − 1.952/(2.952 · 0.83) = 0.2033173)
        ("margin", lp.margin, 0.203_317_3),
        // eETH depeg event: p 0.05, g 0.03 · X 2.952 = 0.08856, expected 0.004428
        ("expected loss", r.summary.expected_loss, 0.004_428),
        ("leverage", r.summary.leverage, 2.952),
    ];
    for (what, got, expected) in rows {
        close(what, got, expected, TOL)?;
    }
    match &lp.liquidation {
        Liquidation::NotByMarket { backing_loss } => {
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
    assert!(
        small.note.contains("exchange rate oracle"),
        "{}",
        small.note
    );
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
    assert!(spike.note.contains("476 days"), "{}", spike.note);
    Ok(())
}

#[test]
fn stack_b_weeth_loop_market_oracle() -> Result<(), String> {
    // Same loop priced at market: a depeg beyond 1 − p_liq = 20.33 % liquidates.
    let mut s = stack_b(OracleKind::Market);
    s.stress.depeg_large = 0.25;
    let r = eval(&s)?;
    match &layer(&r, 2)?.liquidation {
        Liquidation::Depeg { ratio, max_depeg } => {
            close("ratio", *ratio, 0.796_682_7, TOL)?;
            close("max depeg", *max_depeg, 0.203_317_3, TOL)?;
        }
        other => return Err(format!("expected Depeg, got {other:?}")),
    }
    let small = stress(&r, StressKind::DepegSmall)?;
    assert!(!small.liquidated, "5 % < 20.33 %");
    // HF after −25 %: 1.2552049 · 0.75 = 0.9414037 < 1 → liquidated, pays 5 % of the debt:
    // equity = 2.952 · 0.75 − 1.952 − 0.05 · 1.952 = 0.262 − 0.0976 = 0.1644 (−83.56 %).
    let large = stress(&r, StressKind::DepegLarge)?;
    assert!(large.liquidated);
    close("HF after", hf(large.health_after), 0.941_403_7, TOL)?;
    close("equity after", large.equity_change, -0.8356, TOL)?;
    assert_eq!(large.breaks_first, Some(2));
    // The liquidation risk event: p_depeg of eETH (0.05) only if its loss 0.03 ≥ 0.2033: no.
    assert!(layer(&r, 2)?.risks.is_empty());
    Ok(())
}

#[test]
fn stack_b_target_leverage_matches_loop_count() -> Result<(), String> {
    // Target 2.952 must give the same report as 3 loops (the UI switches between them).
    let loops = eval(&stack_b(OracleKind::ExchangeRate))?;
    let mut s = stack_b(OracleKind::ExchangeRate);
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
        }],
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
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
    // p_liq = 1.19/(2.19 · 0.75) = 0.7245053: liquidated below $2,173.52, a drop of 27.55 %,
    // so ETH −30 % liquidates: HF after = 2.19 · 0.7 · 0.75 / 1.19 = 0.9661765.
    let mut s = stack_b(OracleKind::Market);
    s.layers.truncate(1);
    s.layers.push(Layer {
        protocol: "aave".into(),
        token: "eETH".into(),
        kind: LayerKind::Loop {
            ltv: 0.7,
            liq_threshold: 0.75,
            liq_bonus: 0.05,
            borrow_apr: 0.05,
            supply_apr: 0.0,
            size: LoopSize::Loops(2),
            oracle: OracleKind::Market,
            debt: DebtAsset::Usd,
        },
        risk: risk(0.0, 0.0, 0.0, true),
        points_apr: 0.0,
    });
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
    // Equity = 2.19 · 0.7 − 1.19 − 0.05 · 1.19 = 1.533 − 1.19 − 0.0595 = 0.2835 (−71.65 %).
    close("equity after", drop.equity_change, -0.7165, TOL)?;
    Ok(())
}
