//! The catalog as the UI sees it: the figures in use (the site's data file, else the pristine
//! copy shipped beside it, either refreshed with live yields) in one signal, the status of the
//! files and of the live refresh in another, and the lookups the components need (strategies,
//! presets, provenance). The page carries no copy of the catalog: until the file arrives it shows
//! the default strategy from its link ([`crate::catalog::DEFAULT_LINK`]). All checking is in
//! [`crate::catalog`]; this module only moves text in and out.

use crate::catalog::{live, parse_payload, rebase_scenario, Catalog, Figure, Strategy};
use crate::engine::{Asset, Kind, Layer, Scenario};
use crate::ui::field::Provenance;
use crate::ui::state::AppState;
use leptos::prelude::*;

mod fetch;
mod today;

/// What became of the site's data file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileStatus {
    /// Request in flight.
    Loading,
    /// In use.
    Used,
    /// Not used, and why; the shipped copy of the figures is in use.
    Fallback(String),
    /// Neither the site's file nor the shipped copy could be used, and why: links still
    /// evaluate, presets and sources are unavailable.
    Unavailable(String),
}

/// State of the user-triggered live refresh.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveStatus {
    /// Not run.
    Idle,
    /// Request in flight.
    Loading,
    /// Applied: what was updated and what was skipped.
    Done {
        /// "EtherFi eETH staking APR 3.00% → 2.95%".
        updated: Vec<String>,
        /// Mappings not applied, with reasons.
        skipped: Vec<String>,
        /// When.
        at: String,
    },
    /// Nothing applied, and why.
    Failed(String),
}

/// Where the figures in use come from.
#[derive(Debug, Clone, PartialEq)]
pub struct DataStatus {
    /// The site's data file.
    pub file: FileStatus,
    /// The last live refresh.
    pub live: LiveStatus,
    /// When live yields were last applied (kept after a later failed refresh).
    pub live_applied_at: Option<String>,
    /// The last refresh of today's prices (`data/today.rs`).
    pub prices: LiveStatus,
    /// The last refresh of the validator exit queue.
    pub queue: LiveStatus,
}

/// The catalog in use and its status, provided as context.
#[derive(Clone, Copy)]
pub struct DataState {
    /// The catalog in use.
    pub catalog: RwSignal<Catalog>,
    /// Where it comes from.
    pub status: RwSignal<DataStatus>,
}

fn provenance_of(f: &Figure) -> Provenance {
    Provenance {
        source: f.source.clone(),
        as_of: f.as_of.clone(),
        assumption: f.assumption,
        note: f.note.clone(),
    }
}

impl DataState {
    /// No figures until the data file answers.
    pub fn new() -> DataState {
        DataState {
            catalog: RwSignal::new(Catalog::empty()),
            status: RwSignal::new(DataStatus {
                file: FileStatus::Loading,
                live: LiveStatus::Idle,
                live_applied_at: None,
                prices: LiveStatus::Idle,
                queue: LiveStatus::Idle,
            }),
        }
    }

    /// The scenario of a ready-made strategy with the figures in use.
    pub fn strategy_scenario(&self, s: &Strategy) -> Option<Scenario> {
        self.catalog.with(|c| s.scenario(c).ok())
    }

    /// The layers of a ready-made strategy with the figures in use.
    pub fn strategy_layers(&self, s: &Strategy) -> Option<Vec<Layer>> {
        self.strategy_scenario(s).map(|sc| sc.layers)
    }

    /// Where a layer's parameter comes from (its product's figure), if it has a preset.
    pub fn provenance(&self, layer: &Layer, asset: Asset, key: &str) -> Option<Provenance> {
        self.catalog.with(|c| {
            c.product_for(layer, asset)
                .and_then(|p| p.figure(key))
                .map(provenance_of)
        })
    }

    /// Where the default price of an asset comes from.
    pub fn price_provenance(&self, asset: Asset) -> Option<Provenance> {
        self.catalog.with(|c| c.price(asset).map(provenance_of))
    }

