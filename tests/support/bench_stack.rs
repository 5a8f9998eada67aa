//! The Monte Carlo benchmark's stack, one definition for the criterion bench
//! (benches/montecarlo.rs) and the browser benchmark's link (tests/ui_expect_mc.rs →
//! scripts/mc-bench.mjs), so the native and the browser figures time the same simulation:
//! EtherFi eETH → EigenCloud (two services) → weETH → Pendle PT → a Morpho loop on the PT
//! against USDC (linear-discount oracle), every event source on, crisis mode.

use restack::engine::{
    example_scenario, Avs, DebtAsset, Layer, LayerKind, LayerRisk, LoopSize, OracleKind, Scenario,
};

fn layer(protocol: &str, token: &str, kind: LayerKind, risk: LayerRisk) -> Layer {
    Layer {
        protocol: protocol.into(),
        token: token.into(),
        kind,
        risk,
        points_apr: 0.0,
        costs: Default::default(),
    }
}

fn risk(p_exploit: f64, exploit_loss: f64, p_depeg: f64, depeg_loss: f64) -> LayerRisk {
    LayerRisk {
        p_exploit,
        exploit_loss,
        p_depeg,
        depeg_loss,
        exit_days: 14.0,
        instant_exit: true,
        market_share: 0.0,
    }
}

/// The benchmark's stack, 100,000 paths over 364 days (52 full weeks).
pub fn five_layers() -> Scenario {
    let avs = |name: &str, p_slash: f64, severity: f64| Avs {
        name: name.into(),
        reward_apr: 0.005,
        magnitude: 0.3,
        p_slash,
        severity,
    };
    let mut s = example_scenario();
    s.horizon_days = 364.0;
    s.layers = vec![
        layer(
            "etherfi",
            "eETH",
            LayerKind::Stake {
                base_apr: 0.03,
                fee_ratio: 0.1,
            },
            risk(0.01, 0.3, 0.05, 0.03),
        ),
        layer(
            "eigencloud",
            "eETH",
            LayerKind::Restake {
                avs: vec![avs("EigenDA", 0.01, 0.05), avs("AVS", 0.02, 0.1)],
                commission_ratio: 0.1,
            },
            risk(0.005, 0.5, 0.0, 0.0),
        ),
        layer(
            "etherfi",
            "weETH",
            LayerKind::LiquidRestake { fee_ratio: 0.05 },
            risk(0.005, 0.3, 0.05, 0.05),
        ),
        layer(
            "pendle",
            "PT-weETH",
            LayerKind::PendlePt {
                implied_apy: 0.04,
                maturity_days: 180.0,
                fee_tier: 0.0,
            },
            risk(0.005, 0.5, 0.02, 0.05),
        ),
        layer(
            "morpho",
            "PT-weETH",
            LayerKind::Loop {
                ltv: 0.7,
                liq_threshold: 0.77,
                liq_bonus: 0.05,
                borrow_apr: 0.06,
                supply_apr: 0.0,
                close_factor: 0.5,
                size: LoopSize::Loops(2),
                oracle: OracleKind::LinearDiscount,
                debt: DebtAsset::Usd,
            },
            risk(0.002, 0.2, 0.0, 0.0),
        ),
    ];
    s.mc.paths = 100_000;
    s.mc.p_crash = 0.05;
    s.mc.p_borrow_spike = 0.05;
    s.mc.crisis = true;
    s
}
