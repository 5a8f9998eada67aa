//! Small browser glue: theme, embed class, the first-result performance mark. Every call is best
//! effort: a missing `window` or a refused API degrades quietly, never panics.

use crate::share::Theme;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Set `data-theme` on `<html>` when the link forces one, and `body.embed` in embed mode.
pub fn apply_theme(theme: Option<Theme>, embed: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(root), Some(t)) = (doc.document_element(), theme) {
        let _ = root.set_attribute("data-theme", t.code());
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
        if state.report.with(|r| r.is_some()) && !done.get_value() {
            done.set_value(true);
            // Let the DOM update land before marking.
            request_animation_frame(|| mark("restack:first-result"));
        }
    });
}

/// `performance.mark(name)` (best effort): what the browser tests and the bench wait for.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
