//! What every chart shares: the viewBox, axes, the figure wrapper with its caption, and the
//! visually hidden table that is the chart's text alternative.

use super::geometry::{coord, Row, Rows, LABEL_W, WIDTH};
use crate::engine::{LayerReport, Report};
use crate::ui::format::{percent, usd};
use leptos::prelude::*;

/// The SVG viewBox of a chart `height` high.
pub fn view_box(height: f64) -> String {
    format!("0 0 {} {}", coord(WIDTH), coord(height))
}

/// Compact USD for axis ticks: "$96k", "$1.2M", "$950".
pub fn usd_tick(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}${}M", crate::ui::format::number(a / 1e6, 2))
    } else if a >= 1e3 {
        format!("{sign}${}k", crate::ui::format::number(a / 1e3, 1))
    } else {
        usd(v)
    }
}

/// Gridlines and labels along x for the horizontal bar charts.
pub fn x_axis(rows: &Rows, label: fn(f64) -> String) -> impl IntoView {
    let axis_y = rows.axis_y;
    rows.ticks
        .iter()
        .map(|t| {
            view! {
                <line class="grid" x1=coord(t.at) x2=coord(t.at) y1="4" y2=coord(axis_y)/>
                <text class="tick" x=coord(t.at) y=coord(axis_y + 16.0) text-anchor="middle">{label(t.value)}</text>
            }
        })
        .collect_view()
}

/// The figure wrapper every chart shares.
pub fn chart_figure(
    testid: &'static str,
    title: &'static str,
    hint: &'static str,
    body: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <figure class="chart panel" data-testid=testid>
            <figcaption>
                <h2>{title}</h2>
                <p class="hint">{hint}</p>
            </figcaption>
            {body}
        </figure>
    }
}

/// "eETH 2.74%, weETH 0.93%": one figure per layer, for a chart's accessible name.
pub fn per_layer(r: &Report, figure: impl Fn(&LayerReport) -> String) -> String {
    r.layers
        .iter()
        .map(|l| format!("{} {}", l.token, figure(l)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A chart's text alternative: a visually hidden table with a caption and column headers.
pub fn hidden_table(
    caption: &'static str,
    columns: &'static [&'static str],
    rows: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="visually-hidden">
            <table>
                <caption>{caption}</caption>
                <thead><tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The label left of a horizontal bar and its value right of `end_x`.
pub fn row_texts(row: &Row, end_x: f64) -> impl IntoView {
    let baseline = coord(row.y + row.h - 2.0);
    view! {
        <text class="tick" x=coord(LABEL_W - 6.0) y=baseline.clone() text-anchor="end">{row.label.clone()}</text>
        <text class="value" x=coord(end_x + 4.0) y=baseline>{percent(row.value)}</text>
    }
}
