//! The security view (`view=security`, docs/METHODOLOGY.md §13): is the restaking network a stake
//! secures safe, and how far can one shock cascade? An editable network (a preset to start from),
//! the engine's per-service margins, network margin, worst cascade (drawn) beside the papers'
//! bound, and the user's exposure when the link also carries a scenario. Built into the on-demand
//! views build (`src/bin/views.rs`), not the calculator's first load. The network lives in the
//! link (`reuse`, `svc`, `op`, `shock`), kept equal to the address bar.

pub mod drawing;
mod editor;
mod exposure;
pub mod text;

use crate::catalog::{NetworkPreset, NETWORK_PRESETS};
use crate::engine::security::{analyse, Analysis, Network, NetworkError, Reuse};
use crate::engine::Scenario;
use crate::share::{self, Page, ViewOptions};
use crate::ui::link::{location_query, page_base};
use crate::ui::table_wrap::table_wrap;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

/// Debounce between the last edit and the address bar's update.
const URL_DEBOUNCE: Duration = Duration::from_millis(250);

/// The view's state: the network being edited (the one source of truth) and what derives from it.
#[derive(Clone, Copy)]
pub(crate) struct Sec {
    /// The network as edited.
    pub network: RwSignal<Network>,
    /// The engine's answer for it.
    pub analysis: Memo<Result<Analysis, NetworkError>>,
    /// The last valid network and its analysis (kept on screen while an edit is invalid).
    pub last: Memo<Option<(Network, Analysis)>>,
    /// Text that does not parse as a number, by field path.
    pub input_errors: RwSignal<BTreeMap<String, String>>,
    /// Bumped when the network is replaced whole (preset, reuse rule): fields re-read it.
    pub generation: RwSignal<u64>,
}

impl Sec {
    fn new(initial: Network) -> Self {
        let network = RwSignal::new(initial);
        let analysis = Memo::new(move |_| network.with(analyse));
        let last = Memo::new(move |previous: Option<&Option<(Network, Analysis)>>| {
            analysis.with(|r| match r {
                Ok(a) => Some((network.get_untracked(), a.clone())),
                Err(_) => previous.cloned().flatten(),
            })
        });
        Sec {
            network,
            analysis,
            last,
            input_errors: RwSignal::new(BTreeMap::new()),
            generation: RwSignal::new(0),
        }
    }

    /// The engine's objection, worded, when it names exactly `path`.
    pub fn problem_for(&self, path: &str) -> Option<String> {
        self.analysis.with(|r| match r {
            Err(e) if e.field == path => Some(text::problem(e)),
            _ => None,
        })
    }

    /// Replace the whole network: clears half-typed text and re-reads every field.
    pub fn replace(&self, next: Network) {
        self.input_errors.set(BTreeMap::new());
        self.network.set(next);
        self.generation.update(|g| *g += 1);
    }

    /// Whether the result on screen is not the current network's (an invalid edit).
    fn is_stale(&self) -> bool {
        self.analysis.with(|r| r.is_err()) || self.input_errors.with(|e| !e.is_empty())
    }
}

/// The network the view opens: the link's, else the first preset's.
fn opening_network(from_link: Option<Network>) -> Network {
    from_link
        .or_else(|| NETWORK_PRESETS.first().and_then(NetworkPreset::network))
        .unwrap_or(Network {
            reuse: Reuse::Full,
            services: Vec::new(),
            operators: Vec::new(),
            shock_ratio: 0.1,
        })
}

/// Keep the address bar equal to the view's link after each valid edit.
fn keep_url_in_sync(sec: Sec, scenario: StoredValue<Option<Scenario>>, view: ViewOptions) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let valid = sec.analysis.with(|r| r.is_ok());
        if first.is_none() || !valid {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let view = view.clone();
        let handle = set_timeout_with_handle(
            move || {
                let query = sec.network.with_untracked(|n| {
                    scenario.with_value(|s| share::encode_with_network(s.as_ref(), Some(n), &view))
                });
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&format!("?{query}")),
                    );
                }
            },
            URL_DEBOUNCE,
        );
        pending.set_value(handle.ok());
    });
}

