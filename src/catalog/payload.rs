//! The runtime data file (`public/data/protocols.json`): a [`Catalog`] serialised as JSON with a
//! schema version. A site owner edits it to update numbers without rebuilding; the app checks it
//! here and, on any failure, falls back to the pristine copy the build ships beside it
//! (`data/defaults.json`, scripts/post-build.mjs), saying why.

use super::strategy::STRATEGIES;
use super::{Catalog, Figure, FigureUnit, Product};
use crate::engine::{
    validate::validate, Asset, CostSettings, RiskSettings, Scenario, Stake, StressSettings,
};
use std::collections::BTreeSet;

/// The data-file format this app reads.
pub const SCHEMA_VERSION: u32 = 1;
/// Largest data file accepted (the shipped one is ~30 KB).
pub const MAX_PAYLOAD_BYTES: usize = 1 << 20;
/// Most products / protocols a data file may list.
const MAX_ENTRIES: usize = 256;
/// Longest source or note text of a figure.
const MAX_FIGURE_TEXT: usize = 400;

/// Why a data file (or live answer) was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadError {
    /// Larger than the cap.
    #[error("it is {bytes} bytes, more than the {max}-byte limit")]
    TooLarge {
        /// Size received.
        bytes: usize,
        /// The cap.
        max: usize,
    },
    /// Not JSON at all, or truncated.
    #[error("not valid JSON ({0})")]
    NotJson(String),
    /// JSON, but not the expected shape (a field missing or of the wrong type).
    #[error("not in the expected format ({0})")]
    WrongShape(String),
    /// A schema version this app does not read.
    #[error("schema version {found} is not supported (this app reads version {SCHEMA_VERSION})")]
    WrongSchema {
        /// Version found (0 when absent).
        found: u64,
    },
    /// Well-formed but a value is missing or out of range.
    #[error("{0}")]
    Invalid(String),
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(160).collect();
    if text.chars().count() > 160 {
        s.push('…');
    }
    s
}

/// Parse and check a data file.
///
/// # Errors
/// The first reason the file cannot be used.
pub fn parse_payload(text: &str) -> Result<Catalog, PayloadError> {
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(PayloadError::TooLarge {
            bytes: text.len(),
            max: MAX_PAYLOAD_BYTES,
        });
    }
    let value =
        super::json::parse(text).map_err(|e| PayloadError::NotJson(short(&e.to_string())))?;
    let found = value
        .get("schema_version")
        .and_then(super::json::Value::as_f64)
        .filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x < 1e15)
        .map_or(0, |x| x as u64);
    if found != u64::from(SCHEMA_VERSION) {
        return Err(PayloadError::WrongSchema { found });
    }
    let catalog = super::read::catalog(&value).map_err(|e| PayloadError::WrongShape(short(&e)))?;
    check(&catalog).map_err(PayloadError::Invalid)?;
    Ok(catalog)
}

fn check_text(what: &str, text: &str, max: usize) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("{what}: empty"));
    }
    if text.chars().count() > max {
        return Err(format!("{what}: longer than {max} characters"));
    }
    Ok(())
}

fn check_figure(what: &str, f: &Figure) -> Result<(), String> {
    if !f.is_sane() {
        return Err(format!(
            "{what}: {} is not a sane {} value",
            f.value,
            f.unit.name()
        ));
    }
    check_text(&format!("{what}.source"), &f.source, MAX_FIGURE_TEXT)?;
    check_text(&format!("{what}.as_of"), &f.as_of, 32)?;
    if f.note.chars().count() > MAX_FIGURE_TEXT {
        return Err(format!(
            "{what}.note: longer than {MAX_FIGURE_TEXT} characters"
        ));
    }
    if f.assumption && f.note.trim().is_empty() {
        return Err(format!("{what}: an assumption must say why in its note"));
    }
    Ok(())
}

/// A product's `gas_in` and `gas_out` figures against the operations it names: each operation
/// must be in `gas_units`, and each figure must be the sum of its operations' units.
fn check_gas_ops(catalog: &Catalog, p: &Product) -> Result<(), String> {
    for (key, ops) in [("gas_in", &p.gas_ops.entry), ("gas_out", &p.gas_ops.exit)] {
        if ops.is_empty() && !p.params.contains_key(key) {
            continue;
        }
        let mut sum = 0.0;
        for op in ops {
            let units = catalog.gas_units.get(op).ok_or_else(|| {
                format!(
                    "products[{}].gas_ops: no operation {} in gas_units",
                    p.id,
                    short(op)
                )
            })?;
            sum += units.value;
        }
        let figure = p.params.get(key).map_or(0.0, |f| f.value);
        if !p.gas_ops.is_empty() && figure != sum {
            return Err(format!(
                "products[{}].{key}: {figure} is not the sum of its operations' gas ({sum})",
                p.id
            ));
        }
    }
    Ok(())
}

