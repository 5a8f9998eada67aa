//! Assembly of the [`Report`] from a validated [`Scenario`]: runs the yield walk, values the
//! position and its risk events, the margin and exit ladders, the summary, the projection and the
//! stresses. No formula lives here; each number comes from the module that documents it.

use super::costs::{CostModel, MAX_BREAK_EVEN_DAYS};
use super::pendle::yt_break_even_apy;
use super::position::{ladder, LoopPosition};
use super::projection::{equity_apr, maturities, projection};
use super::r#yield::walk;
use super::rates::{apr_to_apy, finite_or};
use super::report::{
    HealthFactor, LayerReport, LeverageOn, Liquidation, Maturity, Rate, Report, RiskEvent, Summary,
};
use super::risk::{
    liquidity_mismatch, p_any_loss, stack_exit_days, total_expected_loss, Positions,
};
use super::scenario::{DebtAsset, Layer, LayerKind, Scenario};
use super::stress::{derivative_index, run, StressInput};

/// Build the report. The scenario must have passed [`super::validate::validate`]; the function is
/// total anyway (no indexing, every number through [`finite_or`]).
pub(crate) fn build(s: &Scenario) -> Report {
    let steps = walk(&s.layers, None);
    let with_points = s.risk.include_points;
    let equity_usd = finite_or(s.stake.amount * s.stake.price_usd, 0.0);
    let positions = Positions::new(&s.layers, &steps, equity_usd);
    let ladder = ladder(&steps, derivative_index(&s.layers), s.stake.price_usd);

    let mut layers = Vec::with_capacity(s.layers.len());
    let net_apy = steps
        .last()
        .map_or(0.0, |st| apr_to_apy(equity_apr(st, with_points)));
    let all_maturities = maturities(s, MAX_BREAK_EVEN_DAYS, with_points, None);
    let costs = CostModel::build(s, &steps, net_apy, all_maturities.clone());
    let mut layer_costs = costs.layer_reports().into_iter();
    let mut stack_exit = 0.0;
    let mut previous_apy = 0.0;
    let mut binding: Option<(f64, Liquidation)> = None;
    let mut lowest_hf: Option<f64> = None;

    for (i, (layer, step)) in s.layers.iter().zip(&steps).enumerate() {
        let position: Option<LoopPosition> = ladder.loops.get(i).copied().flatten();
        if let Some(p) = position {
            if let HealthFactor::Value(h) = p.health {
                lowest_hf = Some(lowest_hf.map_or(h, |l: f64| l.min(h)));
            }
            if binding.as_ref().is_none_or(|(best, _)| p.tolerable < *best) {
                binding = Some((p.tolerable, p.liquidation));
            }
        }
        stack_exit = stack_exit_days(stack_exit, layer.risk.exit_days);
        let cumulative_apr = equity_apr(step, with_points);
        let cumulative_apy = apr_to_apy(cumulative_apr);
        let added_apr = step.yield_added_apr
            + if with_points {
                step.points_added_apr
            } else {
                0.0
            };
        let risks = positions.layer_events(i);
        let expected_loss = total_expected_loss(&risks);
        layers.push(LayerReport {
            index: i,
            protocol: layer.protocol.clone(),
            token: layer.token.clone(),
            kind: layer.kind.kind(),
            yield_added: Rate {
                apr: finite_or(added_apr, 0.0),
                apy: cumulative_apy - previous_apy,
            },
            cumulative: Rate {
                apr: cumulative_apr,
                apy: cumulative_apy,
            },
            points_apr: step.points_added_apr,
            leverage: step.value_mult,
            yield_exposure: step.yield_exposure,
            leverage_on: step.loop_step.map(|l| match l.debt {
                DebtAsset::Usd => LeverageOn::BasePrice,
                DebtAsset::Base => LeverageOn::CollateralRatio,
            }),
            health: position.map_or(HealthFactor::NoDebt, |p| p.health),
            liquidation: position.map_or(Liquidation::NoDebt, |p| p.liquidation),
            loops_in_position: position.map_or(0, |p| p.loops),
            yt_break_even_apy: yt_break_even(layer),
            margin: ladder.margins.get(i).copied().unwrap_or(0.0),
            exit_days: layer.risk.exit_days,
            stack_exit_days: stack_exit,
            liquidity_mismatch: liquidity_mismatch(layer.risk.instant_exit, stack_exit),
            wrapper_depth: u32::try_from(i + 1).unwrap_or(u32::MAX),
            risks,
            avs_names: match &layer.kind {
                LayerKind::Restake { avs, .. } => avs.iter().map(|a| a.name.clone()).collect(),
                _ => Vec::new(),
            },
            expected_loss,
            costs: layer_costs.next().unwrap_or_default(),
        });
        previous_apy = cumulative_apy;
    }

    let top = layers.last();
    let net = top.map_or(Rate::default(), |l| l.cumulative);
    let all_events: Vec<RiskEvent> = layers.iter().flat_map(|l| l.risks.clone()).collect();
    let probabilities: Vec<f64> = all_events.iter().map(|e| e.p_annual).collect();
    let expected_loss = total_expected_loss(&all_events);
    let maturities: Vec<Maturity> = all_maturities
        .into_iter()
        .filter(|m| m.day < s.horizon_days)
        .collect();
    let series = projection(equity_usd, net.apy, s.horizon_days, &maturities);
    let last = steps.last();
    let health: Vec<HealthFactor> = layers.iter().map(|l| l.health).collect();
    let summary = Summary {
        equity_usd,
        net,
        points_apr: last.map_or(0.0, |st| st.points_equity_apr),
        risk_adjusted_apy: net.apy - expected_loss,
        p_any_loss: p_any_loss(&probabilities, s.risk.correlation),
        expected_loss,
        expected_loss_usd: expected_loss * equity_usd,
        leverage: last.map_or(1.0, |st| st.value_mult),
        yield_exposure: last.map_or(1.0, |st| st.yield_exposure),
        price_exposure: 1.0 + last.map_or(0.0, |st| st.debt_usd),
        health: lowest_hf.map_or(HealthFactor::NoDebt, HealthFactor::Value),
        liquidation: binding.map_or(Liquidation::NoDebt, |(_, l)| l),
        margin: top.map_or(1.0, |l| l.margin),
        worst_case_slash: positions.worst_case_slash(),
        exit_days: stack_exit,
        liquidity_mismatch: layers.iter().any(|l| l.liquidity_mismatch),
        projected_usd: series.last().map_or(equity_usd, |p| p.strategy_usd),
        hold_usd: equity_usd,
        projection: series,
        maturities,
        costs: costs.summary(),
    };
    let stress = run(&StressInput {
        scenario: s,
        positions: &positions,
        health: &health,
        net_apy: net.apy,
    });
    Report {
        layers,
        summary,
        stress,
    }
}

/// The break-even underlying APY of a YT layer ([`yt_break_even_apy`]).
fn yt_break_even(layer: &Layer) -> Option<f64> {
    match &layer.kind {
        LayerKind::PendleYt {
            implied_apy,
            maturity_days,
            reward_apr,
            fee_ratio,
            ..
        } => yt_break_even_apy(*implied_apy, *maturity_days, *reward_apr, *fee_ratio),
        _ => None,
    }
}
