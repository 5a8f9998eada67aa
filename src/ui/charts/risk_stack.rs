//! The risk stack: each layer's expected annual loss of equity, by kind of risk.

use super::frame::{chart_figure, hidden_table, per_layer, row_texts, view_box, x_axis};
use super::geometry::{self, coord, part_class, Part, RISK_PARTS};
use crate::ui::format::percent;
use leptos::prelude::*;

/// Each layer's contribution to expected annual loss of equity, split by risk kind.
#[component]
pub fn RiskStack() -> impl IntoView {
    let report = crate::ui::state::use_state().report;
    let legend = RISK_PARTS
        .iter()
        .map(|&k| {
            let label = match k {
                Part::Loss(kind) => crate::ui::words::risk_kind_label(kind),
                Part::Liquidation | Part::Margin => "liquidation penalty",
            };
            view! { <li><span class=format!("swatch {}", part_class(k)) aria-hidden="true"></span>{label}</li> }
        })
        .collect_view();
    let body = move || {
        report.with(|r| r.as_ref().map(|r| {
            let g = geometry::risk_stack(r);
            let summary = format!(
                "Expected annual loss by layer: {}; total {} of equity",
                per_layer(r, |l| percent(l.expected_loss)),
                percent(r.summary.expected_loss)
            );
            let bars = g
                .rows
                .iter()
                .map(|row| {
                    let segs = row
                        .segments
                        .iter()
                        .map(|s| view! { <rect class=format!("seg {}", part_class(s.kind)) x=coord(s.x) y=coord(row.y) width=coord(s.w) height=coord(row.h)/> })
                        .collect_view();
                    view! {
                        {segs}
                        {row_texts(row, row.end_x)}
                    }
                })
                .collect_view();
            let rows = r
                .layers
                .iter()
                .flat_map(|l| {
                    l.risks.iter().map(move |e| {
                        view! {
                            <tr><th scope="row">{l.token.clone()}</th><td>{crate::ui::words::event_label(l, e)}</td><td>{percent(e.p_annual)}</td><td>{percent(e.equity_loss)}</td><td>{percent(e.expected_loss)}</td></tr>
                        }
                    })
                })
                .collect_view();
            view! {
                <svg class="chart-svg" viewBox=view_box(g.height) role="img" aria-label=summary>
                    {x_axis(&g, percent)}
                    {bars}
                </svg>
                {hidden_table(
                    "Risk events by layer",
                    &["Layer", "Event", "P (year)", "Loss of equity", "Expected loss"],
                    rows,
                )}
            }
        }))
    };
    chart_figure(
        "chart-risk",
        "Risk stack",
        "Expected annual loss of equity each layer's events cause (probability × loss of the whole position, liquidations they trigger included), by kind of risk.",
        view! { <ul class="legend">{legend}</ul> {body} },
    )
}
