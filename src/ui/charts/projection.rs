//! The projected value of the strategy against simply holding.

use super::frame::{chart_figure, hidden_table, usd_tick, view_box};
use super::geometry::{self, coord, LABEL_W, WIDTH};
use crate::ui::format::{days, percent, usd};
use leptos::prelude::*;

/// Projected value of the strategy against simply holding, at constant prices.
#[component]
pub fn ProjectionChart() -> impl IntoView {
    let report = crate::ui::state::use_state().report;
    let body = move || {
        report.with(|r| r.as_ref().map(|r| {
            let g = geometry::projection(r);
            let s = &r.summary;
            let summary = format!(
                "Projected value: {} for the strategy against {} for holding",
                usd(s.projected_usd),
                usd(s.hold_usd)
            );
            let base = g.height - geometry::PAD_BOTTOM;
            let y_ticks = g
                .y_ticks
                .iter()
                .map(|t| {
                    view! {
                        <line class="grid" x1=coord(LABEL_W * 0.75) x2=coord(WIDTH - geometry::PAD_RIGHT) y1=coord(t.at) y2=coord(t.at)/>
                        <text class="tick" x=coord(LABEL_W * 0.75 - 4.0) y=coord(t.at + 4.0) text-anchor="end">{usd_tick(t.value)}</text>
                    }
                })
                .collect_view();
            let x_ticks = g
                .x_ticks
                .iter()
                .map(|t| view! { <text class="tick" x=coord(t.at) y=coord(base + 16.0) text-anchor="middle">{format!("{}d", crate::ui::format::number(t.value, 0))}</text> })
                .collect_view();
            let rows = s
                .projection
                .iter()
                .step_by((s.projection.len() / 8).max(1))
                .chain(s.projection.last())
                .map(|p| view! { <tr><th scope="row">{days(p.day)}</th><td>{usd(p.strategy_usd)}</td><td>{usd(p.hold_usd)}</td></tr> })
                .collect_view();
            view! {
                <svg class="chart-svg" viewBox=view_box(g.height) role="img" aria-label=summary>
                    {y_ticks}
                    {x_ticks}
                    <path class="line hold" d=g.hold_path/>
                    <path class="line strategy" d=g.strategy_path/>
                    <circle class="dot strategy" cx=coord(g.strategy_end.0) cy=coord(g.strategy_end.1) r="3"/>
                    <circle class="dot hold" cx=coord(g.hold_end.0) cy=coord(g.hold_end.1) r="3"/>
                </svg>
                <ul class="legend">
                    <li><span class="swatch strategy" aria-hidden="true"></span>{format!("Strategy {}", usd(s.projected_usd))}</li>
                    <li><span class="swatch hold" aria-hidden="true"></span>{format!("Hold {}", usd(s.hold_usd))}</li>
                </ul>
                {s.maturities.iter().map(|m| {
                    let token = r.layers.get(m.layer).map(|l| l.token.clone()).unwrap_or_default();
                    view! {
                        <p class="hint" data-testid="maturity-note">
                            {format!(
                                "{token} matures on day {}: from then the position holds its underlying and earns {} APY (the layers beneath it).",
                                crate::ui::format::number(m.day, 1),
                                percent(m.apy_after)
                            )}
                        </p>
                    }
                }).collect_view()}
                {hidden_table(
                    "Projected value over the horizon",
                    &["Day", "Strategy", "Hold"],
                    rows,
                )}
            }
        }))
    };
    chart_figure(
        "chart-projection",
        "Projected value",
        "Value in USD at today's prices, compounding the net APY (and, after a PT or YT matures, the yield beneath it), against simply holding. Expected losses are not deducted here; see the risk-adjusted APY.",
        body,
    )
}
