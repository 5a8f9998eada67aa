//! The page URL as the share link: decoded once at start into typed values, then kept updated
//! (debounced `history.replaceState`, so edits add no history entries) so the address bar is
//! always a link that reproduces the page.

use crate::catalog::{Strategy, STRATEGIES};
use crate::engine::Scenario;
use crate::share::{self, ViewOptions};
use crate::ui::data::DataState;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// Debounce between the last edit and the URL update.
const URL_DEBOUNCE: Duration = Duration::from_millis(250);

/// What the page was opened with.
pub struct Opened {
    /// The scenario from the link, or the default strategy's.
    pub scenario: Scenario,
    /// View options (embed, theme, strategy hint), read once.
    pub view: ViewOptions,
    /// The ready-made strategy shown in the picker (`None` = custom).
    pub strategy: Option<&'static Strategy>,
    /// What the decoder had to say (unknown keys, malformed values, refused link).
    pub notices: Vec<String>,
    /// The scenario came from the link (it must then be reproduced exactly).
    pub from_link: bool,
}

/// The page's query string without the leading `?` ("" when unavailable).
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|q| q.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The view the link asks for (`view=`), read from the current location.
pub fn opened_page() -> share::Page {
    share::decode(&location_query()).view.page
}

/// The page without a link: the first strategy's link, compiled in
/// ([`crate::catalog::DEFAULT_LINK`]), so it shows before the data file arrives.
pub fn default_scenario() -> Scenario {
    share::decode(crate::catalog::DEFAULT_LINK)
        .scenario
        .unwrap_or_else(crate::engine::example_scenario)
}

/// Decode the current location. Total: any link opens a working page.
pub fn read_location(data: &DataState) -> Opened {
    let decoded = share::decode(&location_query());
    let mut notices: Vec<String> = decoded.notices.iter().map(|n| n.to_string()).collect();
    let view = decoded.view;
    let hinted = view.strategy.as_deref().and_then(Strategy::find);
    match decoded.scenario {
        Some(mut scenario) => {
            // A hand-written link may give only the stake ("?v=1&asset=SOL&stake=500"): show
            // that stake in the asset's first ready-made stack rather than an empty one.
            let mut strategy = hinted;
            if scenario.layers.is_empty() {
                // Filled in when the figures arrive (`DataState::apply`).
                let asset = scenario.stake.asset;
                notices.push(format!(
                    "the link has no layers (l=…): showing the first ready-made {} stack",
                    asset.ticker()
                ));
                strategy = Strategy::first_for(asset);
                if let Some(layers) = strategy.and_then(|s| data.strategy_layers(s)) {
                    scenario.layers = layers;
                }
            }
            Opened {
                scenario,
                view,
                strategy,
                notices,
                from_link: true,
            }
        }
        None => {
            // A strategy hint alone opens that strategy once the figures arrive (see
            // `DataState::apply`); until then, and without a hint, the default page.
            let strategy = hinted
                .filter(|s| data.strategy_scenario(s).is_some())
                .or(STRATEGIES.first());
            Opened {
                scenario: strategy
                    .and_then(|s| data.strategy_scenario(s))
                    .unwrap_or_else(default_scenario),
                strategy,
                view,
                notices,
                from_link: false,
            }
        }
    }
}

/// The query string (without `?`) for the current state, shown `embed` or not.
pub fn current_query(state: AppState, embed: bool) -> String {
    let view = ViewOptions {
        embed,
        theme: state.view.with_value(|v| v.theme),
        strategy: state.strategy.get().map(str::to_string),
        page: state.view.with_value(|v| v.page),
    };
    state.scenario.with(|s| share::encode(s, &view))
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
    format!("{}?{}", page_base(), current_query(state, false))
}

/// Keep the address bar equal to the share link of what is on screen. Only valid scenarios are
/// written (an invalid edit leaves the last valid link in place).
pub fn keep_url_in_sync(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let embed = state.view.with_value(|v| v.embed);
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
        let handle = set_timeout_with_handle(
            move || {
                let query = untrack(|| current_query(state, embed));
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
