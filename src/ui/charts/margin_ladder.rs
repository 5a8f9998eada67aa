//! The margin ladder: the safety margin left at each depth of the stack.

use super::frame::{chart_figure, hidden_table, per_layer, row_texts, view_box, x_axis};
use super::geometry::{self, coord, LABEL_W};
use crate::ui::format::{days, percent};
use leptos::prelude::*;

/// The safety margin left at each depth of the stack.
#[component]
pub fn MarginLadder() -> impl IntoView {
    let report = crate::ui::state::use_state().report;
    let body = move || {
        report.with(|r| r.as_ref().map(|r| {
            let g = geometry::margin_ladder(r);
            let summary = format!(
                "Safety margin by depth: {}",
                per_layer(r, |l| percent(l.margin))
            );
            let bars = g
                .rows
                .iter()
                .map(|row| {
                    let class = if row.value < 0.1 { "seg margin low" } else { "seg margin" };
                    let w = row.segments.first().map(|s| s.w).unwrap_or(0.0).max(1.0);
                    view! {
                        <rect class=class x=coord(LABEL_W) y=coord(row.y) width=coord(w) height=coord(row.h)/>
                        {row_texts(row, LABEL_W + w)}
                    }
                })
                .collect_view();
            let rows = r
                .layers
                .iter()
                .map(|l| {
                    view! { <tr><th scope="row">{l.token.clone()}</th><td>{percent(l.margin)}</td><td>{days(l.stack_exit_days)}</td></tr> }
                })
                .collect_view();
            view! {
                <svg class="chart-svg" viewBox=view_box(g.height) role="img" aria-label=summary>
                    {x_axis(&g, percent)}
                    {bars}
                </svg>
                {hidden_table(
                    "Safety margin left at each depth",
                    &["Layer", "Margin left", "Exit path"],
                    rows,
                )}
            }
        }))
    };
    chart_figure(
        "chart-margin",
        "Margin ladder",
        "The largest price drop or depeg the stack survives, down to that layer, without liquidation or total loss. It can only shrink as layers are added.",
        body,
    )
}
