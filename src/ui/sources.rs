//! The Sources section: which figures are in use and from when, the live refresh, and every
//! preset figure with its source, date and assumption flag.

use crate::catalog::{Catalog, Figure, FigureUnit};
use crate::ui::catalog_glue::{self, DataSource, DataState, LiveStatus};
use crate::ui::format::{days, number, percent, usd};
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

fn value_text(f: &Figure) -> String {
    match f.unit {
        FigureUnit::Fraction => percent(f.value),
        FigureUnit::Days => days(f.value),
        FigureUnit::Usd => usd(f.value),
        FigureUnit::Number => number(f.value, 4),
    }
}

fn figure_row(name: String, f: &Figure) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td class="num">{value_text(f)}</td>
            <td>
                {f.assumption.then(|| view! { <span class="badge">"assumption"</span> " " })}
                {f.source.clone()}
                {(!f.note.is_empty()).then(|| view! { <span class="muted">{format!(" — {}", f.note)}</span> })}
            </td>
            <td>{f.as_of.clone()}</td>
        </tr>
    }
}

fn figures_table(caption: String, rows: Vec<(String, Figure)>) -> impl IntoView {
    let region = caption.clone();
    table_wrap(
        region,
        view! {
            <table class="figures">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">"Figure"</th><th scope="col">"Value"</th><th scope="col">"Source"</th><th scope="col">"As of"</th></tr></thead>
                <tbody>{rows.into_iter().map(|(n, f)| figure_row(n, &f)).collect_view()}</tbody>
            </table>
        },
    )
}

fn catalog_tables(cat: &Catalog) -> impl IntoView {
    let prices: Vec<(String, Figure)> = cat
        .prices
        .iter()
        .map(|(k, f)| (format!("{k} price"), f.clone()))
        .collect();
    let protocols = cat
        .protocols
        .iter()
        .filter(|p| !p.figures.is_empty())
        .map(|p| {
            let rows = p
                .figures
                .iter()
                .map(|(k, f)| (k.replace('_', " "), f.clone()))
                .collect();
            figures_table(format!("{} ({})", p.name, p.chain), rows)
        })
        .collect_view();
    let products = cat
        .products
        .iter()
        .map(|p| {
            let mut rows: Vec<(String, Figure)> = p
                .params
                .iter()
                .map(|(k, f)| (k.replace('_', " "), f.clone()))
                .collect();
            for a in &p.avs {
                rows.extend(
                    a.params
                        .iter()
                        .map(|(k, f)| (format!("{}: {}", a.name, k.replace('_', " ")), f.clone())),
                );
            }
            view! {
                <details class="product">
                    <summary>{format!("{} · {} · {}", p.name, p.asset.ticker(), p.token)}</summary>
                    {figures_table(format!("Preset figures of {}", p.name), rows)}
                </details>
            }
        })
        .collect_view();
    view! {
        {figures_table("Asset prices".into(), prices)}
        <h3>"Protocols"</h3>
        {protocols}
        <h3>"Layer presets"</h3>
        {products}
    }
}

/// The live-refresh control and its status.
fn live_panel(data: DataState) -> impl IntoView {
    let busy = move || data.live.get() == LiveStatus::Loading;
    let status = move || {
        match data.live.get() {
        LiveStatus::Idle => view! { <p>"Not refreshed: the figures above are in use."</p> }.into_any(),
        LiveStatus::Loading => view! { <p>"Fetching live yields…"</p> }.into_any(),
        LiveStatus::Done { updated, skipped, at } => view! {
            <p>{format!("Updated {} preset(s) from live yields at {at}:", updated.len())}</p>
            <ul data-testid="live-updated">{updated.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
            {(!skipped.is_empty()).then(|| view! {
                <p>"Not updated (kept as before):"</p>
                <ul data-testid="live-skipped">{skipped.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
            })}
        }
        .into_any(),
        LiveStatus::Failed(why) => view! {
            <p class="warn" role="alert">{format!("Live refresh failed: {why}. Nothing was changed.")}</p>
        }
        .into_any(),
    }
    };
    let stale = move || {
        let since = data
            .live_at
            .get()
            .unwrap_or_else(|| catalog_glue::current().as_of.clone());
        format!("Yields stale since {since}")
    };
    view! {
        <div class="live">
            <button type="button" data-testid="refresh-live" on:click=move |_| data.refresh_live() disabled=busy aria-busy=move || busy().to_string()>
                {move || if busy() { "Refreshing…" } else { "Refresh yields from DefiLlama" }}
            </button>
            <p class="muted" data-testid="stale-since">{stale}</p>
            <div data-testid="live-status" role="status" aria-live="polite">{status}</div>
        </div>
    }
}

/// The Sources section (`#sources`, linked from the footer).
#[component]
pub fn Sources() -> impl IntoView {
    let data = use_context::<DataState>();
    let source_line = move || {
        let Some(d) = data else { return String::new() };
        let cat = catalog_glue::current();
        match (d.file_loading.get(), d.source.get()) {
            (true, _) => format!(
                "Loading the site's data file; using the built-in snapshot (as of {}) meanwhile.",
                cat.as_of
            ),
            (false, DataSource::File) => {
                format!("Figures from the site's data file (as of {}).", cat.as_of)
            }
            (false, DataSource::Snapshot) => {
                format!("Figures from the built-in snapshot (as of {}).", cat.as_of)
            }
        }
    };
    let notice = move || {
        data.and_then(|d| d.file_notice.get()).map(|why| view! {
            <p class="warn" data-testid="data-notice" role="status">
                {format!("The site's data file was not used: {why}. The built-in snapshot is in use.")}
            </p>
        })
    };
    let tables = move || catalog_tables(&catalog_glue::current());
    view! {
        <section class="panel sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and assumptions"</h2>
            <p data-testid="data-source">{source_line}</p>
            {notice}
            {data.map(live_panel)}
            <p class="hint">
                "Figures marked “assumption” have no published number behind them: they are editable defaults, with the reason for their size. "
                "Risk events are treated as independent unless you set a correlation; expected loss is a rough guide, not a forecast."
            </p>
            {tables}
        </section>
    }
}
