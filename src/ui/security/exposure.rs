//! The user's exposure (docs/METHODOLOGY.md §13): when the link also carries a scenario, which of
//! its restake layers' AVSs sit on unsafe services or fall in the worst cascade, and what that
//! would slash from the layer's backing (`engine::security::exposure`).

use super::text;
use super::Sec;
use crate::engine::security::exposure;
use crate::engine::{LayerKind, Scenario};
use crate::ui::format::{percent, usd};
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;

/// One row of the exposure table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    layer: String,
    avs: String,
    service: String,
    status: String,
    falls: String,
    magnitude: String,
}

/// Per layer: its token, the unsafe slash and the cascade slash, as text.
#[derive(Debug, Clone, PartialEq)]
struct LayerLine {
    token: String,
    unsafe_slash: String,
    cascade_slash: String,
}

/// The exposure panel: a table when the link carries a scenario, else how to get one.
#[component]
pub(super) fn ExposurePanel(
    /// The view's state.
    sec: Sec,
    /// The link's scenario, if any.
    scenario: StoredValue<Option<Scenario>>,
    /// Link to the calculator.
    calculator_href: Signal<String>,
    /// The theme the link forces, carried into the calculator links.
    theme: Option<crate::share::Theme>,
) -> impl IntoView {
    let has_scenario = scenario.with_value(Option::is_some);
    let table = Memo::new(move |_| {
        sec.last.with(|last| {
            let (network, analysis) = last.as_ref()?;
            scenario.with_value(|s| {
                let s = s.as_ref()?;
                let e = exposure(s, network, analysis);
                let token = |i: usize| {
                    s.layers
                        .get(i)
                        .map_or_else(String::new, |l| l.token.clone())
                };
                let mut rows = Vec::new();
                let mut lines = Vec::new();
                for l in &e.layers {
                    let avs_names: Vec<String> = match s.layers.get(l.layer).map(|x| &x.kind) {
                        Some(LayerKind::Restake { avs, .. }) => {
                            avs.iter().map(|a| a.name.clone()).collect()
                        }
                        _ => Vec::new(),
                    };
                    for a in &l.avs {
                        rows.push(Row {
                            layer: token(l.layer),
                            avs: avs_names.get(a.avs).cloned().unwrap_or_default(),
                            service: a
                                .service
                                .and_then(|i| network.services.get(i))
                                .map_or_else(|| "—".to_string(), |x| x.name.clone()),
                            status: text::status(a.status).to_string(),
                            falls: match (a.falls_at_step, &analysis.cascade) {
                                (Some(k), _) => format!("falls at step {}", k + 1),
                                (None, crate::engine::security::Cascade::Exact(_)) => {
                                    "does not fall".to_string()
                                }
                                (None, _) => "not computed".to_string(),
                            },
                            magnitude: percent(a.magnitude),
                        });
                    }
                    lines.push(LayerLine {
                        token: token(l.layer),
                        unsafe_slash: percent(l.unsafe_slash_ratio),
                        cascade_slash: l
                            .cascade_slash_ratio
                            .map_or_else(|| "not computed".to_string(), percent),
                    });
                }
                let stake = s.stake.amount * s.stake.price_usd;
                // The stack with these slashes as its severities, for the user to open
                // (METHODOLOGY §13, "The user's exposure"); only when something would change.
                let view = crate::share::ViewOptions {
                    theme,
                    ..Default::default()
                };
                let fed = e.is_exposed().then(|| {
                    format!(
                        "{}?{}",
                        crate::ui::link::page_base(),
                        crate::share::encode(&e.slashes_as_severities(s), &view)
                    )
                });
                Some((rows, lines, stake, fed))
            })
        })
    });
    let body = move || {
        table.with(|t| match t {
            None => view! {
                <p class="hint" data-testid="exposure-none">"No stack in this link, so no exposure to show. Open this view from the calculator (the link under the stake) to see which of your restake layers sit on these services, and what the worst cascade would slash from them."</p>
            }
            .into_any(),
            Some((rows, _, _, _)) if rows.is_empty() => view! {
                <p class="hint" data-testid="exposure-none">"Your stack has no restake layer: no AVS of yours sits on this network."</p>
            }
            .into_any(),
            Some((rows, lines, stake, fed)) => {
                let rows = rows.clone();
                let lines = lines.clone();
                let stake = *stake;
                let fed = fed.clone();
                view! {
                    {table_wrap(
                        "Exposure table (scrolls sideways)".into(),
                        view! {
                            <table class="exposure-table" data-testid="exposure-table">
                                <caption class="visually-hidden">"Your AVSs against this network"</caption>
                                <thead><tr>
                                    <th scope="col">"Layer"</th>
                                    <th scope="col">"AVS"</th>
                                    <th scope="col">"Service here"</th>
                                    <th scope="col">"Today"</th>
                                    <th scope="col">"Worst cascade"</th>
                                    <th scope="col">"Your magnitude"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr data-testid="exposure-row">
                                            <th scope="row" class="text">{r.layer}</th>
                                            <td class="text">{r.avs}</td>
                                            <td class="text">{r.service}</td>
                                            <td>{r.status}</td>
                                            <td>{r.falls}</td>
                                            <td>{r.magnitude}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        },
                    )}
                    <ul class="exposure-lines">
                        {lines.into_iter().map(|l| view! {
                            <li data-testid="exposure-layer">
                                <strong>{l.token}</strong>
                                ": an attack that already pays could slash "
                                <span data-testid="exposure-unsafe">{l.unsafe_slash}</span>
                                " of its backing; the worst cascade would slash "
                                <span data-testid="exposure-cascade">{l.cascade_slash}</span>
                                "."
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="hint">{format!(
                        "Conservative: it assumes your operator is among those slashed (the stack does not say which operator you delegate to). Your stake is {} in all; these are worst-case losses of backing, without a probability.",
                        usd(stake)
                    )}</p>
                    {fed.map(|href| view! {
                        <p><a href=href data-testid="exposure-apply">"Open your stack in the calculator with these slashes as its severities →"</a></p>
                        <p class="hint">"Each AVS whose service is unsafe or falls in the cascade is slashed of its whole allocation (severity = your magnitude); how often stays your slashing probability."</p>
                    })}
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="sec-exposure-title" data-testid="exposure">
            <h2 id="sec-exposure-title">"Your exposure"</h2>
            {body}
            {(!has_scenario).then(|| view! { <p><a href=calculator_href data-testid="exposure-calculator">"Build your stack in the calculator →"</a></p> })}
        </section>
    }
}
