//! Protocol catalog (docs/METHODOLOGY.md §8): sourced presets, ready-made strategies, and the validation of
//! the runtime data file and of live yields. Pure Rust (std + serde); the browser fetch lives in
//! the UI glue.
//!
//! | module | concern |
//! |---|---|
//! | `figure` | one sourced number: value, unit, source, as-of date, assumption flag |
//! | `product` | a protocol's product (eETH, weETH loop, YT) and the layer it becomes |
//! | `json`, `read` | a small JSON reader and the data file's shape |
//! | `strategy` | ready-made stacks built from products |
//! | `crisis` | crises that happened, as sourced shock profiles |
//! | `networks` | preset restaking networks for the security view, as sourced links |
//! | `payload` | the runtime data file: schema, size cap, validation with reasons |
//! | `live` | mapping a public yields API (DefiLlama pools) onto the products |
//! | `prices`, `queue`, `refresh` | today's prices (DefiLlama) and exit queue (beaconcha.in), checked, as catalog figures |
//! | `rebase` | moving untouched preset values of a scenario to newer figures |

#![warn(clippy::indexing_slicing)]

mod crisis;
mod figure;
pub mod json;
pub mod live;
mod networks;
pub mod payload;
pub mod prices;
mod product;
pub mod queue;
mod read;
mod rebase;
pub mod refresh;
mod strategy;

pub use crisis::Crisis;
pub use figure::{Figure, FigureUnit};
pub use networks::{
    network_fields, path_matches, NetworkFigure, NetworkPreset, DEFAULT_NETWORK_LINK,
    NETWORK_PRESETS,
};
pub use payload::{parse_payload, PayloadError, MAX_PAYLOAD_BYTES, SCHEMA_VERSION};
pub use product::{AvsPreset, GasOps, Product, ProductError};
pub use rebase::rebase_scenario;
pub use strategy::{for_the_same_stake, Strategy, DEFAULT_LINK, STRATEGIES};

use crate::engine::{Asset, Kind, Layer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A protocol as the Sources section presents it: who it is and its headline figures (TVL,
/// market share) with their sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProtocolInfo {
    /// Id used by products and share links (`etherfi`).
    pub id: String,
    /// Display name (`EtherFi`).
    pub name: String,
    /// Chain it runs on.
    pub chain: String,
    /// Public documentation.
    pub docs: String,
    /// Headline figures keyed by name (`tvl_usd`, `market_share`).
    pub figures: BTreeMap<String, Figure>,
}

/// Everything the app knows about protocols: the site's data file, the shipped copy of it
/// (`data/defaults.json`), or either of them updated by a live refresh. Built only through
/// [`parse_payload`] (which leaves it valid) or empty, before any file has loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Version of the data file format ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Date of the newest figure set, shown in the footer.
    pub as_of: String,
    /// USD price of one unit of each asset.
    pub prices: BTreeMap<String, Figure>,
    /// Typical gas price on each asset's chain (keyed by ticker), in billionths of the native
    /// token per gas unit (docs/METHODOLOGY.md §12). Optional per asset.
    #[serde(default)]
    pub gas_prices: BTreeMap<String, Figure>,
    /// Gas units of each operation a product's transactions are made of (`aave_v3_borrow`).
    #[serde(default)]
    pub gas_units: BTreeMap<String, Figure>,
    /// Protocols and their headline figures.
    pub protocols: Vec<ProtocolInfo>,
    /// Products a layer can be built from.
    pub products: Vec<Product>,
    /// Crises that happened, replayed on the stack beside the synthetic stresses (optional in
    /// the data file).
    #[serde(default)]
    pub crises: Vec<Crisis>,
}

impl Catalog {
    /// No figures at all: what the page holds until the data file arrives, and keeps if neither
    /// the site's file nor its pristine copy can be used (links still evaluate; presets and
    /// sources are then unavailable).
    pub fn empty() -> Catalog {
        Catalog {
            schema_version: SCHEMA_VERSION,
            as_of: String::new(),
            prices: BTreeMap::new(),
            gas_prices: BTreeMap::new(),
            gas_units: BTreeMap::new(),
            protocols: Vec::new(),
            products: Vec::new(),
            crises: Vec::new(),
        }
    }

    /// The shipped catalog, `public/data/protocols.json`: the one source of every figure.
    /// Native only (tests and tools read it here); the page fetches the same file, so the
    /// browser build carries no copy of it. A file that does not pass [`parse_payload`] cannot
    /// ship (`tests/catalog.rs`).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn shipped() -> Catalog {
        parse_payload(include_str!("../../public/data/protocols.json"))
            .unwrap_or_else(|_| Self::empty())
    }

    /// Whether it holds no products (nothing loaded yet, or nothing usable).
    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    /// A product by id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// The product a layer was built from: same protocol, same kind and the stake's asset
    /// (falls back to any asset when none matches).
    pub fn product_for(&self, layer: &Layer, asset: Asset) -> Option<&Product> {
        let kind = layer.kind.kind();
        let same = |p: &&Product| p.protocol == layer.protocol && p.kind == kind;
        self.products
            .iter()
            .filter(same)
            .find(|p| p.asset == asset)
            .or_else(|| self.products.iter().find(same))
    }

    /// Products of one layer kind usable on `asset`, in catalog order.
    pub fn products_of(&self, kind: Kind, asset: Asset) -> impl Iterator<Item = &Product> {
        self.products
            .iter()
            .filter(move |p| p.kind == kind && p.asset == asset)
    }

    /// A protocol by id.
    pub fn protocol(&self, id: &str) -> Option<&ProtocolInfo> {
        self.protocols.iter().find(|p| p.id == id)
    }

    /// The price figure of an asset.
    pub fn price(&self, asset: Asset) -> Option<&Figure> {
        self.prices.get(asset.ticker())
    }

    /// The typical gas price on an asset's chain, if the catalog has one.
    pub fn gas_price(&self, asset: Asset) -> Option<&Figure> {
        self.gas_prices.get(asset.ticker())
    }
}
