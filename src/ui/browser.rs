//! Small browser glue: query flags, theme, the first-result performance mark. Every call is best
//! effort: a missing `window` or a refused API degrades quietly, never panics.

use crate::ui::state::AppState;
use leptos::prelude::*;

/// The page's query string without the leading `?` ("" when unavailable).
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|q| q.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Whether `name=1` is in the page's query string.
pub fn query_flag(name: &str) -> bool {
    let want = format!("{name}=1");
    location_query().split('&').any(|kv| kv == want)
}

/// The value of `name=` in the query, percent-decoding not needed for the plain values we use.
pub fn query_value(name: &str) -> Option<String> {
    location_query().split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

/// Set `data-theme` on `<html>` when the link forces one, and `body.embed` in embed mode.
pub fn apply_theme(theme: Option<&str>, embed: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(root), Some(t)) = (doc.document_element(), theme) {
        if t == "light" || t == "dark" {
            let _ = root.set_attribute("data-theme", t);
        }
    }
    if embed {
        if let Some(body) = doc.body() {
            let _ = body.class_list().add_1("embed");
        }
    }
}

/// `performance.mark('restack:first-result')` once, when the first report is on screen.
pub fn mark_first_result(state: AppState) {
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if state.last_good.with(|r| r.is_some()) && !done.get_value() {
            done.set_value(true);
            // Let the DOM update land before marking.
            request_animation_frame(|| {
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("restack:first-result");
                }
            });
        }
    });
}
