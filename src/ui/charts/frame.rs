//! What every chart shares: the figure with its caption, the body drawn as markup from the last
//! good report (one `inner_html` when the figures change, none otherwise: `ui::markup`), the
//! viewBox, axes, and the visually hidden table that is the chart's text alternative.

use super::geometry::{coord, Row, Rows, LABEL_W, WIDTH};
use crate::engine::{LayerReport, Report};
use crate::ui::format::{percent, usd};
use crate::ui::markup::Markup;
use leptos::prelude::*;

/// The figure every chart is: caption, an optional fixed legend (markup), and the body `draw`
/// writes from the last good report.
pub fn chart_figure(
    testid: &'static str,
    title: &'static str,
    hint: &'static str,
    legend: Option<String>,
    draw: fn(&Report) -> String,
) -> impl IntoView {
    let report = crate::ui::state::use_state().report;
    let body = Memo::new(move |_| report.with(|r| r.as_ref().map(draw).unwrap_or_default()));
    view! {
        <figure class="chart panel" data-testid=testid>
            <figcaption>
                <h2>{title}</h2>
                <p class="hint">{hint}</p>
            </figcaption>
            {legend.map(|l| view! { <ul class="legend" inner_html=l></ul> })}
            <div class="chart-body" inner_html=move || body.get()></div>
        </figure>
    }
}

/// Opens the chart's `<svg role="img">`, `height` high, named by `summary`.
pub fn open_svg(m: &mut Markup, height: f64, summary: &str) {
    let view_box = format!("0 0 {} {}", coord(WIDTH), coord(height));
    m.open(
        "svg",
        &[
            ("class", "chart-svg"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", summary),
        ],
    );
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

/// A tick label: `<text class="tick">` at (`x`, `y`) anchored `anchor`.
pub fn tick_text(m: &mut Markup, x: f64, y: f64, anchor: &str, text: &str) {
    m.element(
        "text",
        &[
            ("class", "tick"),
            ("x", &coord(x)),
            ("y", &coord(y)),
            ("text-anchor", anchor),
        ],
        text,
    );
}

/// A line of class `class` from (`x1`, `y1`) to (`x2`, `y2`).
pub fn line(m: &mut Markup, class: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    m.empty(
        "line",
        &[
            ("class", class),
            ("x1", &coord(x1)),
            ("x2", &coord(x2)),
            ("y1", &coord(y1)),
            ("y2", &coord(y2)),
        ],
    );
}

/// A rectangle of class `class`.
pub fn rect(m: &mut Markup, class: &str, x: f64, y: f64, w: f64, h: f64) {
    m.empty(
        "rect",
        &[
            ("class", class),
            ("x", &coord(x)),
            ("y", &coord(y)),
            ("width", &coord(w)),
            ("height", &coord(h)),
        ],
    );
}

/// Gridlines and labels along x for the horizontal bar charts.
pub fn x_axis(m: &mut Markup, rows: &Rows, label: fn(f64) -> String) {
    for t in &rows.ticks {
        line(m, "grid", (t.at, 4.0), (t.at, rows.axis_y));
        tick_text(m, t.at, rows.axis_y + 16.0, "middle", &label(t.value));
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

/// A chart's text alternative: a visually hidden table with a caption, column headers and
/// `rows`, each a row header and its cells.
pub fn hidden_table<'a>(
    m: &mut Markup,
    caption: &str,
    columns: &[&str],
    rows: impl IntoIterator<Item = (String, Vec<String>)> + 'a,
) {
    m.open("div", &[("class", "visually-hidden")])
        .open("table", &[])
        .element("caption", &[], caption)
        .open("thead", &[])
        .open("tr", &[]);
    for c in columns {
        m.element("th", &[("scope", "col")], c);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for (head, cells) in rows {
        m.open("tr", &[]).element("th", &[("scope", "row")], &head);
        for c in cells {
            m.element("td", &[], &c);
        }
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
}

/// The label left of a horizontal bar and its value right of `end_x`.
pub fn row_texts(m: &mut Markup, row: &Row, end_x: f64) {
    let baseline = coord(row.y + row.h - 2.0);
    m.element(
        "text",
        &[
            ("class", "tick"),
            ("x", &coord(LABEL_W - 6.0)),
            ("y", &baseline),
            ("text-anchor", "end"),
        ],
        &row.label,
    );
    m.element(
        "text",
        &[
            ("class", "value"),
            ("x", &coord(end_x + 4.0)),
            ("y", &baseline),
        ],
        &percent(row.value),
    );
}
