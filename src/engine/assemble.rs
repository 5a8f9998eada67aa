//! Assembly of the [`Report`] from a validated [`Scenario`]: runs the yield walk, then the risk,
//! margin and exit ladders per layer, the whole-stack summary, the projection and the stresses.
//! No formula lives here; each number comes from the module that documents it.

use super::projection::projection;
use super::r#yield::{walk, LoopStep};
use super::rates::{apr_to_apy, finite_or};
use super::report::{
    HealthFactor, LayerReport, Liquidation, Rate, Report, RiskEvent, RiskKind, Summary,
};
use super::risk::{
    cumulative_multipliers, event_exposures, layer_events, liquidation_loss_given_event,
    liquidity_mismatch, margin_step, p_any_loss, p_liquidation_by_depeg, risk_event,
    stack_exit_days, total_expected_loss, worst_case_slash,
};
use super::scenario::{Avs, DebtAsset, LayerKind, Scenario};
use super::stress::{run, StressInput};

/// Build the report. The scenario must have passed [`super::validate::validate`]; the function is
/// total anyway (no indexing, every number through [`finite_or`]).
pub(crate) fn build(s: &Scenario) -> Report {
    let steps = walk(&s.layers, None);
    let own: Vec<f64> = steps.iter().map(|st| st.multiplier).collect();
    let cumulative = cumulative_multipliers(&own);
    let exposures = event_exposures(&own);
    let with_points = s.risk.include_points;
    let equity_usd = finite_or(s.stake.amount * s.stake.price_usd, 0.0);

    let mut layers = Vec::with_capacity(s.layers.len());
    let mut margin = 1.0;
    let mut stack_exit = 0.0;
    let mut previous_apy = 0.0;
    let mut binding: Option<(f64, Liquidation)> = None;
    let mut lowest_hf: Option<f64> = None;

    for (i, (layer, step)) in s.layers.iter().zip(&steps).enumerate() {
        let multiplier = cumulative.get(i).copied().unwrap_or(1.0);
        let exposure = exposures.get(i).copied().unwrap_or(1.0);
        let avs: &[Avs] = match &layer.kind {
            LayerKind::Restake { avs, .. } => avs,
            _ => &[],
        };
        let mut risks = layer_events(layer, avs, exposure);
        let (health, liquidation, tolerable) = match &step.loop_step {
            Some(ls) => {
                let tolerable = (1.0 - ls.liq_ratio).clamp(0.0, 1.0);
                if let Some(event) = liquidation_event(s, i, ls, tolerable, exposure, &layer.token)
                {
                    risks.push(event);
                }
                (
                    ls.health,
                    liquidation_point(ls, s.stake.price_usd),
                    Some(tolerable),
                )
            }
            None => (HealthFactor::NoDebt, Liquidation::NoDebt, None),
        };
        if let HealthFactor::Value(h) = health {
            lowest_hf = Some(lowest_hf.map_or(h, |l: f64| l.min(h)));
        }
        if let Some(t) = tolerable {
            if binding.as_ref().is_none_or(|(best, _)| t < *best) {
                binding = Some((t, liquidation.clone()));
            }
        }
        margin = margin_step(margin, multiplier, tolerable);
        stack_exit = stack_exit_days(stack_exit, layer.risk.exit_days);
        let cumulative_apr = finite_or(
            step.equity_apr
                + if with_points {
                    step.points_equity_apr
                } else {
                    0.0
                },
            0.0,
        );
        let cumulative_apy = apr_to_apy(cumulative_apr);
        let added_apr = step.yield_added_apr
            + if with_points {
                step.points_added_apr
            } else {
                0.0
            };
        let expected_loss = total_expected_loss(&risks);
        layers.push(LayerReport {
            index: i,
            protocol: layer.protocol.clone(),
            token: layer.token.clone(),
            kind: layer.kind.label().to_string(),
            yield_added: Rate {
                apr: finite_or(added_apr, 0.0),
                apy: cumulative_apy - previous_apy,
            },
            cumulative: Rate {
                apr: cumulative_apr,
                apy: cumulative_apy,
            },
            points_apr: step.points_added_apr,
            multiplier,
            event_exposure: exposure,
            health,
            liquidation,
            margin,
            exit_days: layer.risk.exit_days,
            stack_exit_days: stack_exit,
            liquidity_mismatch: liquidity_mismatch(layer.risk.instant_exit, stack_exit),
            wrapper_depth: u32::try_from(i + 1).unwrap_or(u32::MAX),
            risks,
            expected_loss,
        });
        previous_apy = cumulative_apy;
    }

    let top = layers.last();
    let net = top.map_or(Rate::default(), |l| l.cumulative);
    let events: Vec<&RiskEvent> = layers.iter().flat_map(|l| &l.risks).collect();
    let probabilities: Vec<f64> = events.iter().map(|e| e.p_annual).collect();
    let all_events: Vec<RiskEvent> = events.into_iter().cloned().collect();
    let expected_loss = total_expected_loss(&all_events);
    let restakes = s
        .layers
        .iter()
        .zip(&exposures)
        .filter_map(|(l, x)| match &l.kind {
            LayerKind::Restake { avs, .. } => Some((avs.as_slice(), *x)),
            _ => None,
        });
    let series = projection(equity_usd, net.apy, s.horizon_days);
    let summary = Summary {
        equity_usd,
        net,
        points_apr: steps.last().map_or(0.0, |st| st.points_equity_apr),
        risk_adjusted_apy: net.apy - expected_loss,
        p_any_loss: p_any_loss(&probabilities, s.risk.correlation),
        expected_loss,
        expected_loss_usd: expected_loss * equity_usd,
        leverage: cumulative.last().copied().unwrap_or(1.0),
        health: lowest_hf.map_or(HealthFactor::NoDebt, HealthFactor::Value),
        liquidation: binding.map_or(Liquidation::NoDebt, |(_, l)| l),
        margin: top.map_or(1.0, |l| l.margin),
        worst_case_slash: worst_case_slash(restakes),
        exit_days: stack_exit,
        liquidity_mismatch: layers.iter().any(|l| l.liquidity_mismatch),
        projected_usd: series.last().map_or(equity_usd, |p| p.strategy_usd),
        hold_usd: equity_usd,
        projection: series,
    };
    let stress = run(&StressInput {
        scenario: s,
        steps: &steps,
        equity_usd,
        net_apy: net.apy,
    });
    Report {
        layers,
        summary,
        stress,
    }
}

