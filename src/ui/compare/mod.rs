//! The compare view (`view=compare`, docs/METHODOLOGY.md §10): every ready-made strategy beside
//! the user's stack for the same stake, sortable, with the net APY / expected loss scatter and its
//! efficient frontier. Built into the on-demand views build (`src/bin/views.rs`), not the first
//! load of the calculator.

mod scatter;
pub mod text;

use crate::share::{self, Page, ViewOptions};
use crate::ui::data::use_data;
use crate::ui::link::page_base;
use crate::ui::share_bar::ShareBar;
use crate::ui::stake_fields::StakeFields;
use crate::ui::state::use_state;
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;
use text::{CompareRow, COLUMNS};

/// A row and the calculator link it opens.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    row: CompareRow,
    href: String,
}

/// The table, the scatter and the stake they are computed for.
#[component]
pub fn CompareView(
    /// The link's notices.
    notices: Option<AnyView>,
) -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let embed = state.view.with_value(|v| v.embed);
    let theme = state.view.with_value(|v| v.theme);
    let entries: Memo<Vec<Entry>> = Memo::new(move |_| {
        data.catalog.with(|cat| {
            state.scenario.with(|user| {
                text::rows(cat, user)
                    .into_iter()
                    .map(|(row, scenario, strategy)| {
                        let view = ViewOptions {
                            strategy: strategy.map(|s| s.id.to_string()),
                            theme,
                            ..Default::default()
                        };
                        let href = format!("{}?{}", page_base(), share::encode(&scenario, &view));
                        Entry { row, href }
                    })
                    .collect()
            })
        })
    });
    let sort = RwSignal::new((2usize, false));
    let sorted = Memo::new(move |_| {
        let (col, asc) = sort.get();
        let mut rows = entries.get();
        let mut plain: Vec<CompareRow> = rows.iter().map(|e| e.row.clone()).collect();
        text::sort(&mut plain, col, asc);
        // Reorder the entries as the rows were sorted (ids are unique).
        plain
            .into_iter()
            .filter_map(|r| {
                let i = rows.iter().position(|e| e.row.id == r.id)?;
                Some(rows.remove(i))
            })
            .collect::<Vec<Entry>>()
    });
    let header = move |col: usize| {
        let name = COLUMNS.get(col).copied().unwrap_or_default();
        let aria = move || {
            let (c, asc) = sort.get();
            if c != col {
                "none"
            } else if asc {
                "ascending"
            } else {
                "descending"
            }
        };
        let click = move |_| {
            sort.update(|(c, asc)| {
                if *c == col {
                    *asc = !*asc;
                } else {
                    *c = col;
                    // Text sorts A→Z first, figures largest first.
                    *asc = col == 0 || col + 1 == COLUMNS.len();
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" data-testid="compare-sort" on:click=click>{name}</button>
            </th>
        }
    };
    let body = move || {
        sorted
            .get()
            .into_iter()
            .map(|e| {
                let r = e.row;
                let flag = r.concentrated.as_ref().map(|(name, share)| {
                    let text = format!("{name} {}", crate::ui::format::percent(*share));
                    view! { " " <span class="flag" title="A protocol holding more than a third of its sector">{text}</span> }
                });
                let cells = r
                    .cells
                    .iter()
                    .skip(1)
                    .map(|c| view! { <td>{c.clone()}</td> })
                    .collect_view();
                let name = r.cells.first().cloned().unwrap_or_default();
                let depth = format!("depth {}", r.depth);
                view! {
                    <tr data-testid="compare-row" data-strategy=r.id.clone() class:yours=r.yours>
                        <th scope="row" class="text">
                            <a href=e.href data-testid="compare-open">{name}</a>
                            <span class="layer-kind">{depth}</span>
                            {flag}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let scatter = Memo::new(move |_| {
        entries.with(|e| {
            let rows: Vec<CompareRow> = e.iter().map(|x| x.row.clone()).collect();
            scatter::draw(&rows)
        })
    });
    let as_of = move || data.as_of_label();
    let calculator_href = move || {
        let view = ViewOptions {
            page: Page::Calculator,
            theme,
            strategy: state.strategy.get().map(str::to_string),
            ..Default::default()
        };
        state
            .scenario
            .with(|s| format!("{}?{}", page_base(), share::encode(s, &view)))
    };
    view! {
        {(!embed).then(|| view! {
            <header class="site-header">
                <h1>"Restack · compare strategies"</h1>
                <p class="tagline">"Every ready-made stack for the same stake: yield, leverage and risk side by side."</p>
            </header>
        })}
        <main data-testid="compare-view" class:embed-main=embed>
            {notices}
            <section class="panel" aria-labelledby="compare-stake-title">
                <header class="embed-bar">
                    <h2 id="compare-stake-title">"The stake"</h2>
                    {if embed {
                        view! { <a href=calculator_href target="_blank" rel="noopener" data-testid="open-full">"Open full calculator ↗"</a> }.into_any()
                    } else {
                        view! { <span class="toolbar"><a href=calculator_href data-testid="back-to-calculator">"← Back to the calculator"</a><ShareBar/></span> }.into_any()
                    }}
                </header>
                <div class="fields"><StakeFields/></div>
                <p class="hint">{move || format!(
                    "Strategies of your asset use your amount and price; the others the same value in USD at their catalog price. Figures as of {}.",
                    as_of()
                )}</p>
            </section>
            <section class="panel" aria-labelledby="compare-title">
                <h2 id="compare-title">"Every strategy for this stake"</h2>
                <p class="hint">"Sort by any column. A flag marks a protocol holding more than a third of its sector; a name opens that stack in the calculator."</p>
                {table_wrap(
                    "Comparison table (scrolls sideways)".into(),
                    view! {
                        <table class="compare-table" data-testid="compare-table">
                            <caption class="visually-hidden">"Strategies compared for the same stake"</caption>
                            <thead><tr>{(0..COLUMNS.len()).map(header).collect_view()}</tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    },
                )}
            </section>
            <figure class="chart panel" data-testid="compare-scatter">
                <figcaption>
                    <h2>"Yield against expected loss"</h2>
                    <p class="hint">"Net APY against expected annual loss of equity; the line joins the stacks no other stack beats on both (the efficient frontier); the larger dot is your stack."</p>
                </figcaption>
                <div class="chart-body" inner_html=move || scatter.get()></div>
            </figure>
        </main>
    }
}
