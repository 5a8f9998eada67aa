//! Headline figures: net and risk-adjusted APY, leverage and yield exposure, health factor,
//! liquidation, P(loss), expected loss, projected value against simply holding.

use crate::ui::results::cost_text::cost_metrics;
use crate::ui::results::text::{headline_metrics, Metric};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The headline metric cards (none until a first result exists).
#[component]
pub fn Headline() -> impl IntoView {
    let state = use_state();
    let metrics: Memo<Vec<Metric>> = Memo::new(move |_| {
        let (ticker, horizon) = state
            .scenario
            .with(|s| (s.stake.asset.ticker(), s.horizon_days));
        state.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    // The cost figures (none without costs) follow the headline APY.
                    let mut m = headline_metrics(&r.summary, ticker, horizon);
                    let mut costs = cost_metrics(r, ticker, horizon).into_iter();
                    let after_apy = costs.next();
                    m.splice(1..1, after_apy);
                    m.extend(costs);
                    m
                })
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| metrics.with(Vec::len));
    let cell = move |i: usize| {
        let part = move |f: fn(&Metric) -> String| {
            move || metrics.with(|m| m.get(i).map(f).unwrap_or_default())
        };
        let id = metrics.with_untracked(|m| m.get(i).map_or("", |m| m.id));
        let class = move || {
            if metrics.with(|m| m.get(i).is_some_and(|m| m.negative)) {
                "value neg"
            } else {
                "value"
            }
        };
        view! {
            <div class="metric">
                <span class="label">{part(|m| m.label.clone())}</span>
                <span class=class data-testid=id>{part(|m| m.value.clone())}</span>
                <span class="sub">{part(|m| m.sub.clone())}</span>
            </div>
        }
    };
    move || {
        let n = count.get();
        (n > 0).then(|| view! { <div class="headline">{(0..n).map(cell).collect_view()}</div> })
    }
}