/// The liquidation point of a loop (`DESIGN.md` §3, §7: an enum, never a placeholder number).
///
/// # Formula
/// With p_liq = (L − 1)/(L · LT) ([`super::leverage::liquidation_ratio`]):
/// - USD debt: the base asset's price at liquidation is price · p_liq, a drop of 1 − p_liq;
/// - base-asset debt, market oracle: the collateral's ratio to the base asset at liquidation is
///   p_liq, a depeg of 1 − p_liq;
/// - base-asset debt, exchange-rate or linear-discount oracle: market moves do not liquidate; a
///   loss of 1 − p_liq of the backing does.
///
/// Each loop is reported on its own (per layer); the summary shows the one with the smallest
/// tolerable shock.
fn liquidation_point(ls: &LoopStep, price_usd: f64) -> Liquidation {
    let p = ls.liq_ratio;
    let shock = (1.0 - p).clamp(0.0, 1.0);
    match ls.debt {
        DebtAsset::Usd => Liquidation::Price {
            price_usd: finite_or(price_usd * p, 0.0),
            max_drop: shock,
        },
        DebtAsset::Base if ls.oracle.follows_market() => Liquidation::Depeg {
            ratio: p,
            max_depeg: shock,
        },
        DebtAsset::Base => Liquidation::NotByMarket {
            backing_loss: shock,
        },
    }
}

/// The liquidation risk event of a loop whose oracle follows the market: probability from the
/// depegs beneath it that reach its tolerable depeg ([`p_liquidation_by_depeg`]), loss the
/// liquidation bonus on the debt ([`liquidation_loss_given_event`]). `None` when either is 0.
fn liquidation_event(
    s: &Scenario,
    i: usize,
    ls: &LoopStep,
    tolerable: f64,
    exposure: f64,
    token: &str,
) -> Option<RiskEvent> {
    if !ls.oracle.follows_market() {
        return None;
    }
    let beneath = s.layers.get(..i).unwrap_or(&[]);
    let p = p_liquidation_by_depeg(beneath, tolerable);
    let g = liquidation_loss_given_event(ls.leverage, ls.liq_bonus);
    (p > 0.0 && g > 0.0).then(|| {
        risk_event(
            RiskKind::Liquidation,
            format!("{token} loop liquidation"),
            p,
            g,
            exposure,
        )
    })
}
