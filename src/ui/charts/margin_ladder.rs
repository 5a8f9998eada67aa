//! The margin ladder: the safety margin left at each depth of the stack.

use super::frame::{chart_figure, hidden_table, open_svg, per_layer, rect, row_texts, x_axis};
use super::geometry::{self, LABEL_W};
use crate::engine::Report;
use crate::ui::format::{days, percent};
use crate::ui::markup::Markup;
use leptos::prelude::*;

/// The safety margin left at each depth of the stack.
#[component]
pub fn MarginLadder() -> impl IntoView {
    chart_figure(
        "chart-margin",
        "Margin ladder",
        "The largest price drop or depeg the stack survives, down to that layer, without liquidation or total loss. It can only shrink as layers are added.",
        None,
        draw,
    )
}

fn draw(r: &Report) -> String {
    let g = geometry::margin_ladder(r);
    let summary = format!(
        "Safety margin by depth: {}",
        per_layer(r, |l| percent(l.margin))
    );
    let mut m = Markup::new();
    open_svg(&mut m, g.height, &summary);
    x_axis(&mut m, &g, percent);
    for row in &g.rows {
        let class = if row.value < 0.1 {
            "seg margin low"
        } else {
            "seg margin"
        };
        let w = row.segments.first().map(|s| s.w).unwrap_or(0.0).max(1.0);
        rect(&mut m, class, LABEL_W, row.y, w, row.h);
        row_texts(&mut m, row, LABEL_W + w);
    }
    m.close("svg");
    let rows = r.layers.iter().map(|l| {
        (
            l.token.clone(),
            vec![percent(l.margin), days(l.stack_exit_days)],
        )
    });
    hidden_table(
        &mut m,
        "Safety margin left at each depth",
        &["Layer", "Margin left", "Exit path"],
        rows,
    );
    m.finish()
}
