//! The costs of entering and leaving as text (docs/METHODOLOGY.md §12): the headline's cost
//! figures and the per-layer cost cell. Pure, shared by the components and the native fixture the
//! browser tests compare against (`tests/ui_expect_costs.rs`).

use crate::engine::{
    BreakEven, Cost, CostSummary, ExitPath, LayerExit, LayerReport, MinStake, Report,
};
use crate::ui::format::{days, number, percent, usd};
use crate::ui::results::text::Metric;

/// Whether the stack has any cost to show: a link without cost keys (and a stack whose costs
/// are all 0) has none, and the page then shows no cost figures.
pub fn has_costs(c: &CostSummary) -> bool {
    c.entry.total_usd > 0.0
        || c.redeem.cost.total_usd > 0.0
        || c.market.is_some_and(|m| m.cost.total_usd > 0.0)
}

/// The break-even day as shown: "38.5 days", "never".
pub fn break_even_text(b: &BreakEven) -> String {
    match b {
        BreakEven::Day(d) => days(*d),
        BreakEven::Never => "never".into(),
    }
}

/// The token of layer `i`, or "layer i+1".
fn token(layers: &[LayerReport], i: usize) -> String {
    layers
        .get(i)
        .map_or_else(|| format!("layer {}", i + 1), |l| l.token.clone())
}

/// What a cost pays for: "gas $1.52 · fees $3.00 · impact $7.50".
fn split(c: &Cost) -> String {
    format!(
        "gas {} · fees {} · impact {}",
        usd(c.gas_usd),
        usd(c.fee_usd),
        usd(c.impact_usd)
    )
}

/// The cost figures as shown, keyed by their `data-testid` (none without costs): after-cost APY,
/// entry cost, exit cost, break-even day.
pub fn cost_values(r: &Report) -> Vec<(&'static str, String)> {
    let c = &r.summary.costs;
    if !has_costs(c) {
        return Vec::new();
    }
    vec![
        ("net-apy-after-costs", percent(c.net_apy_after_costs)),
        ("entry-cost", usd(c.entry.total_usd)),
        ("exit-cost", usd(c.exit.cost.total_usd)),
        ("break-even-days", break_even_text(&c.break_even)),
    ]
}

/// The exit counted, in words: "by redemption (14 days); selling eETH: $9.10" or "selling eETH
/// on its market (instant); redemption: $19.84, 14 days".
pub fn exit_text(c: &CostSummary, layers: &[LayerReport]) -> String {
    let took = |days_: f64| {
        if days_ > 0.0 {
            days(days_)
        } else {
            "instant".into()
        }
    };
    match c.exit.path {
        ExitPath::Market { layer } => format!(
            "selling {} on its market ({}); redemption: {}, {}",
            token(layers, layer),
            took(c.exit.days),
            usd(c.redeem.cost.total_usd),
            took(c.redeem.days)
        ),
        ExitPath::Redeem => {
            let market = match (c.market, c.market.map(|m| m.path)) {
                (Some(m), Some(ExitPath::Market { layer })) => format!(
                    "; selling {}: {}",
                    token(layers, layer),
                    usd(m.cost.total_usd)
                ),
                _ => String::new(),
            };
            format!("by redemption ({}){market}", took(c.exit.days))
        }
    }
}

/// The break-even stake in words.
pub fn min_stake_text(m: &MinStake, ticker: &str, horizon_days: f64) -> String {
    match m {
        MinStake::Equity { usd: u, amount } => format!(
            "stakes below {} {ticker} ({}) do not break even by {}",
            number(*amount, 4),
            usd(*u),
            days(horizon_days)
        ),
        MinStake::Never => format!("no stake breaks even by {}", days(horizon_days)),
        MinStake::Any => format!("any stake breaks even by {}", days(horizon_days)),
    }
}

/// The cost figures of the headline, with labels and sub-lines (none without costs).
pub fn cost_metrics(r: &Report, ticker: &str, horizon_days: f64) -> Vec<Metric> {
    let c = &r.summary.costs;
    cost_values(r)
        .into_iter()
        .map(|(id, value)| {
            let (label, sub, negative) = match id {
                "net-apy-after-costs" => (
                    "APY after costs",
                    format!(
                        "over {}; before costs {}",
                        days(horizon_days),
                        percent(c.horizon_apy)
                    ),
                    c.net_apy_after_costs < 0.0,
                ),
                "entry-cost" => (
                    "Cost to enter",
                    format!(
                        "{} of the stake: {}",
                        percent(c.entry.share),
                        split(&c.entry)
                    ),
                    false,
                ),
                "exit-cost" => ("Cost to exit", exit_text(c, &r.layers), false),
                _ => (
                    "Break-even vs holding",
                    min_stake_text(&c.min_stake, ticker, horizon_days),
                    matches!(c.break_even, BreakEven::Never),
                ),
            };
            Metric {
                id,
                label: label.into(),
                value,
                sub,
                negative,
            }
        })
        .collect()
}

/// A layer's costs for its table cell: "$1.52 in · $0.48 out", "$1.52 in · sold with weETH",
/// "—" without costs.
pub fn layer_cost_text(l: &LayerReport, layers: &[LayerReport]) -> String {
    let c = &l.costs;
    let out = match c.exit_by {
        LayerExit::Covered { by } => format!("left by selling {}", token(layers, by)),
        LayerExit::Sold => format!("{} out (sold)", usd(c.exit.total_usd)),
        LayerExit::Own => format!("{} out", usd(c.exit.total_usd)),
    };
    if c.entry.total_usd > 0.0 || c.exit_own.total_usd > 0.0 || c.exit.total_usd > 0.0 {
        format!("{} in · {out}", usd(c.entry.total_usd))
    } else {
        "—".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn break_even_words() {
        // Guards the "never" of an unreachable break-even: no "inf days".
        assert_eq!(break_even_text(&BreakEven::Never), "never");
        assert_eq!(break_even_text(&BreakEven::Day(38.4888)), "38.5 days");
        let m = MinStake::Equity {
            usd: 1_500.0,
            amount: 0.5,
        };
        assert_eq!(
            min_stake_text(&m, "ETH", 365.0),
            "stakes below 0.5 ETH ($1,500) do not break even by 1 year"
        );
    }
}
