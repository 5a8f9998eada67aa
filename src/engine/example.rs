//! The engine's worked example: the seed article's restaking stack (docs/METHODOLOGY.md §9):
//! 32 ETH at $3,000 → EtherFi eETH (stake) → EigenCloud (restake) → weETH (liquid restake) →
//! Pendle YT-weETH.
//!
//! Figures from the article: EigenCloud's 68 % market share, EtherFi's $8.703B of the sector's
//! $20.4B TVL (≈ 43 %), the ~14-day exit of native ETH and the EigenLayer withdrawal delay.
//! Everything else (rates, fees, probabilities, losses) is a labelled, editable assumption of
//! plausible size; the catalog carries the sourced presets.

use super::scenario::{
    Asset, Avs, Layer, LayerKind, LayerRisk, RiskSettings, Scenario, Stake, StressSettings,
};

/// The engine's example scenario, used by tests and doc examples (the page opens the catalog's
/// default strategy instead, with today's sourced figures).
///
/// Assumptions: ETH staking APR 3.0 % with EtherFi keeping 10 %; two AVSs paying 0.4 % and 0.6 %
/// on the restaked stake with 10 % operator commission, allocated 30 % and 20 % (slashing
/// severity 5 % and 10 %, annual probabilities 1 % and 2 %); the weETH wrapper keeps 5 % of the
/// rewards; the YT is bought at an implied APY of 3 % with 180 days to maturity and Pendle's
/// fee at its v1 link default of 3 % (so the golden link `v1_seed_restaking_stack` is this
/// scenario); EtherFi points
/// worth 1 % APR (kept apart from the headline); horizon one year.
pub fn example_scenario() -> Scenario {
    Scenario {
        stake: Stake {
            amount: 32.0,
            asset: Asset::Eth,
            price_usd: 3_000.0,
        },
        horizon_days: 365.0,
        layers: vec![
            Layer {
                protocol: "etherfi".into(),
                token: "eETH".into(),
                kind: LayerKind::Stake {
                    base_apr: 0.030,
                    fee_ratio: 0.10,
                },
                risk: LayerRisk {
                    p_exploit: 0.01,
                    exploit_loss: 0.30,
                    p_depeg: 0.05,
                    depeg_loss: 0.03,
                    exit_days: 14.0,
                    instant_exit: true,
                    market_share: 0.43,
                },
                points_apr: 0.01,
                costs: Default::default(),
            },
            Layer {
                protocol: "eigencloud".into(),
                token: "eETH".into(),
                kind: LayerKind::Restake {
                    avs: vec![
                        Avs {
                            name: "EigenDA".into(),
                            reward_apr: 0.004,
                            magnitude: 0.30,
                            p_slash: 0.01,
                            severity: 0.05,
                        },
                        Avs {
                            name: "AI compute AVS".into(),
                            reward_apr: 0.006,
                            magnitude: 0.20,
                            p_slash: 0.02,
                            severity: 0.10,
                        },
                    ],
                    commission_ratio: 0.10,
                },
                risk: LayerRisk {
                    p_exploit: 0.005,
                    exploit_loss: 0.50,
                    p_depeg: 0.0,
                    depeg_loss: 0.0,
                    exit_days: 14.0,
                    instant_exit: false,
                    market_share: 0.68,
                },
                points_apr: 0.0,
                costs: Default::default(),
            },
            Layer {
                protocol: "etherfi".into(),
                token: "weETH".into(),
                kind: LayerKind::LiquidRestake { fee_ratio: 0.05 },
                risk: LayerRisk {
                    p_exploit: 0.005,
                    exploit_loss: 0.30,
                    p_depeg: 0.05,
                    depeg_loss: 0.05,
                    exit_days: 14.0,
                    instant_exit: true,
                    market_share: 0.43,
                },
                points_apr: 0.0,
                costs: Default::default(),
            },
            Layer {
                protocol: "pendle".into(),
                token: "YT-weETH".into(),
                kind: LayerKind::PendleYt {
                    implied_apy: 0.03,
                    maturity_days: 180.0,
                    reward_apr: 0.0,
                    fee_ratio: 0.03,
                    fee_tier: 0.0,
                },
                risk: LayerRisk {
                    p_exploit: 0.005,
                    exploit_loss: 0.50,
                    p_depeg: 0.0,
                    depeg_loss: 0.0,
                    exit_days: 0.0,
                    instant_exit: true,
                    market_share: 0.0,
                },
                points_apr: 0.0,
                costs: Default::default(),
            },
        ],
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        mc: Default::default(),
        costs: Default::default(),
    }
}
