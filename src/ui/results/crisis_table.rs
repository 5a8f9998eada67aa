//! Crises that happened, replayed on the stack: what each would have done to it at its worst
//! point, which layer broke first and whether exits were possible in time (the catalog's
//! `crises`, each figure sourced in the Sources section).

use crate::ui::data::use_data;
use crate::ui::results::text::CrisisRow;
use crate::ui::state::use_state;
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row per crisis of the catalog in use; nothing until the figures arrive.
#[component]
pub fn CrisisTable() -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let rows: Memo<Vec<CrisisRow>> = Memo::new(move |_| {
        let ticker = state.asset.get().ticker();
        let layers = state
            .report
            .with(|r| r.as_ref().map(|r| r.layers.clone()).unwrap_or_default());
        data.catalog.with(|cat| {
            state.scenario.with(|s| {
                cat.crises
                    .iter()
                    .filter_map(|c| {
                        crate::engine::replay_crisis(s, &c.shock())
                            .ok()
                            .map(|r| CrisisRow::new(c, &r, ticker, &layers))
                    })
                    .collect()
            })
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let row = move |i: usize| {
        let text = move |f: fn(&CrisisRow) -> String| {
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
            <tr data-testid="historical-stress">
                <th scope="row" class="text">
                    {text(|r| r.name.clone())}
                    <span class="layer-kind">{text(|r| r.dates.clone())}</span>
                </th>
                <td class="text">{text(|r| r.profile.clone())}</td>
                <td>{text(|r| r.equity.clone())}</td>
                <td class=change_class>{text(|r| r.change.clone())}</td>
                <td>{move || if liquidated() { view! { <span class="flag">"liquidated"</span> }.into_any() } else { "no".into_any() }}</td>
                <td class="text">{text(|r| r.breaks.clone())}</td>
                <td class="text">{text(|r| r.exit.clone())}</td>
            </tr>
        }
    };
    move || {
        (count.get() > 0).then(|| {
            table_wrap(
                "Crises table (scrolls sideways)".into(),
                view! {
                    <table data-testid="historical-table">
                        <caption>"Crises that happened, replayed on this stack at their worst point (sources under Sources)"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Crisis"</th>
                                <th scope="col">"Shock"</th>
                                <th scope="col">"Equity after"</th>
                                <th scope="col">"Change"</th>
                                <th scope="col">"Liquidated"</th>
                                <th scope="col">"Breaks first"</th>
                                <th scope="col">"Exit"</th>
                            </tr>
                        </thead>
                        <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
                    </table>
                },
            )
        })
    }
}
