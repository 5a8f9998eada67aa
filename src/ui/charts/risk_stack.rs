//! The risk stack: each layer's expected annual loss of equity, by kind of risk.

use super::frame::{chart_figure, hidden_table, open_svg, per_layer, rect, row_texts, x_axis};
use super::geometry::{self, part_class, Part, RISK_PARTS};
use crate::engine::Report;
use crate::ui::format::percent;
use crate::ui::markup::Markup;
use leptos::prelude::*;

/// Each layer's contribution to expected annual loss of equity, split by risk kind.
#[component]
pub fn RiskStack() -> impl IntoView {
    let mut legend = Markup::new();
    for &k in &RISK_PARTS {
        let label = match k {
            Part::Loss(kind) => crate::ui::words::risk_kind_label(kind),
            Part::Liquidation | Part::Margin => "liquidation penalty",
        };
        legend
            .open("li", &[])
            .element(
                "span",
                &[
                    ("class", &format!("swatch {}", part_class(k))),
                    ("aria-hidden", "true"),
                ],
                "",
            )
            .text(label)
            .close("li");
    }
    chart_figure(
        "chart-risk",
        "Risk stack",
        "Expected annual loss of equity each layer's events cause (probability × loss of the whole position, liquidations they trigger included), by kind of risk.",
        Some(legend.finish()),
        draw,
    )
}

fn draw(r: &Report) -> String {
    let g = geometry::risk_stack(r);
    let summary = format!(
        "Expected annual loss by layer: {}; total {} of equity",
        per_layer(r, |l| percent(l.expected_loss)),
        percent(r.summary.expected_loss)
    );
    let mut m = Markup::new();
    open_svg(&mut m, g.height, &summary);
    x_axis(&mut m, &g, percent);
    for row in &g.rows {
        for s in &row.segments {
            let class = format!("seg {}", part_class(s.kind));
            rect(&mut m, &class, s.x, row.y, s.w, row.h);
        }
        row_texts(&mut m, row, row.end_x);
    }
    m.close("svg");
    let rows = r.layers.iter().flat_map(|l| {
        l.risks.iter().map(move |e| {
            (
                l.token.clone(),
                vec![
                    crate::ui::words::event_label(l, e),
                    percent(e.p_annual),
                    percent(e.equity_loss),
                    percent(e.expected_loss),
                ],
            )
        })
    });
    hidden_table(
        &mut m,
        "Risk events by layer",
        &[
            "Layer",
            "Event",
            "P (year)",
            "Loss of equity",
            "Expected loss",
        ],
        rows,
    );
    m.finish()
}
