//! The catalog as the UI sees it: the figures in use (snapshot, data file, or live-refreshed),
//! strategy and product lookups, provenance for fields, and the fetches that replace the
//! snapshot. All checking is in [`crate::catalog`]; this module only moves text in and out.

use crate::catalog::{live, parse_payload, rebase_scenario, Catalog, Figure, Strategy, STRATEGIES};
use crate::engine::{Asset, Kind, Layer, Scenario};
use crate::ui::field::Provenance;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

mod fetch;

thread_local! {
    /// The catalog in use. wasm is single-threaded; the UI reads it through the functions below
    /// and tracks [`DataState::version`] to re-render when it changes.
    static CURRENT: RefCell<Rc<Catalog>> = RefCell::new(Rc::new(Catalog::snapshot()));
}

/// The catalog in use.
pub fn current() -> Rc<Catalog> {
    if let Some(d) = use_context::<DataState>() {
        d.version.track();
    }
    CURRENT.with(|c| c.borrow().clone())
}

fn set_current(next: Catalog) {
    CURRENT.with(|c| *c.borrow_mut() = Rc::new(next));
}

fn provenance_of(f: &Figure) -> Provenance {
    Provenance {
        source: f.source.clone(),
        as_of: f.as_of.clone(),
        assumption: f.assumption,
        note: f.note.clone(),
    }
}

/// Where a layer's parameter comes from (its product's figure), if it has a preset.
pub fn provenance(layer: &Layer, asset: Asset, key: &str) -> Option<Provenance> {
    let cat = current();
    let product = cat.product_for(layer, asset)?;
    product.figure(key).map(provenance_of)
}

/// Where the default price of an asset comes from.
pub fn price_provenance(asset: Asset) -> Option<Provenance> {
    current().price(asset).map(provenance_of)
}

