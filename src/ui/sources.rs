//! The Sources section: which figures are in use and from when, the live refresh, and every
//! preset figure with its source, date and assumption flag.

use crate::catalog::{Catalog, Figure, FigureUnit};
use crate::ui::data::{use_data, FileStatus};
use crate::ui::format::{days, number, percent, usd};
use crate::ui::live_panel::LivePanel;
use crate::ui::table_wrap::table_wrap;
use crate::ui::words::figure_label;
use leptos::prelude::*;

fn value_text(f: &Figure) -> String {
    match f.unit {
        FigureUnit::Fraction => percent(f.value),
        FigureUnit::Days => days(f.value),
        FigureUnit::Usd => usd(f.value),
        FigureUnit::Number => number(f.value, 4),
        FigureUnit::Gas => format!("{} gas", number(f.value, 0)),
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
                .map(|(k, f)| (figure_label(k), f.clone()))
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
                .map(|(k, f)| (figure_label(k), f.clone()))
                .collect();
            for a in &p.avs {
                rows.extend(
                    a.params
                        .iter()
                        .map(|(k, f)| (format!("{}: {}", a.name, figure_label(k)), f.clone())),
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
    let crises = cat
        .crises
        .iter()
        .map(|c| {
            let rows: Vec<(String, Figure)> = c
                .figures()
                .map(|(k, f)| (figure_label(k), f.clone()))
                .collect();
            figures_table(format!("{} ({} – {})", c.name, c.start, c.end), rows)
        })
        .collect_view();
    view! {
        {figures_table("Asset prices".into(), prices)}
        <h3>"Crises"</h3>
        {crises}
        <h3>"Protocols"</h3>
        {protocols}
        <h3>"Layer presets"</h3>
        {products}
    }
}

/// The Sources section (`#sources`, linked from the footer).
#[component]
pub fn Sources() -> impl IntoView {
    let data = use_data();
    let file = Memo::new(move |_| data.status.with(|s| s.file.clone()));
    let source_line = move || {
        let as_of = data.catalog.with(|c| c.as_of.clone());
        match file.get() {
            FileStatus::Loading => "Loading the site's data file…".to_string(),
            FileStatus::Used => format!("Figures from the site's data file (as of {as_of})."),
            FileStatus::Fallback(_) => {
                format!("Figures shipped with Restack (as of {as_of}).")
            }
            FileStatus::Unavailable(_) => {
                "No figures available: links still compute; presets and sources are missing.".into()
            }
        }
    };
    let notice = move || match file.get() {
        FileStatus::Fallback(why) => Some(view! {
            <p class="warn" data-testid="data-notice" role="status">
                {format!("The site's data file was not used: {why}. The figures shipped with Restack are in use.")}
            </p>
        }),
        FileStatus::Unavailable(why) => Some(view! {
            <p class="warn" data-testid="data-notice" role="status">
                {format!("The site's data file was not used: {why}.")}
            </p>
        }),
        _ => None,
    };
    let tables = move || data.catalog.with(catalog_tables);
    view! {
        <section class="panel sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and assumptions"</h2>
            <p data-testid="data-source">{source_line}</p>
            {notice}
            <LivePanel/>
            <p class="hint">
                "Figures marked “assumption” have no published number behind them: they are editable defaults, with the reason for their size. "
                "Risk events are treated as independent unless you set a correlation; expected loss is a rough guide, not a forecast."
            </p>
            {tables}
        </section>
    }
}
