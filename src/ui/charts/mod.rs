//! Hand-written SVG charts (no chart library): yield waterfall, risk stack, margin ladder and
//! projected value. `geometry` computes every shape from the `Report`; the components here only
//! draw it. Each chart is an `<svg role="img">` with a one-line `aria-label` and a visually
//! hidden table holding the same numbers, its text alternative. Colours come from classes in
//! `style/charts.css` (the CSP forbids inline styles).

pub mod geometry;

use crate::engine::{LayerReport, Report};
use crate::ui::format::{days, percent, signed_percent, usd};
use geometry::{coord, part_class, Part, Row, Rows, LABEL_W, RISK_PARTS, WIDTH};
use leptos::prelude::*;

fn view_box(height: f64) -> String {
    format!("0 0 {} {}", coord(WIDTH), coord(height))
}

/// Compact USD for axis ticks: "$96k", "$1.2M", "$950".
fn usd_tick(v: f64) -> String {
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
fn x_axis(rows: &Rows, label: fn(f64) -> String) -> impl IntoView {
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
fn chart_figure(
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
fn per_layer(r: &Report, figure: impl Fn(&LayerReport) -> String) -> String {
    r.layers
        .iter()
        .map(|l| format!("{} {}", l.token, figure(l)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A chart's text alternative: a visually hidden table with a caption and column headers.
fn hidden_table(
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
fn row_texts(row: &Row, end_x: f64) -> impl IntoView {
    let baseline = coord(row.y + row.h - 2.0);
    view! {
        <text class="tick" x=coord(LABEL_W - 6.0) y=baseline.clone() text-anchor="end">{row.label.clone()}</text>
        <text class="value" x=coord(end_x + 4.0) y=baseline>{percent(row.value)}</text>
    }
}

/// What each layer adds to (or takes from) the APY on equity, stepping up to the net APY.
#[component]
pub fn YieldWaterfall(
    /// The report to draw.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let body = move || {
        report.get().map(|r| {
            let g = geometry::waterfall(&r);
            let summary = format!(
                "Yield by layer: {}; net {} APY",
                per_layer(&r, |l| signed_percent(l.yield_added.apy)),
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
        })
    };
    chart_figure(
        "chart-waterfall",
        "Yield by layer",
        "APY on equity each layer adds or takes (fees, rewards, borrow cost), stepping up to the net APY. Points excluded unless included in the settings.",
        body,
    )
}

/// Each layer's contribution to expected annual loss of equity, split by risk kind.
#[component]
pub fn RiskStack(
    /// The report to draw.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
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
        report.get().map(|r| {
            let g = geometry::risk_stack(&r);
            let summary = format!(
                "Expected annual loss by layer: {}; total {} of equity",
                per_layer(&r, |l| percent(l.expected_loss)),
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
        })
    };
    chart_figure(
        "chart-risk",
        "Risk stack",
        "Expected annual loss of equity each layer's events cause (probability × loss of the whole position, liquidations they trigger included), by kind of risk.",
        view! { <ul class="legend">{legend}</ul> {body} },
    )
}

/// The safety margin left at each depth of the stack.
#[component]
pub fn MarginLadder(
    /// The report to draw.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let body = move || {
        report.get().map(|r| {
            let g = geometry::margin_ladder(&r);
            let summary = format!(
                "Safety margin by depth: {}",
                per_layer(&r, |l| percent(l.margin))
            );
            let bars = g
                .rows
                .iter()
                .map(|row| {
                    let class = if row.value < 0.1 { "seg margin low" } else { "seg margin" };
                    let w = row.segments.first().map(|s| s.w).unwrap_or(0.0).max(1.0);
                    view! {
                        <rect class=class x=coord(LABEL_W) y=coord(row.y) width=coord(w) height=coord(row.h)/>
                        {row_texts(row, LABEL_W + w)}
                    }
                })
                .collect_view();
            let rows = r
                .layers
                .iter()
                .map(|l| {
                    view! { <tr><th scope="row">{l.token.clone()}</th><td>{percent(l.margin)}</td><td>{days(l.stack_exit_days)}</td></tr> }
                })
                .collect_view();
            view! {
                <svg class="chart-svg" viewBox=view_box(g.height) role="img" aria-label=summary>
                    {x_axis(&g, percent)}
                    {bars}
                </svg>
                {hidden_table(
                    "Safety margin left at each depth",
                    &["Layer", "Margin left", "Exit path"],
                    rows,
                )}
            }
        })
    };
    chart_figure(
        "chart-margin",
        "Margin ladder",
        "The largest price drop or depeg the stack survives, down to that layer, without liquidation or total loss. It can only shrink as layers are added.",
        body,
    )
}

/// Projected value of the strategy against simply holding, at constant prices.
#[component]
pub fn ProjectionChart(
    /// The report to draw.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let body = move || {
        report.get().map(|r| {
            let g = geometry::projection(&r);
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
                {hidden_table(
                    "Projected value over the horizon",
                    &["Day", "Strategy", "Hold"],
                    rows,
                )}
            }
        })
    };
    chart_figure(
        "chart-projection",
        "Projected value",
        "Value in USD at today's prices, compounding the net APY, against simply holding. Expected losses are not deducted here; see the risk-adjusted APY.",
        body,
    )
}
