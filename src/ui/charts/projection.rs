//! The projected value of the strategy against simply holding.

use super::frame::{chart_figure, hidden_table, line, open_svg, tick_text, usd_tick};
use super::geometry::{self, coord, LABEL_W, WIDTH};
use crate::engine::Report;
use crate::ui::format::{days, number, percent, usd};
use crate::ui::markup::Markup;
use leptos::prelude::*;

/// Projected value of the strategy against simply holding, at constant prices.
#[component]
pub fn ProjectionChart() -> impl IntoView {
    chart_figure(
        "chart-projection",
        "Projected value",
        "Value in USD at today's prices, compounding the net APY (and, after a PT or YT matures, the yield beneath it), against simply holding. Expected losses are not deducted here; see the risk-adjusted APY.",
        None,
        draw,
    )
}

fn draw(r: &Report) -> String {
    let g = geometry::projection(r);
    let s = &r.summary;
    let summary = format!(
        "Projected value: {} for the strategy against {} for holding",
        usd(s.projected_usd),
        usd(s.hold_usd)
    );
    let mut m = Markup::new();
    open_svg(&mut m, g.height, &summary);
    let base = g.height - geometry::PAD_BOTTOM;
    for t in &g.y_ticks {
        line(
            &mut m,
            "grid",
            (LABEL_W * 0.75, t.at),
            (WIDTH - geometry::PAD_RIGHT, t.at),
        );
        tick_text(
            &mut m,
            LABEL_W * 0.75 - 4.0,
            t.at + 4.0,
            "end",
            &usd_tick(t.value),
        );
    }
    for t in &g.x_ticks {
        let label = format!("{}d", number(t.value, 0));
        tick_text(&mut m, t.at, base + 16.0, "middle", &label);
    }
    m.empty("path", &[("class", "line hold"), ("d", &g.hold_path)]);
    m.empty(
        "path",
        &[("class", "line strategy"), ("d", &g.strategy_path)],
    );
    for (class, (x, y)) in [("dot strategy", g.strategy_end), ("dot hold", g.hold_end)] {
        m.empty(
            "circle",
            &[
                ("class", class),
                ("cx", &coord(x)),
                ("cy", &coord(y)),
                ("r", "3"),
            ],
        );
    }
    m.close("svg");
    m.open("ul", &[("class", "legend")]);
    for (class, label) in [
        (
            "swatch strategy",
            format!("Strategy {}", usd(s.projected_usd)),
        ),
        ("swatch hold", format!("Hold {}", usd(s.hold_usd))),
    ] {
        m.open("li", &[])
            .element("span", &[("class", class), ("aria-hidden", "true")], "")
            .text(&label)
            .close("li");
    }
    m.close("ul");
    for mat in &s.maturities {
        let token = r
            .layers
            .get(mat.layer)
            .map(|l| l.token.as_str())
            .unwrap_or_default();
        let note = format!(
            "{token} matures on day {}: from then the position holds its underlying and earns {} APY (the layers beneath it).",
            number(mat.day, 1),
            percent(mat.apy_after)
        );
        m.element(
            "p",
            &[("class", "hint"), ("data-testid", "maturity-note")],
            &note,
        );
    }
    let rows = s
        .projection
        .iter()
        .step_by((s.projection.len() / 8).max(1))
        .chain(s.projection.last())
        .map(|p| (days(p.day), vec![usd(p.strategy_usd), usd(p.hold_usd)]));
    hidden_table(
        &mut m,
        "Projected value over the horizon",
        &["Day", "Strategy", "Hold"],
        rows,
    );
    m.finish()
}
