//! The yield waterfall: what each layer adds to (or takes from) the APY on equity.

use super::frame::{chart_figure, hidden_table, line, open_svg, per_layer, rect, tick_text};
use super::geometry::{self, coord, LABEL_W, WIDTH};
use crate::engine::Report;
use crate::ui::format::{percent, signed_percent};
use crate::ui::markup::Markup;
use leptos::prelude::*;

/// What each layer adds to (or takes from) the APY on equity, stepping up to the net APY.
#[component]
pub fn YieldWaterfall() -> impl IntoView {
    chart_figure(
        "chart-waterfall",
        "Yield by layer",
        "APY on equity each layer adds or takes (fees, rewards, borrow cost), stepping up to the net APY. Points excluded unless included in the settings.",
        None,
        draw,
    )
}

fn draw(r: &Report) -> String {
    let g = geometry::waterfall(r);
    let summary = format!(
        "Yield by layer: {}; net {} APY",
        per_layer(r, |l| signed_percent(l.yield_added.apy)),
        percent(r.summary.net.apy)
    );
    let mut m = Markup::new();
    open_svg(&mut m, g.height, &summary);
    for t in &g.ticks {
        line(&mut m, "grid", (LABEL_W * 0.5, t.at), (WIDTH, t.at));
        tick_text(
            &mut m,
            LABEL_W * 0.5 - 4.0,
            t.at + 4.0,
            "end",
            &percent(t.value),
        );
    }
    line(&mut m, "axis", (LABEL_W * 0.5, g.zero_y), (WIDTH, g.zero_y));
    let label_y = g.height - 8.0;
    for b in &g.bars {
        let class = if b.total {
            "bar total"
        } else if b.negative {
            "bar neg"
        } else {
            "bar pos"
        };
        rect(&mut m, class, b.x, b.y, b.w, b.h);
        let cx = b.x + b.w / 2.0;
        let value_y = if b.negative {
            b.y + b.h + 12.0
        } else {
            b.y - 4.0
        };
        m.element(
            "text",
            &[
                ("class", "value"),
                ("x", &coord(cx)),
                ("y", &coord(value_y.max(10.0))),
                ("text-anchor", "middle"),
            ],
            &percent(b.value),
        );
        tick_text(&mut m, cx, label_y, "middle", &b.label);
    }
    m.close("svg");
    let rows = r
        .layers
        .iter()
        .map(|l| {
            (
                l.token.clone(),
                vec![signed_percent(l.yield_added.apy), percent(l.cumulative.apy)],
            )
        })
        .chain([(
            "Net".to_string(),
            vec![String::new(), percent(r.summary.net.apy)],
        )]);
    hidden_table(
        &mut m,
        "APY added per layer",
        &["Layer", "Adds (APY)", "Cumulative APY"],
        rows,
    );
    m.finish()
}
