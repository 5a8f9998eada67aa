//! On phones the results sit below the whole stack builder: this bar keeps the headline in view
//! while the user edits layers, with a link down to the full results. Hidden on wide screens
//! (style/app.css), where the results column is beside the inputs.

use crate::ui::results::headline_values;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The sticky headline bar (phones only).
#[component]
pub fn SummaryBar() -> impl IntoView {
    let state = use_state();
    let values = Memo::new(move |_| {
        let ticker = state.asset.get().ticker();
        state.report.with(|r| {
            r.as_ref()
                .map(|r| headline_values(&r.summary, ticker))
                .unwrap_or_default()
        })
    });
    let get = move |id: &'static str| {
        move || {
            values.with(|v| {
                v.iter()
                    .find(|(k, _)| *k == id)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <div class="summary-bar" role="region" aria-label="Result summary">
            <p>
                <span><b>{get("net-apy")}</b>" net APY"</span>
                <span><b>{get("leverage")}</b>" leverage"</span>
                <span>"HF "<b>{get("health-factor")}</b></span>
                {move || state.is_stale().then(|| view! { <span class="warn">"last valid result"</span> })}
            </p>
            <a href="#results-title">"Results ↓"</a>
        </div>
    }
}
