//! The page URL as the share link: decode it at start, keep it updated (debounced
//! `history.replaceState`) so the address bar is always a link that reproduces the page.

use crate::engine::Scenario;
use crate::share::{self, ViewOptions};
use crate::ui::state::AppState;
use crate::ui::{browser, catalog_glue};
use leptos::prelude::*;
use std::time::Duration;

/// Debounce between the last edit and the URL update.
const URL_DEBOUNCE: Duration = Duration::from_millis(250);

/// What the page was opened with.
pub struct Opened {
    /// The scenario from the link, or the default strategy's.
    pub scenario: Scenario,
    /// View options (embed, theme, strategy hint).
    pub view: ViewOptions,
    /// Strategy id to show in the picker ("" = custom).
    pub strategy_id: String,
    /// What the decoder had to say (unknown keys, malformed values, refused link).
    pub notices: Vec<String>,
    /// The scenario came from the link (it must then be reproduced exactly).
    pub from_link: bool,
}

/// Decode the current location. Total: any link opens a working page.
pub fn read_location() -> Opened {
    let decoded = share::decode(&browser::location_query());
    let mut notices: Vec<String> = decoded.notices.iter().map(|n| n.to_string()).collect();
    let view = decoded.view;
    match decoded.scenario {
        Some(mut scenario) => {
            // A hand-written link may give only the stake ("?v=1&asset=SOL&stake=500"): show
            // that stake in the asset's first ready-made stack rather than an empty one.
            let mut strategy = view.strategy.clone();
            if scenario.layers.is_empty() {
                let asset = scenario.stake.asset;
                if let Some(id) = catalog_glue::first_strategy_for(asset) {
                    if let Some(s) = catalog_glue::strategy_scenario(&id) {
                        scenario.layers = s.layers;
                        notices.push(format!(
                            "the link has no layers (l=…): showing the first ready-made {} stack",
                            asset.ticker()
                        ));
                        strategy = Some(id);
                    }
                }
            }
            Opened {
                strategy_id: strategy
                    .filter(|id| catalog_glue::strategy_scenario(id).is_some())
                    .unwrap_or_default(),
                scenario,
                view,
                notices,
                from_link: true,
            }
        }
        None => {
            let id = view
                .strategy
                .clone()
                .filter(|id| catalog_glue::strategy_scenario(id).is_some())
                .unwrap_or_else(catalog_glue::default_strategy_id);
            Opened {
                scenario: catalog_glue::strategy_scenario(&id)
                    .unwrap_or_else(crate::engine::example_scenario),
                strategy_id: id,
                view,
                notices,
                from_link: false,
            }
        }
    }
}

/// The query string (without `?`) for the current state.
pub fn current_query(state: AppState, embed: bool, theme: Option<String>) -> String {
    let strategy = state.strategy.get_untracked();
    let view = ViewOptions {
        embed,
        theme,
        strategy: (!strategy.is_empty()).then_some(strategy),
    };
    state.scenario.with_untracked(|s| share::encode(s, &view))
}

/// Absolute URL of this page (origin + path, no query), "" when unavailable.
pub fn page_base() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Link to the full calculator with the same scenario (used by embeds).
pub fn full_calculator_href(state: AppState) -> String {
    state.scenario.track();
    state.strategy.track();
    format!("{}?{}", page_base(), current_query(state, false, None))
}

/// Keep the address bar equal to the share link of what is on screen. Only valid scenarios are
/// written (an invalid edit leaves the last valid link in place).
pub fn keep_url_in_sync(state: AppState, embed: bool) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let theme = browser::query_value("theme");
    Effect::new(move |first: Option<()>| {
        let valid = state.result.with(|r| r.is_ok());
        state.strategy.track();
        state.scenario.track();
        if first.is_none() || !valid {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let theme = theme.clone();
        let handle = set_timeout_with_handle(
            move || {
                let query = current_query(state, embed, theme);
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    // Fails in an opaque-origin sandbox: the link still works, the bar just stays.
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("?{query}")),
                    );
                }
            },
            URL_DEBOUNCE,
        );
        pending.set_value(handle.ok());
    });
}
