//! The one wrapper for tables wider than their column: scrolls sideways, and is a named,
//! keyboard-focusable region so keyboard users can scroll it too (axe
//! `scrollable-region-focusable`).

use leptos::prelude::*;

/// Wrap `table` in a focusable region named `label`.
pub fn table_wrap(label: String, table: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            {table}
        </div>
    }
}
