//! The stress-scenario table: post-shock equity, liquidation, and which layer breaks first.

use crate::ui::results::text::StressRow;
use crate::ui::state::use_state;
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row per deterministic shock; each cell follows its own text.
#[component]
pub fn StressTable() -> impl IntoView {
    let state = use_state();
    let rows: Memo<Vec<StressRow>> = Memo::new(move |_| {
        let ticker = state.asset.get().ticker();
        state.report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.stress
                        .iter()
                        .map(|s| StressRow::new(s, ticker, &r.layers))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let row = move |i: usize| {
        let text = move |f: fn(&StressRow) -> String| {
            move || rows.with(|r| r.get(i).map(f).unwrap_or_default())
        };
        let change_class = move || {
            if rows.with(|r| r.get(i).is_some_and(|r| r.loss)) {
                "neg"
            } else {
                ""
            }
        };
        let liquidated = move || rows.with(|r| r.get(i).is_some_and(|r| r.liquidated));
        view! {
            <tr data-testid="stress-row">
                <th scope="row" class="text">{text(|r| r.label.clone())}</th>
                <td>{text(|r| r.equity.clone())}</td>
                <td class=change_class>{text(|r| r.change.clone())}</td>
                <td>{move || if liquidated() { view! { <span class="flag">"liquidated"</span> }.into_any() } else { "no".into_any() }}</td>
                <td class="text">{text(|r| r.breaks.clone())}</td>
                <td class="text">{text(|r| r.note.clone())}</td>
            </tr>
        }
    };
    table_wrap(
        "Stress table (scrolls sideways)".into(),
        view! {
            <table data-testid="stress-table">
                <caption class="visually-hidden">"Stress scenarios"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Shock"</th>
                        <th scope="col">"Equity after"</th>
                        <th scope="col">"Change"</th>
                        <th scope="col">"Liquidated"</th>
                        <th scope="col">"Breaks first"</th>
                        <th scope="col">"Why"</th>
                    </tr>
                </thead>
                <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
            </table>
        },
    )
}