/// Display name of a protocol id (the id itself for custom layers).
pub fn protocol_name(id: &str) -> String {
    current()
        .protocol(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// Products a layer of `kind` can be built from on `asset`: (id, name).
pub fn products_for(kind: Kind, asset: Asset) -> Vec<(String, String)> {
    current()
        .products_of(kind, asset)
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}

/// The product a layer was built from, if any.
pub fn product_id_for(layer: &Layer, asset: Asset) -> Option<String> {
    current().product_for(layer, asset).map(|p| p.id.clone())
}

/// The layer a product stands for.
pub fn product_layer(id: &str) -> Option<Layer> {
    current().product(id).and_then(|p| p.to_layer().ok())
}

/// A new layer of `kind` for the stake's asset: its first product on that asset, else the
/// first of that kind on any asset (the user then edits it).
pub fn template_layer(kind: Kind, asset: Asset) -> Option<Layer> {
    let cat = current();
    let mut on_asset = cat.products_of(kind, asset);
    let product = on_asset
        .next()
        .or_else(|| cat.products.iter().find(|p| p.kind == kind))?;
    product.to_layer().ok()
}

/// The scenario of a ready-made strategy with the figures in use.
pub fn strategy_scenario(id: &str) -> Option<Scenario> {
    let cat = current();
    Strategy::find(id).and_then(|s| s.scenario(&cat).ok())
}

/// The first strategy for an asset.
pub fn first_strategy_for(asset: Asset) -> Option<String> {
    Strategy::first_for(asset).map(|s| s.id.to_string())
}

/// Picker entries: (id, name).
pub fn strategy_options() -> Vec<(String, String)> {
    STRATEGIES
        .iter()
        .map(|s| (s.id.to_string(), s.name.to_string()))
        .collect()
}

/// One line about a strategy ("" for a custom stack).
pub fn strategy_description(id: &str) -> String {
    Strategy::find(id).map_or_else(
        || "Your own stack: add, remove and reorder layers below.".to_string(),
        |s| s.description.to_string(),
    )
}

/// The strategy opened when the link has none.
pub fn default_strategy_id() -> String {
    STRATEGIES
        .first()
        .map(|s| s.id.to_string())
        .unwrap_or_default()
}

/// Title for the embed header: the strategy's name, or the custom stack's tokens.
pub fn strategy_title(id: &str, state: &AppState) -> String {
    match Strategy::find(id) {
        Some(s) => s.name.to_string(),
        None => state.scenario.with(|s| {
            let tokens: Vec<&str> = s.layers.iter().map(|l| l.token.as_str()).collect();
            format!("{} → {}", s.stake.asset.ticker(), tokens.join(" → "))
        }),
    }
}

/// Which figures are in use.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// The compiled-in snapshot.
    Snapshot,
    /// The site's data file.
    File,
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
    /// Nothing applied.
    Failed(String),
}

/// Data-source state, provided as context.
#[derive(Clone, Copy)]
pub struct DataState {
    /// Bumped whenever the catalog in use changes.
    pub version: RwSignal<u64>,
    /// Snapshot or data file.
    pub source: RwSignal<DataSource>,
    /// Why the data file was not used (None while loading or when it was).
    pub file_notice: RwSignal<Option<String>>,
    /// Whether the data file request is still in flight.
    pub file_loading: RwSignal<bool>,
    /// Live refresh status.
    pub live: RwSignal<LiveStatus>,
    /// When live yields were last applied (None = never).
    pub live_at: RwSignal<Option<String>>,
    state: AppState,
}

impl DataState {
    /// Start loading the data file. The scenario is moved to its figures only when it did not come
    /// from a link (a link reproduces exactly what it says).
    pub fn start(state: AppState, from_link: bool) -> DataState {
        let data = DataState {
            version: RwSignal::new(0),
            source: RwSignal::new(DataSource::Snapshot),
            file_notice: RwSignal::new(None),
            file_loading: RwSignal::new(true),
            live: RwSignal::new(LiveStatus::Idle),
            live_at: RwSignal::new(None),
            state,
        };
        leptos::task::spawn_local(async move {
            let outcome = fetch::get_text(
                &fetch::data_url(),
                fetch::timeout_ms("restack-data-timeout-ms", 8_000),
            )
            .await;
            data.file_loading.set(false);
            match outcome.and_then(|body| parse_payload(&body).map_err(|e| e.to_string())) {
                Ok(catalog) => data.replace(catalog, !from_link),
                Err(why) => data.file_notice.set(Some(why)),
            }
            if data.file_notice.get_untracked().is_none() {
                data.source.set(DataSource::File);
            }
        });
        data
    }

    fn replace(&self, next: Catalog, rebase: bool) {
        let old = CURRENT.with(|c| c.borrow().clone());
        if rebase {
            let (next_scenario, moved) = self
                .state
                .scenario
                .with_untracked(|s| rebase_scenario(&old, &next, s));
            if moved > 0 {
                self.state.scenario.set(next_scenario);
                self.state.generation.update(|g| *g += 1);
            }
        }
        set_current(next);
        self.version.update(|v| *v += 1);
    }

    /// Run the live refresh (user-triggered).
    pub fn refresh_live(self) {
        if self.live.get_untracked() == LiveStatus::Loading {
            return;
        }
        self.live.set(LiveStatus::Loading);
        leptos::task::spawn_local(async move {
            let at = fetch::now_iso();
            let result = fetch::get_text(
                &fetch::live_url(),
                fetch::timeout_ms("restack-live-timeout-ms", 15_000),
            )
            .await
            .and_then(|body| {
                let cat = CURRENT.with(|c| c.borrow().clone());
                live::apply_live(&cat, &body, &at).map_err(|e| e.to_string())
            });
            match result {
                Ok(outcome) if outcome.updated.is_empty() => {
                    self.live.set(LiveStatus::Failed(format!(
                        "the answer matched none of the presets ({})",
                        outcome.skipped.join("; ")
                    )));
                }
                Ok(outcome) => {
                    let names = outcome
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
                    self.replace(outcome.catalog, true);
                    self.live_at.set(Some(at.clone()));
                    self.live.set(LiveStatus::Done {
                        updated: names,
                        skipped: outcome.skipped,
                        at,
                    });
                }
                Err(why) => self.live.set(LiveStatus::Failed(why)),
            }
        });
    }

    /// "2026-01 (built-in snapshot)" for the footer.
    pub fn as_of_label(&self) -> String {
        self.version.track();
        let cat = CURRENT.with(|c| c.borrow().clone());
        let what = match (self.live_at.get(), self.source.get()) {
            (Some(_), _) => "live yields applied",
            (None, DataSource::File) => "data file",
            (None, DataSource::Snapshot) => "built-in snapshot",
        };
        format!("{} ({what})", cat.as_of)
    }
}