    /// Where the default gas price on an asset's chain comes from.
    pub fn gas_price_provenance(&self, asset: Asset) -> Option<Provenance> {
        self.catalog.with(|c| c.gas_price(asset).map(provenance_of))
    }

    /// Display name of a protocol id (the id itself for custom layers).
    pub fn protocol_name(&self, id: &str) -> String {
        self.catalog.with(|c| {
            c.protocol(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        })
    }

    /// Products a layer of `kind` can be built from on `asset`: (id, name).
    pub fn products_for(&self, kind: Kind, asset: Asset) -> Vec<(String, String)> {
        self.catalog.with(|c| {
            c.products_of(kind, asset)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        })
    }

    /// The product a layer was built from, if any.
    pub fn product_id_for(&self, layer: &Layer, asset: Asset) -> Option<String> {
        self.catalog
            .with(|c| c.product_for(layer, asset).map(|p| p.id.clone()))
    }

    /// The layer a product stands for.
    pub fn product_layer(&self, id: &str) -> Option<Layer> {
        self.catalog
            .with(|c| c.product(id).and_then(|p| p.to_layer().ok()))
    }

    /// A new layer of `kind` for the stake's asset: its first product on that asset, else the
    /// first of that kind on any asset, else the kind's template (the user then edits it).
    pub fn template_layer(&self, kind: Kind, asset: Asset) -> Layer {
        self.catalog
            .with(|c| {
                c.products_of(kind, asset)
                    .next()
                    .or_else(|| c.products.iter().find(|p| p.kind == kind))
                    .and_then(|p| p.to_layer().ok())
            })
            .unwrap_or_else(|| Layer::template(kind, String::new(), kind.code().into()))
    }

    /// "2026-01 (data file)" for the footer.
    pub fn as_of_label(&self) -> String {
        let as_of = self.catalog.with(|c| c.as_of.clone());
        self.status.with(|s| match (&s.live_applied_at, &s.file) {
            (Some(_), _) => format!("{as_of} (live yields applied)"),
            (None, FileStatus::Used) => format!("{as_of} (data file)"),
            (None, FileStatus::Fallback(_)) => format!("{as_of} (shipped figures)"),
            (None, FileStatus::Loading) => "… (loading the figures)".into(),
            (None, FileStatus::Unavailable(_)) => "— (no figures available)".into(),
        })
    }

    /// Put `next` in use. A default page the user has not changed yet moves to its figures
    /// (the first strategy built from them); otherwise, with `rebase`, the scenario's values that
    /// still equal the old figures move to the new ones. A scenario opened from a link is never
    /// moved: it reproduces what the link says.
    fn apply(&self, state: AppState, next: Catalog, rebase: bool) {
        let first_figures = self.catalog.with_untracked(Catalog::is_empty);
        let awaiting = state.take_awaiting();
        let untouched_default = awaiting
            || (rebase
                && first_figures
                && state
                    .scenario
                    .with_untracked(|s| *s == crate::ui::link::default_scenario()));
        if untouched_default {
            let wanted = state
                .loaded_strategy()
                .or(crate::catalog::STRATEGIES.first());
            let scenario = wanted.and_then(|s| s.scenario(&next).ok());
            self.catalog.set(next);
            if let Some(sc) = scenario {
                state.replace(sc, wanted);
            }
            return;
        }
        // A link that gave only the stake gets its asset's first stack once there are figures.
        let empty_stack = state.scenario.with_untracked(|s| s.layers.is_empty());
        if empty_stack {
            let asset = state.scenario.with_untracked(|s| s.stake.asset);
            let first = Strategy::first_for(asset);
            if let Some(layers) = first.and_then(|s| s.scenario(&next).ok()).map(|s| s.layers) {
                self.catalog.set(next);
                state.replace(
                    state.scenario.with_untracked(|s| Scenario {
                        layers,
                        ..s.clone()
                    }),
                    first,
                );
                return;
            }
        }
        if rebase {
            let moved = self.catalog.with_untracked(|old| {
                state
                    .scenario
                    .with_untracked(|s| rebase_scenario(old, &next, s))
            });
            if moved.1 > 0 {
                // Read before the catalog changes: the strategy still matches the old figures.
                let strategy = state.strategy.get_untracked().and_then(Strategy::find);
                self.catalog.set(next);
                state.replace(moved.0, strategy);
                return;
            }
        }
        self.catalog.set(next);
    }

    /// Fetch and check one data file.
    async fn fetch_catalog(url: &str) -> Result<Catalog, String> {
        fetch::get_text(url, fetch::timeout_ms("restack-data-timeout-ms", 8_000))
            .await
            .and_then(|body| parse_payload(&body).map_err(|e| e.to_string()))
    }

    /// Fetch the site's data file and put it in use if it is valid; else the pristine copy
    /// shipped beside it (`data/defaults.json`, never edited by the site).
    pub fn load_file(self, state: AppState, from_link: bool) {
        leptos::task::spawn_local(async move {
            let file = match Self::fetch_catalog(&fetch::data_url()).await {
                Ok(catalog) => {
                    self.apply(state, catalog, !from_link);
                    FileStatus::Used
                }
                Err(why) => match Self::fetch_catalog(&fetch::fallback_url()).await {
                    Ok(catalog) => {
                        self.apply(state, catalog, !from_link);
                        FileStatus::Fallback(why)
                    }
                    Err(also) => FileStatus::Unavailable(format!(
                        "{why}; the shipped copy could not be used either ({also})"
                    )),
                },
            };
            self.status.update(|s| s.file = file);
            crate::ui::browser::mark("restack:data-settled");
        });
    }

    /// Run the live refresh (user-triggered).
    pub fn refresh_live(self, state: AppState) {
        if self
            .status
            .with_untracked(|s| [&s.live, &s.prices, &s.queue].contains(&&LiveStatus::Loading))
        {
            return;
        }
        self.status.update(|s| s.live = LiveStatus::Loading);
        self.refresh_today(state);
        leptos::task::spawn_local(async move {
            let at = fetch::now_iso();
            let result = fetch::get_text(
                &fetch::live_url(),
                fetch::timeout_ms("restack-live-timeout-ms", 15_000),
            )
            .await
            .and_then(|body| {
                self.catalog
                    .with_untracked(|c| live::apply_live(c, &body, &at))
                    .map_err(|e| e.to_string())
            });
            let live = match result {
                Ok(outcome) if outcome.updated.is_empty() => LiveStatus::Failed(format!(
                    "the answer matched none of the presets ({})",
                    outcome.skipped.join("; ")
                )),
                Ok(outcome) => {
                    let updated = outcome
                        .updated
                        .iter()
                        .map(|c| {
                            let name = outcome
                                .catalog
                                .product(&c.product)
                                .map_or(c.product.as_str(), |p| p.name.as_str());
                            format!(
                                "{name} staking APR {} → {}",
                                crate::ui::format::percent(c.old),
                                crate::ui::format::percent(c.new)
                            )
                        })
                        .collect();
                    let skipped = outcome.skipped.clone();
                    self.apply(state, outcome.catalog, true);
                    self.status.update(|s| s.live_applied_at = Some(at.clone()));
                    LiveStatus::Done {
                        updated,
                        skipped,
                        at,
                    }
                }
                Err(why) => LiveStatus::Failed(why),
            };
            self.status.update(|s| s.live = live);
        });
    }
}

impl Default for DataState {
    fn default() -> Self {
        Self::new()
    }
}

/// The data state from context (provided by [`crate::ui::App`]; fails loudly without it).
pub fn use_data() -> DataState {
    expect_context::<DataState>()
}
