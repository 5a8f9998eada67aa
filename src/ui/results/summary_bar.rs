//! On phones the results sit below the whole stack builder: this bar keeps the headline in view
//! while the user edits layers, with a link down to the full results. Hidden on wide screens
//! (style/app.css), where the results column is beside the inputs.

use crate::engine::Report;
use crate::ui::results::headline_values;
use leptos::prelude::*;

/// The sticky headline bar (phones only).
#[component]
pub fn SummaryBar(
    /// The report to summarise.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// Asset ticker (for the liquidation text).
    #[prop(into)]
    ticker: Signal<String>,
    /// The results shown are the last good ones, not the current (invalid) input's.
    #[prop(into)]
    stale: Signal<bool>,
) -> impl IntoView {
    let text = move || {
        report.get().map(|r| {
            let values = headline_values(&r.summary, &ticker.get());
            let get = |id: &str| {
                values
                    .iter()
                    .find(|(k, _)| *k == id)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            view! {
                <span><b>{get("net-apy")}</b>" net APY"</span>
                <span><b>{get("leverage")}</b>" leverage"</span>
                <span>"HF "<b>{get("health-factor")}</b></span>
                {move || stale.get().then(|| view! { <span class="warn">"last valid result"</span> })}
            }
        })
    };
    view! {
        <div class="summary-bar" role="region" aria-label="Result summary">
            <p>{text}</p>
            <a href="#results-title">"Results ↓"</a>
        </div>
    }
}