/// Check a catalog: every figure sane and sourced, every product a valid layer for the engine,
/// every price positive, every gas price on a known asset's chain, every product's gas the sum of
/// its operations, every strategy's products present.
///
/// # Errors
/// The first problem, naming where it is.
pub fn check(catalog: &Catalog) -> Result<(), String> {
    check_text("as_of", &catalog.as_of, 32)?;
    if catalog.products.len() > MAX_ENTRIES || catalog.protocols.len() > MAX_ENTRIES {
        return Err(format!("more than {MAX_ENTRIES} products or protocols"));
    }
    for asset in Asset::ALL {
        let what = format!("prices.{}", asset.ticker());
        let f = catalog
            .price(asset)
            .ok_or_else(|| format!("{what}: missing"))?;
        check_figure(&what, f)?;
        if f.value <= 0.0 {
            return Err(format!("{what}: must be greater than 0"));
        }
    }
    if catalog.crises.len() > MAX_ENTRIES {
        return Err(format!("more than {MAX_ENTRIES} crises"));
    }
    let mut ids = BTreeSet::new();
    for c in &catalog.crises {
        check_text("crises[].id", &c.id, 64)?;
        check_text(&format!("crises[{}].name", c.id), &c.name, 80)?;
        check_text(
            &format!("crises[{}].summary", c.id),
            &c.summary,
            MAX_FIGURE_TEXT,
        )?;
        check_text(&format!("crises[{}].start", c.id), &c.start, 32)?;
        check_text(&format!("crises[{}].end", c.id), &c.end, 32)?;
        if !ids.insert(c.id.as_str()) {
            return Err(format!("crises[{}]: listed twice", short(&c.id)));
        }
        for (k, f) in c.figures() {
            check_figure(&format!("crises[{}].{k}", c.id), f)?;
        }
        c.check()?;
    }
    for (ticker, f) in &catalog.gas_prices {
        let what = format!("gas_prices.{}", short(ticker));
        if !Asset::ALL.iter().any(|a| a.ticker() == ticker) {
            return Err(format!("{what}: not an asset (ETH, BTC, SOL or SUI)"));
        }
        check_figure(&what, f)?;
        if f.value > crate::engine::MAX_GAS_PRICE {
            return Err(format!(
                "{what}: above {} per gas unit",
                crate::engine::MAX_GAS_PRICE
            ));
        }
    }
    for (op, f) in &catalog.gas_units {
        let what = format!("gas_units.{}", short(op));
        check_figure(&what, f)?;
        if f.unit != FigureUnit::Gas {
            return Err(format!("{what}: its unit must be gas"));
        }
    }
    let mut ids = BTreeSet::new();
    for p in &catalog.protocols {
        check_text("protocols[].id", &p.id, 64)?;
        check_text(&format!("protocols[{}].name", p.id), &p.name, 64)?;
        if !ids.insert(p.id.as_str()) {
            return Err(format!("protocols[{}]: listed twice", short(&p.id)));
        }
        for (k, f) in &p.figures {
            check_figure(&format!("protocols[{}].{}", p.id, short(k)), f)?;
        }
    }
    let mut ids = BTreeSet::new();
    for p in &catalog.products {
        check_text("products[].id", &p.id, 64)?;
        check_text(&format!("products[{}].name", p.id), &p.name, 64)?;
        check_text(&format!("products[{}].token", p.id), &p.token, 64)?;
        if !ids.insert(p.id.as_str()) {
            return Err(format!("products[{}]: listed twice", short(&p.id)));
        }
        for (k, f) in p
            .params
            .iter()
            .chain(p.avs.iter().flat_map(|a| a.params.iter()))
        {
            check_figure(&format!("products[{}].{}", p.id, short(k)), f)?;
        }
        check_gas_ops(catalog, p)?;
        let layer = p.to_layer().map_err(|e| e.to_string())?;
        let price = catalog.price(p.asset).map_or(1.0, |f| f.value);
        let alone = Scenario {
            stake: Stake {
                amount: 1.0,
                asset: p.asset,
                price_usd: price,
            },
            horizon_days: 365.0,
            layers: vec![layer],
            risk: RiskSettings::default(),
            stress: StressSettings::default(),
            mc: Default::default(),
            costs: CostSettings {
                gas_price: catalog.gas_price(p.asset).map_or(0.0, |f| f.value),
            },
        };
        validate(&alone).map_err(|e| {
            format!(
                "products[{}]: {}",
                p.id,
                e.to_string().trim_start_matches("layers[0].")
            )
        })?;
    }
    for s in &STRATEGIES {
        s.scenario(catalog)
            .map_err(|e| format!("strategy {}: {e}", s.id))?;
    }
    Ok(())
}
