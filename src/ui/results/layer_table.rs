//! The per-layer table: what each layer adds, the exposure it builds and the risk it brings.

use crate::engine::Report;
use crate::ui::format::{days, percent};
use crate::ui::results::layer_cells;
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row per layer, bottom of the stack first.
#[component]
pub fn LayerTable(
    /// The report to show.
    #[prop(into)]
    report: Signal<Option<Report>>,
) -> impl IntoView {
    let rows = move || {
        report
            .get()
            .map(|r| {
                r.layers
                    .into_iter()
                    .map(|l| {
                        let risks = if l.risks.is_empty() {
                            "—".to_string()
                        } else {
                            l.risks
                                .iter()
                                .map(|e| {
                                    let liq = if e.liquidates.is_some() {
                                        " (liquidation included)"
                                    } else {
                                        ""
                                    };
                                    format!(
                                        "{} {}{liq}",
                                        crate::ui::words::event_label(&l, e),
                                        percent(e.expected_loss)
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join("; ")
                        };
                        let position = (l.loops_in_position > 1).then(|| {
                            view! {
                                " "
                                <span class="flag" title="This loop's lender sees the debt of every loop beneath it on the same collateral: the health shown is the whole position's">
                                    {format!("{} loops, one position", l.loops_in_position)}
                                </span>
                            }
                        });
                        let added_class = if l.yield_added.apr < 0.0 { "neg" } else { "" };
                        let [added, cumulative, leverage, exposure, health, margin] = layer_cells(&l);
                        let kind = crate::ui::words::kind_label(l.kind);
                        view! {
                            <tr data-testid="layer-row">
                                <th scope="row" class="text">
                                    {l.token.clone()}
                                    <span class="layer-kind">{format!("{kind} · {}", l.protocol)}</span>
                                </th>
                                <td class=added_class>{added}</td>
                                <td>{cumulative}</td>
                                <td>{leverage}</td>
                                <td>{exposure}</td>
                                <td>{health}{position}</td>
                                <td>{margin}</td>
                                <td>
                                    {days(l.exit_days)}
                                    {l.liquidity_mismatch.then(|| view! { " " <span class="flag" title="Trades instantly while the stack beneath needs days to redeem">"mismatch"</span> })}
                                </td>
                                <td class="text">{risks}</td>
                                <td>{percent(l.expected_loss)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
    };
    table_wrap(
        "Per-layer table (scrolls sideways)".into(),
        view! {
            <table data-testid="layer-table">
                <caption class="visually-hidden">"Per-layer yield, leverage and risk"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Layer"</th>
                        <th scope="col" title="APR this layer adds on equity">"Adds (APR)"</th>
                        <th scope="col">"Cumulative APY"</th>
                        <th scope="col" title="Collateral value / equity: the product of the loops' leverage">"Leverage"</th>
                        <th scope="col" title="Loops × 1/P_YT: what one point of underlying yield does to the equity's APY">"Yield exposure"</th>
                        <th scope="col">"Health"</th>
                        <th scope="col" title="Largest shock survived without liquidation or total loss">"Margin left"</th>
                        <th scope="col">"Exit"</th>
                        <th scope="col">"Risks added (expected loss)"</th>
                        <th scope="col">"Expected loss"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        },
    )
}