/// The security view: picker, editor, results, cascade, bound, exposure.
#[component]
pub fn SecurityView(
    /// The link's notices.
    notices: Option<AnyView>,
) -> impl IntoView {
    let decoded = share::decode(&location_query());
    let view = ViewOptions {
        page: Page::Security,
        ..decoded.view
    };
    let embed = view.embed;
    let theme = view.theme;
    let scenario = StoredValue::new(decoded.scenario);
    let sec = Sec::new(opening_network(decoded.network));
    keep_url_in_sync(sec, scenario, view.clone());

    let preset_id = Memo::new(move |_| {
        sec.network.with(|n| {
            NETWORK_PRESETS
                .iter()
                .find(|p| p.network().as_ref() == Some(n))
                .map(|p| p.id)
        })
    });
    let on_preset = move |ev: leptos::ev::Event| {
        if let Some(n) = NetworkPreset::find(&event_target_value(&ev)).and_then(|p| p.network()) {
            sec.replace(n);
        }
    };
    let preset_text = move || {
        preset_id.get().and_then(NetworkPreset::find).map_or_else(
            || "Your own network: edit any figure below.".to_string(),
            |p| p.description.to_string(),
        )
    };
    let preset_reuse = move || {
        preset_id
            .get()
            .and_then(NetworkPreset::find)
            .map(|p| p.reuse_source)
    };
    let reuse = Memo::new(move |_| sec.network.with(|n| n.reuse));

    let calculator_href = move || {
        scenario.with_value(|s| match s {
            Some(s) => {
                let v = ViewOptions {
                    page: Page::Calculator,
                    theme,
                    ..Default::default()
                };
                format!("{}?{}", page_base(), share::encode(s, &v))
            }
            None => page_base(),
        })
    };
    let own_href = {
        let view = view.clone();
        move || {
            let v = ViewOptions {
                embed: false,
                ..view.clone()
            };
            sec.network.with(|n| {
                scenario.with_value(|s| {
                    format!(
                        "{}?{}",
                        page_base(),
                        share::encode_with_network(s.as_ref(), Some(n), &v)
                    )
                })
            })
        }
    };
    let embed_snippet = {
        let view = view.clone();
        move || {
            let v = ViewOptions {
                embed: true,
                ..view.clone()
            };
            let query = sec.network.with(|n| {
                scenario.with_value(|s| share::encode_with_network(s.as_ref(), Some(n), &v))
            });
            crate::ui::share_bar::embed_snippet(
                &page_base(),
                &query,
                "Restack restaking security benchmark",
            )
        }
    };
    let show_embed = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let copy = {
        let own_href = own_href.clone();
        move |_| {
            let text = untrack(&own_href);
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                copied.set(Some(false));
                return;
            };
            let promise = clipboard.write_text(&text);
            leptos::task::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                copied.set(Some(ok));
            });
        }
    };

    let figures = Memo::new(move |_| {
        sec.last
            .with(|l| l.as_ref().map(|(n, a)| text::figures(n, a)))
    });
    // How far the drawing marks the cascade: `None` every step, `Some(k)` the shock and k steps.
    let upto = RwSignal::new(None::<usize>);
    let step_count = Memo::new(move |_| {
        figures.with(|f| {
            f.as_ref()
                .map_or(0, |f| f.cascade.rows.len().saturating_sub(1))
        })
    });
    let picture = Memo::new(move |_| {
        let upto = upto.get().filter(|k| *k < step_count.get());
        sec.last.with(|l| {
            l.as_ref()
                .map_or_else(String::new, |(n, a)| drawing::draw(n, a, upto))
        })
    });
    let step_buttons = move || {
        let n = step_count.get();
        if n == 0 {
            return None;
        }
        let button = move |k: Option<usize>, label: String| {
            let pressed = move || {
                let now = upto.get().filter(|x| *x < n);
                (now == k).to_string()
            };
            view! {
                <button type="button" aria-pressed=pressed data-testid="cascade-show" on:click=move |_| upto.set(k)>{label}</button>
            }
        };
        let mut buttons = vec![button(Some(0), "The shock".to_string())];
        buttons.extend((1..n).map(|k| button(Some(k), format!("After step {k}"))));
        buttons.push(button(None, "Every step".to_string()));
        Some(view! {
            <div class="toolbar cascade-steps" role="group" aria-label="Mark the cascade up to">
                {buttons.into_iter().collect_view()}
            </div>
        })
    };
    let stale = move || sec.is_stale();
    let engine_error = move || {
        sec.analysis.with(|r| match r {
            Err(e) => Some(format!(
                "The network cannot be analysed ({}: {}); the results below are the last valid network's.",
                e.field,
                text::problem(e)
            )),
            Ok(_) => None,
        })
    };

    let rows = move || {
        figures.with(|f| {
            f.as_ref()
                .map(|f| {
                    f.services
                        .iter()
                        .map(|r| {
                            view! {
                                <tr data-testid="service-row" class:unsafe=r.is_unsafe>
                                    <th scope="row" class="text">{r.name.clone()}</th>
                                    <td>{r.securing.clone()}</td>
                                    <td>{r.cost.clone()}</td>
                                    <td>{r.profit.clone()}</td>
                                    <td data-testid="service-margin">{r.margin.clone()}</td>
                                    <td data-testid="service-status" class="status">{r.status.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    let fig = move |pick: fn(&text::Figures) -> String| {
        move || figures.with(|f| f.as_ref().map(pick).unwrap_or_else(|| "—".to_string()))
    };
    let steps = move || {
        figures.with(|f| {
            f.as_ref()
                .map(|f| {
                    f.cascade
                        .rows
                        .iter()
                        .map(|r| {
                            view! {
                                <tr data-testid="cascade-step">
                                    <th scope="row" class="text">{r.step.clone()}</th>
                                    <td class="text">{r.falls.clone()}</td>
                                    <td class="text">{r.slashed.clone()}</td>
                                    <td>{r.lost.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };

    let header = (!embed).then(|| {
        view! {
            <header class="site-header">
                <h1>"Restack · restaking security"</h1>
                <p class="tagline">"Is the network your stake secures safe, and how far can one shock cascade? The benchmark of Durvasula & Roughgarden, computed in your browser."</p>
            </header>
        }
    });
    let toolbar = if embed {
        view! {
            <span class="toolbar">
                <a href=own_href target="_blank" rel="noopener" data-testid="open-full">"Open the full view ↗"</a>
                <a href="methodology.html#13-restaking-security-benchmark" target="_blank" rel="noopener">"How this is calculated ↗"</a>
            </span>
        }
        .into_any()
    } else {
        view! {
            <span class="toolbar">
                <a href=calculator_href data-testid="back-to-calculator">"← Open the calculator"</a>
                <button type="button" class="primary" data-testid="copy-link" on:click=copy>"Copy link"</button>
                <button type="button" data-testid="embed-button" aria-expanded=move || show_embed.get().to_string()
                    on:click=move |_| show_embed.update(|v| *v = !*v)>"Embed"</button>
            </span>
        }
        .into_any()
    };

    view! {
        {header}
        <main data-testid="security-view" class="security" class:embed-main=embed>
            {notices}
            <section class="panel" aria-labelledby="sec-network-title">
                <header class="embed-bar">
                    <h2 id="sec-network-title">"The network"</h2>
                    {toolbar}
                </header>
                {move || copied.get().map(|ok| view! {
                    <p class="toast" role="status" data-testid="copy-status">{if ok {
                        "Link copied."
                    } else {
                        "Copying was blocked by the browser: copy the address bar, which is always this view's link."
                    }}</p>
                })}
                {move || show_embed.get().then(|| view! {
                    <div class="field">
                        <label for="sec-embed-snippet">"Paste into your post (the script resizes the frame to fit):"</label>
                        <textarea id="sec-embed-snippet" class="snippet" readonly data-testid="embed-snippet" prop:value=embed_snippet.clone()></textarea>
                    </div>
                })}
                <div class="field">
                    <label for="sec-preset">"Preset network"</label>
                    <select id="sec-preset" data-testid="security-preset" prop:value=move || preset_id.get().unwrap_or_default() on:change=on_preset>
                        <option value="">"Your own network"</option>
                        {NETWORK_PRESETS.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                    <p class="hint" data-testid="security-preset-description">{preset_text}</p>
                </div>
                <p class="reuse-rule" data-testid="reuse-rule">
                    <strong>{move || text::reuse_name(reuse.get())}</strong>
                    ": "
                    {move || text::reuse_meaning(reuse.get())}
                    {move || preset_reuse().map(|s| view! { <span class="hint">" Source: "{s}</span> })}
                </p>
                {if embed {
                    view! {
                        <details class="sec-edit">
                            <summary>"Edit the network"</summary>
                            <editor::NetworkEditor sec=sec/>
                        </details>
                    }
                    .into_any()
                } else {
                    view! { <editor::NetworkEditor sec=sec/> }.into_any()
                }}
            </section>
            <div class="results" class:stale=stale>
                {move || engine_error().map(|m| view! { <p class="error" role="alert" data-testid="security-error">{m}</p> })}
                <section class="panel" aria-labelledby="sec-results-title">
                    <h2 id="sec-results-title">"Is each service safe?"</h2>
                    <p class="hint">"Cost of corruption: the least stake any coalition able to corrupt the service would lose. Margin γ: the least cost over profit, minus one, of any attack that includes it (joint attacks count). Below 0, an attack pays: unsafe."</p>
                    {table_wrap(
                        "Services table (scrolls sideways)".into(),
                        view! {
                            <table class="security-table" data-testid="security-table">
                                <caption class="visually-hidden">"Security of each service"</caption>
                                <thead><tr>
                                    <th scope="col">"Service"</th>
                                    <th scope="col">"Securing stake"</th>
                                    <th scope="col">"Cost of corruption"</th>
                                    <th scope="col">"Profit from corruption"</th>
                                    <th scope="col">"Margin γ"</th>
                                    <th scope="col">"Safe?"</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        },
                    )}
                    <dl class="sec-figures">
                        <dt>"Network margin γ*"</dt>
                        <dd data-testid="network-margin">{fig(|f| f.network_margin.clone())}</dd>
                        <dt>"Larger networks"</dt>
                        <dd data-testid="sufficient-condition">{fig(|f| f.sufficient.clone())}</dd>
                    </dl>
                </section>
                <section class="panel" aria-labelledby="sec-cascade-title">
                    <h2 id="sec-cascade-title">"The worst cascade after the shock"</h2>
                    <div class="cascade-figures">
                        <p>
                            <span class="label">"Exact worst loss: "</span>
                            <strong data-testid="cascade-loss">{fig(|f| f.cascade.loss.clone())}</strong>
                        </p>
                        <p data-testid="cascade-bound" class="bound">
                            <span class="label">"Bound (Theorem 1, an upper bound, not the loss): "</span>
                            <span data-testid="cascade-bound-text">{fig(|f| f.bound.clone())}</span>
                        </p>
                    </div>
                    <figure class="chart" data-testid="cascade">
                        <figcaption class="hint">"Operators on the left, services on the right; a link is an allocation (thicker: more stake). The shock's stake is marked “shock”, and each service and stake that falls after it “step k”, in the order of the table below."</figcaption>
                        {step_buttons}
                        <div class="chart-body cascade-body" tabindex="0" role="region" aria-label="Cascade drawing (scrolls sideways on narrow screens)" inner_html=move || picture.get()></div>
                        {table_wrap(
                            "Cascade steps (scrolls sideways)".into(),
                            view! {
                                <table class="cascade-table" data-testid="cascade-table">
                                    <caption>"The cascade, step by step"</caption>
                                    <thead><tr>
                                        <th scope="col">"Step"</th>
                                        <th scope="col">"Services that fall"</th>
                                        <th scope="col">"Stake destroyed or slashed"</th>
                                        <th scope="col">"Stake lost"</th>
                                    </tr></thead>
                                    <tbody>{steps}</tbody>
                                </table>
                            },
                        )}
                    </figure>
                </section>
                {(!embed || scenario.with_value(Option::is_some)).then(|| view! {
                    <exposure::ExposurePanel sec=sec scenario=scenario calculator_href=Signal::derive(calculator_href) theme=theme/>
                })}
            </div>
        </main>
    }
}
