//! The stress-scenario table: post-shock equity, liquidation, and which layer breaks first.

use crate::engine::Report;
use crate::ui::format::{percent, usd};
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row per deterministic shock.
#[component]
pub fn StressTable(
    /// The report to show.
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// Ticker of the staked asset.
    #[prop(into)]
    ticker: Signal<String>,
) -> impl IntoView {
    let rows = move || {
        report.get().map(|r| {
            let tokens: Vec<String> = r.layers.iter().map(|l| l.token.clone()).collect();
            let ticker = ticker.get();
            r.stress
                .iter()
                .map(|s| {
                    let label = crate::ui::words::stress_label(s, &ticker, &r.layers);
                    let note = crate::ui::words::stress_note(s, &ticker, &r.layers);
                    let breaks = s
                        .breaks_first
                        .and_then(|i| tokens.get(i).map(|t| format!("{t} (layer {})", i + 1)))
                        .unwrap_or_else(|| "—".into());
                    let change_class = if s.equity_change < 0.0 { "neg" } else { "" };
                    view! {
                        <tr data-testid="stress-row">
                            <th scope="row" class="text">{label}</th>
                            <td>{usd(s.equity_after_usd)}</td>
                            <td class=change_class>{percent(s.equity_change)}</td>
                            <td>{if s.liquidated { view! { <span class="flag">"liquidated"</span> }.into_any() } else { "no".into_any() }}</td>
                            <td class="text">{breaks}</td>
                            <td class="text">{note}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
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
                <tbody>{rows}</tbody>
            </table>
        },
    )
}
