//! The compare scatter: net APY against expected annual loss, one point per stack, the efficient
//! frontier drawn through the undominated ones, the user's stack highlighted (docs/METHODOLOGY.md
//! §10). Drawn as markup, like the other charts, with its data table as the text alternative.

use super::text::CompareRow;
use crate::engine::efficient_frontier;
use crate::ui::charts::geometry::{
    coord, nice_ticks, Linear, LABEL_W, PAD_BOTTOM, PAD_RIGHT, PAD_TOP, WIDTH,
};
use crate::ui::format::percent;
use crate::ui::markup::Markup;

/// Height of the scatter's viewBox.
const HEIGHT: f64 = 300.0;

/// The scatter of `rows` as markup (an `<svg>` and its hidden table).
pub fn draw(rows: &[CompareRow]) -> String {
    let points: Vec<(f64, f64)> = rows.iter().map(|r| r.point).collect();
    let xs = nice_ticks(0.0, points.iter().map(|p| p.0).fold(0.0, f64::max), 5);
    let (lo_y, hi_y) = points
        .iter()
        .fold((0.0_f64, 0.0_f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let ys = nice_ticks(lo_y, hi_y, 5);
    let domain = |t: &[f64]| {
        (
            t.first().copied().unwrap_or(0.0),
            t.last().copied().unwrap_or(1.0),
        )
    };
    let x = Linear::new(domain(&xs), (LABEL_W * 0.6, WIDTH - PAD_RIGHT));
    let y = Linear::new(domain(&ys), (HEIGHT - PAD_BOTTOM, PAD_TOP));
    let frontier = efficient_frontier(&points);

    let mut m = Markup::new();
    let summary = format!(
        "Net APY against expected loss for {} stacks; {} on the efficient frontier",
        rows.len(),
        frontier.len()
    );
    let view_box = format!("0 0 {} {}", coord(WIDTH), coord(HEIGHT));
    m.open(
        "svg",
        &[
            ("class", "chart-svg"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", &summary),
        ],
    );
    for t in y.ticks(&ys) {
        let (x0, x1) = (coord(LABEL_W * 0.6), coord(WIDTH - PAD_RIGHT));
        let at = coord(t.at);
        m.empty(
            "line",
            &[
                ("class", "grid"),
                ("x1", &x0),
                ("x2", &x1),
                ("y1", &at),
                ("y2", &at),
            ],
        );
        m.element(
            "text",
            &[
                ("class", "tick"),
                ("x", &coord(LABEL_W * 0.6 - 4.0)),
                ("y", &coord(t.at + 4.0)),
                ("text-anchor", "end"),
            ],
            &percent(t.value),
        );
    }
    for t in x.ticks(&xs) {
        m.element(
            "text",
            &[
                ("class", "tick"),
                ("x", &coord(t.at)),
                ("y", &coord(HEIGHT - PAD_BOTTOM + 16.0)),
                ("text-anchor", "middle"),
            ],
            &percent(t.value),
        );
    }
    m.element(
        "text",
        &[
            ("class", "tick"),
            ("x", &coord(WIDTH - PAD_RIGHT)),
            ("y", &coord(HEIGHT - 2.0)),
            ("text-anchor", "end"),
        ],
        "expected loss →",
    );
    let path: Vec<String> = frontier
        .iter()
        .filter_map(|&i| points.get(i))
        .enumerate()
        .map(|(k, p)| {
            format!(
                "{}{},{}",
                if k == 0 { "M" } else { "L" },
                coord(x.map(p.0)),
                coord(y.map(p.1))
            )
        })
        .collect();
    if path.len() > 1 {
        m.empty("path", &[("class", "line frontier"), ("d", &path.concat())]);
    }
    for (i, r) in rows.iter().enumerate() {
        let class = if r.yours {
            "dot yours"
        } else if frontier.contains(&i) {
            "dot efficient"
        } else {
            "dot"
        };
        let (cx, cy) = (coord(x.map(r.point.0)), coord(y.map(r.point.1)));
        m.open(
            "circle",
            &[
                ("class", class),
                ("cx", &cx),
                ("cy", &cy),
                ("r", if r.yours { "6" } else { "4.5" }),
            ],
        )
        .element("title", &[], r.cells.first().map_or("", String::as_str))
        .close("circle");
    }
    m.close("svg");
    m.open("div", &[("class", "visually-hidden")])
        .open("table", &[("data-testid", "compare-scatter-table")])
        .element("caption", &[], "Net APY and expected loss per stack")
        .open("thead", &[])
        .open("tr", &[]);
    for h in ["Stack", "Expected loss", "Net APY", "Efficient"] {
        m.element("th", &[("scope", "col")], h);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for (i, r) in rows.iter().enumerate() {
        m.open("tr", &[])
            .element(
                "th",
                &[("scope", "row")],
                r.cells.first().map_or("", String::as_str),
            )
            .element("td", &[], &percent(r.point.0))
            .element("td", &[], &percent(r.point.1))
            .element("td", &[], if frontier.contains(&i) { "yes" } else { "no" })
            .close("tr");
    }
    m.close("tbody").close("table").close("div");
    m.finish()
}
