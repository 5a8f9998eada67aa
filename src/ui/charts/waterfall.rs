//! The yield waterfall: what each layer adds to (or takes from) the APY on equity.

use super::frame::{chart_figure, hidden_table, per_layer, view_box};
use super::geometry::{self, coord, LABEL_W, WIDTH};
use crate::ui::format::{percent, signed_percent};
use leptos::prelude::*;

/// What each layer adds to (or takes from) the APY on equity, stepping up to the net APY.
#[component]
pub fn YieldWaterfall() -> impl IntoView {
    let report = crate::ui::state::use_state().report;
    let body = move || {
        report.with(|r| r.as_ref().map(|r| {
            let g = geometry::waterfall(r);
            let summary = format!(
                "Yield by layer: {}; net {} APY",
                per_layer(r, |l| signed_percent(l.yield_added.apy)),
                percent(r.summary.net.apy)
            );
            let label_y = g.height - 8.0;
            let bars = g
                .bars
                .iter()
                .map(|b| {
                    let class = if b.total {
                        "bar total"
                    } else if b.negative {
                        "bar neg"
                    } else {
                        "bar pos"
                    };
                    let cx = b.x + b.w / 2.0;
                    let value_y = if b.negative { b.y + b.h + 12.0 } else { b.y - 4.0 };
                    view! {
                        <rect class=class x=coord(b.x) y=coord(b.y) width=coord(b.w) height=coord(b.h)/>
                        <text class="value" x=coord(cx) y=coord(value_y.max(10.0)) text-anchor="middle">{percent(b.value)}</text>
                        <text class="tick" x=coord(cx) y=coord(label_y) text-anchor="middle">{b.label.clone()}</text>
                    }
                })
                .collect_view();
            let ticks = g
                .ticks
                .iter()
                .map(|t| {
                    view! {
                        <line class="grid" x1=coord(LABEL_W * 0.5) x2=coord(WIDTH) y1=coord(t.at) y2=coord(t.at)/>
                        <text class="tick" x=coord(LABEL_W * 0.5 - 4.0) y=coord(t.at + 4.0) text-anchor="end">{percent(t.value)}</text>
                    }
                })
                .collect_view();
            let rows = r
                .layers
                .iter()
                .map(|l| {
                    view! {
                        <tr><th scope="row">{l.token.clone()}</th><td>{signed_percent(l.yield_added.apy)}</td><td>{percent(l.cumulative.apy)}</td></tr>
                    }
                })
                .collect_view();
            view! {
                <svg class="chart-svg" viewBox=view_box(g.height) role="img" aria-label=summary>
                    {ticks}
                    <line class="axis" x1=coord(LABEL_W * 0.5) x2=coord(WIDTH) y1=coord(g.zero_y) y2=coord(g.zero_y)/>
                    {bars}
                </svg>
                {hidden_table(
                    "APY added per layer",
                    &["Layer", "Adds (APY)", "Cumulative APY"],
                    view! { {rows}<tr><th scope="row">"Net"</th><td></td><td>{percent(r.summary.net.apy)}</td></tr> },
                )}
            }
        }))
    };
    chart_figure(
        "chart-waterfall",
        "Yield by layer",
        "APY on equity each layer adds or takes (fees, rewards, borrow cost), stepping up to the net APY. Points excluded unless included in the settings.",
        body,
    )
}
