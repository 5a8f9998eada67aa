//! The live-refresh control of the Sources section and what the last refresh did: the yields,
//! and today's prices and exit queue beside them (`ui::data::today`).

use crate::ui::data::{use_data, LiveStatus};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// "Refresh yields from DefiLlama", its status and the "stale since" label.
#[component]
pub fn LivePanel() -> impl IntoView {
    let data = use_data();
    let state = use_state();
    let live = Memo::new(move |_| data.status.with(|s| s.live.clone()));
    let busy = move || {
        data.status
            .with(|s| [&s.live, &s.prices, &s.queue].contains(&&LiveStatus::Loading))
    };
    let status = move || {
        match live.get() {
        LiveStatus::Idle => {
            view! { <p>"Not refreshed: the figures above are in use."</p> }.into_any()
        }
        LiveStatus::Loading => view! { <p>"Fetching live yields…"</p> }.into_any(),
        LiveStatus::Done {
            updated,
            skipped,
            at,
        } => view! {
            <p>{format!("Updated {} preset(s) from live yields at {at}:", updated.len())}</p>
            <ul data-testid="live-updated">{updated.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
            {(!skipped.is_empty()).then(|| view! {
                <p>"Not updated (kept as before):"</p>
                <ul data-testid="live-skipped">{skipped.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
            })}
        }
        .into_any(),
        LiveStatus::Failed(why) => view! {
            <p class="warn" role="alert">{format!("Live refresh failed: {why}. Nothing was changed in the yields.")}</p>
        }
        .into_any(),
    }
    };
    let today = move |pick: fn(&crate::ui::data::DataStatus) -> LiveStatus, what: &'static str| {
        move || {
            match data.status.with(pick) {
            LiveStatus::Idle => None,
            LiveStatus::Loading => Some(view! { <p>{format!("Fetching {what}…")}</p> }.into_any()),
            LiveStatus::Done { updated, skipped, at } => Some(view! {
                <p>{if updated.is_empty() { format!("{what}: nothing updated ({at}).") } else { format!("{what} updated at {at}:") }}</p>
                <ul>{updated.into_iter().chain(skipped.into_iter().map(|s| format!("Not updated: {s}"))).map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
            }.into_any()),
            LiveStatus::Failed(why) => Some(view! {
                <p class="warn" role="alert">{format!("{what} not refreshed: {why}. The figures in use stay.")}</p>
            }.into_any()),
        }
        }
    };
    let stale = move || {
        let since = data
            .status
            .with(|s| s.live_applied_at.clone())
            .unwrap_or_else(|| data.catalog.with(|c| c.as_of.clone()));
        format!("Yields stale since {since}")
    };
    view! {
        <div class="live">
            <button type="button" data-testid="refresh-live" on:click=move |_| data.refresh_live(state) disabled=busy aria-busy=move || busy().to_string()>
                {move || if busy() { "Refreshing…" } else { "Refresh yields, prices and exit queue" }}
            </button>
            <p class="muted" data-testid="stale-since">{stale}</p>
            <div data-testid="live-status" role="status" aria-live="polite">{status}</div>
            <div data-testid="today-status" role="status" aria-live="polite">
                {today(|s| s.prices.clone(), "Prices")}
                {today(|s| s.queue.clone(), "Exit queue")}
            </div>
        </div>
    }
}
