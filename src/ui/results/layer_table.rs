//! The per-layer table: what each layer adds, the leverage it builds and the risk it brings.

use crate::ui::results::text::LayerRow;
use crate::ui::state::use_state;
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row per layer, bottom of the stack first. Rows are keyed by position; each cell follows
/// its own text, so an edit updates the cells it changes and nothing else.
#[component]
pub fn LayerTable() -> impl IntoView {
    let state = use_state();
    let rows: Memo<Vec<LayerRow>> = Memo::new(move |_| {
        let ticker = state.asset.get().ticker();
        state.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.layers
                        .iter()
                        .map(|l| LayerRow::new(l, &r.layers, ticker))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let row = move |i: usize| {
        let text = move |f: fn(&LayerRow) -> String| {
            move || rows.with(|r| r.get(i).map(f).unwrap_or_default())
        };
        let cell = move |k: usize| {
            move || {
                rows.with(|r| {
                    r.get(i)
                        .and_then(|row| row.cells.get(k).cloned())
                        .unwrap_or_default()
                })
            }
        };
        let flag =
            move |f: fn(&LayerRow) -> Option<String>| move || rows.with(|r| r.get(i).and_then(f));
        let added_class = move || {
            if rows.with(|r| r.get(i).is_some_and(|r| r.takes)) {
                "neg"
            } else {
                ""
            }
        };
        let mismatch = move || rows.with(|r| r.get(i).is_some_and(|r| r.mismatch));
        view! {
            <tr data-testid="layer-row">
                <th scope="row" class="text">
                    {text(|r| r.token.clone())}
                    <span class="layer-kind">{text(|r| r.kind.clone())}</span>
                </th>
                <td class=added_class data-label="Adds (APR)">{cell(0)}</td>
                <td data-label="Cumulative APY">{cell(1)}</td>
                <td data-label="Leverage">
                    {cell(2)}
                    {move || flag(|r| r.leverage_on.clone())().map(|t| view! { <span class="layer-kind">{t}</span> })}
                </td>
                <td data-label="Yield exposure">{cell(3)}</td>
                <td data-label="Health">
                    {cell(4)}
                    {move || flag(|r| r.position.clone())().map(|t| view! {
                        " "
                        <span class="flag" title="This loop's lender sees the debt of every loop beneath it on the same collateral: the health shown is the whole position's">{t}</span>
                    })}
                </td>
                <td data-label="Margin left">{cell(5)}</td>
                <td data-label="Exit">
                    {text(|r| r.exit.clone())}
                    {move || mismatch().then(|| view! { " " <span class="flag" title="Trades instantly while the stack beneath needs days to redeem">"mismatch"</span> })}
                </td>
                <td class="text" data-label="Risks added">{text(|r| r.risks.clone())}</td>
                <td data-label="Expected loss">{text(|r| r.expected_loss.clone())}</td>
                <td data-label="Costs" data-testid="layer-costs">{text(|r| r.costs.clone())}</td>
            </tr>
        }
    };
    table_wrap(
        "Per-layer table (scrolls sideways)".into(),
        view! {
            <table data-testid="layer-table" class="layer-table">
                <caption class="visually-hidden">"Per-layer yield, leverage and risk"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Layer"</th>
                        <th scope="col" title="APR this layer adds on equity">"Adds (APR)"</th>
                        <th scope="col">"Cumulative APY"</th>
                        <th scope="col" title="Collateral value / equity: the product of the loops' leverage">"Leverage"</th>
                        <th scope="col" title="Loops × 1/P_YT: what one point of underlying yield does to the equity's APY">"Yield exposure"</th>
                        <th scope="col">"Health"</th>
                        <th scope="col" title="Largest price drop or depeg survived without liquidation or total loss">"Margin left"</th>
                        <th scope="col">"Exit"</th>
                        <th scope="col">"Risks added (expected loss)"</th>
                        <th scope="col">"Expected loss"</th>
                        <th scope="col" title="Entering today and leaving on the horizon day by the stack's cheaper exit: gas, fees and price impact">"Costs (in · out)"</th>
                    </tr>
                </thead>
                <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
            </table>
        },
    )
}
