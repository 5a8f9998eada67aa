//! Benchmark of `engine::evaluate` on an 8-layer stack (criterion, native only).
//!
//! criterion is a native-only dev-dependency, so on wasm32 this target compiles to an empty
//! `main`. (A crate-level `#![cfg(not(target_arch = "wasm32"))]` would remove `main` too and fail
//! with E0601 under `cargo clippy --all-targets --target wasm32-unknown-unknown`; hence the
//! item-level `cfg`s.)
//!
//! Run: `cargo bench --bench evaluate -- --warm-up-time 1 --measurement-time 3`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, Criterion};
    use restack::engine::{
        evaluate, example_scenario, Avs, DebtAsset, Layer, LayerKind, LayerRisk, LoopSize,
        OracleKind, Scenario,
    };

    fn layer(protocol: &str, token: &str, kind: LayerKind) -> Layer {
        Layer {
            protocol: protocol.into(),
            token: token.into(),
            kind,
            risk: LayerRisk {
                p_exploit: 0.01,
                exploit_loss: 0.3,
                p_depeg: 0.03,
                depeg_loss: 0.05,
                exit_days: 14.0,
                instant_exit: true,
                market_share: 0.2,
            },
            points_apr: 0.01,
            costs: Default::default(),
        }
    }

    fn lending(ltv: f64, size: LoopSize, oracle: OracleKind, debt: DebtAsset) -> LayerKind {
        LayerKind::Loop {
            ltv,
            liq_threshold: ltv + 0.03,
            liq_bonus: 0.05,
            borrow_apr: 0.025,
            supply_apr: 0.001,
            close_factor: 0.5,
            size,
            oracle,
            debt,
        }
    }

    /// Stake → restake (4 AVSs) → LRT → loop → PT → loop on the PT → wrapper → YT.
    pub fn eight_layers() -> Scenario {
        let avs = (0..4)
            .map(|j| Avs {
                name: format!("AVS {j}"),
                reward_apr: 0.003,
                magnitude: 0.2,
                p_slash: 0.01,
                severity: 0.05,
            })
            .collect();
        let mut s = example_scenario();
        s.layers = vec![
            layer(
                "etherfi",
                "eETH",
                LayerKind::Stake {
                    base_apr: 0.03,
                    fee_ratio: 0.1,
                },
            ),
            layer(
                "eigencloud",
                "eETH",
                LayerKind::Restake {
                    avs,
                    commission_ratio: 0.1,
                },
            ),
            layer(
                "etherfi",
                "weETH",
                LayerKind::LiquidRestake { fee_ratio: 0.05 },
            ),
            layer(
                "aave",
                "weETH",
                lending(
                    0.8,
                    LoopSize::Loops(3),
                    OracleKind::ExchangeRate,
                    DebtAsset::Base,
                ),
            ),
            layer(
                "pendle",
                "PT-weETH",
                LayerKind::PendlePt {
                    implied_apy: 0.04,
                    maturity_days: 120.0,
                    fee_tier: 0.0,
                },
            ),
            layer(
                "morpho",
                "PT-weETH",
                lending(
                    0.7,
                    LoopSize::Target(2.0),
                    OracleKind::LinearDiscount,
                    DebtAsset::Usd,
                ),
            ),
            layer(
                "bridge",
                "PT-weETH.b",
                LayerKind::LiquidRestake { fee_ratio: 0.0 },
            ),
            layer(
                "pendle",
                "YT-PT",
                LayerKind::PendleYt {
                    implied_apy: 0.05,
                    maturity_days: 90.0,
                    reward_apr: 0.0,
                    fee_ratio: 0.05,
                    fee_tier: 0.0,
                },
            ),
        ];
        s
    }

    pub fn benches() {
        let scenario = eight_layers();
        if let Err(e) = evaluate(&scenario) {
            eprintln!("the benchmark scenario is invalid: {e}");
            return;
        }
        let mut c = Criterion::default().configure_from_args();
        c.bench_function("evaluate 8 layers", |b| {
            b.iter(|| evaluate(black_box(&scenario)))
        });
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
}
