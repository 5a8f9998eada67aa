//! The note above the results when they are not the current input's: which field is wrong, in
//! words, with a button that takes the user to it; "No result yet" when there is no last result
//! to show.

use crate::ui::field::field_id;
use crate::ui::state::use_state;
use crate::ui::words;
use leptos::prelude::*;

/// Move the keyboard focus to the input of `path` (and scroll it into view).
fn focus_field(path: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&field_id(path)))
    else {
        return;
    };
    if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let _ = input.focus();
    }
}

/// The stale / no-result note.
#[component]
pub fn ResultNote() -> impl IntoView {
    let state = use_state();
    move || {
        if !state.is_stale() {
            return None;
        }
        let has_result = state.report.with(Option::is_some);
        let lead = if has_result {
            "Showing the last valid result."
        } else {
            "No result yet."
        };
        let engine = state.result.with(|r| r.as_ref().err().cloned());
        let detail = match engine {
            Some(e) => {
                let (name, unit) = state.scenario.with(|s| words::field_name(e.field(), s));
                let ticker = state.asset.get().ticker();
                let path = e.field().to_string();
                let text = format!(
                    " {name}: {}.",
                    words::problem_text(&e.problem, unit, ticker)
                );
                view! {
                    {text}
                    " "
                    <button type="button" class="link" data-testid="go-to-field" on:click=move |_| focus_field(&path)>"Go to the field"</button>
                }
                .into_any()
            }
            None => " Fix the highlighted field to update.".into_any(),
        };
        Some(view! {
            <p class="stale-banner" data-testid="stale" role="status">{lead}{detail}</p>
        })
    }
}
