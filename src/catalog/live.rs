//! Live yields from a public API, mapped onto the catalog's products. The default source is
//! DefiLlama's pools endpoint (`https://yields.llama.fi/pools`, documented at
//! <https://defillama.com/docs/api>): `{"status":"success","data":[{"pool","chain","project",
//! "symbol","tvlUsd","apy","apyBase",...}]}` with APYs in percent.
//!
//! Every entry is checked on its own (finite, TVL ≥ 0, APY in [0, 100] %), so one bad entry
//! skips one update, not the refresh; what was updated and what was not is listed.

use super::json::{self, Value};
use super::payload::PayloadError;
use super::{Catalog, Figure, FigureUnit};
use crate::engine::apy_to_apr;

/// Largest answer read (DefiLlama's full pool list is ~10 MB).
pub const MAX_LIVE_BYTES: usize = 32 << 20;
/// Highest APY (percent) accepted for a staking pool: anything above is not a base yield.
pub const MAX_LIVE_APY_PERCENT: f64 = 100.0;
/// Default live source.
pub const DEFAULT_LIVE_URL: &str = "https://yields.llama.fi/pools";

/// Which API pool feeds which product's base APR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveMapping {
    /// Product updated.
    pub product: &'static str,
    /// DefiLlama project slug.
    pub project: &'static str,
    /// Chain name as DefiLlama writes it.
    pub chain: &'static str,
    /// Pool symbol.
    pub symbol: &'static str,
}

/// The mapped pools (matched by project, chain and symbol, case-insensitively; the largest TVL
/// wins when several match).
pub const MAPPINGS: [LiveMapping; 5] = [
    LiveMapping {
        product: "lido-wsteth",
        project: "lido",
        chain: "Ethereum",
        symbol: "STETH",
    },
    LiveMapping {
        product: "etherfi-eeth",
        project: "ether.fi-stake",
        chain: "Ethereum",
        symbol: "WEETH",
    },
    LiveMapping {
        product: "eth-native",
        project: "lido",
        chain: "Ethereum",
        symbol: "STETH",
    },
    LiveMapping {
        product: "jito-jitosol",
        project: "jito-liquid-staking",
        chain: "Solana",
        symbol: "JITOSOL",
    },
    LiveMapping {
        product: "haedal-hasui",
        project: "haedal-protocol",
        chain: "Sui",
        symbol: "HASUI",
    },
];

/// One value the refresh changed.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveChange {
    /// Product id.
    pub product: String,
    /// Parameter key.
    pub key: String,
    /// Value before.
    pub old: f64,
    /// Value after.
    pub new: f64,
}

/// What a refresh did.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveOutcome {
    /// The catalog with the updates applied.
    pub catalog: Catalog,
    /// Values updated.
    pub updated: Vec<LiveChange>,
    /// Mappings not applied, each with its reason.
    pub skipped: Vec<String>,
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The APY in percent of a pool entry: `apyBase` (the staking yield without reward tokens) when
/// present, else `apy`; checked.
fn pool_apy(v: &Value) -> Result<f64, String> {
    let apy = v
        .get("apyBase")
        .and_then(Value::as_f64)
        .or_else(|| v.get("apy").and_then(Value::as_f64))
        .ok_or("no APY in the answer")?;
    if !apy.is_finite() || !(0.0..=MAX_LIVE_APY_PERCENT).contains(&apy) {
        return Err(format!("APY {apy}% is outside 0–{MAX_LIVE_APY_PERCENT}%"));
    }
    Ok(apy)
}

fn pool_tvl(v: &Value) -> f64 {
    match v.get("tvlUsd").and_then(Value::as_f64) {
        Some(t) if t.is_finite() && t >= 0.0 => t,
        _ => -1.0,
    }
}

/// Apply a live answer to `catalog`. `fetched_on` is the date stamped on updated figures.
///
/// The API's APY is the holder's net yield; the product's `base_apr` is gross of its
/// `fee_ratio`, so base APR = APR(APY) / (1 − fee), APR(APY) with daily compounding
/// ([`apy_to_apr`]), rounded to 0.01 %.
///
/// # Errors
/// The answer is too large, not JSON, or not `{"data": [...]}`: nothing is applied.
pub fn apply_live(
    catalog: &Catalog,
    body: &str,
    fetched_on: &str,
) -> Result<LiveOutcome, PayloadError> {
    if body.len() > MAX_LIVE_BYTES {
        return Err(PayloadError::TooLarge {
            bytes: body.len(),
            max: MAX_LIVE_BYTES,
        });
    }
    let value = json::parse(body)
        .map_err(|e| PayloadError::NotJson(e.to_string().chars().take(160).collect()))?;
    let pools = value
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| PayloadError::WrongShape("no \"data\" list in the answer".into()))?;
    let mut out = catalog.clone();
    let mut updated = Vec::new();
    let mut skipped = Vec::new();
    for m in MAPPINGS {
        let best = pools
            .iter()
            .filter(|p| {
                text(p, "project").eq_ignore_ascii_case(m.project)
                    && text(p, "chain").eq_ignore_ascii_case(m.chain)
                    && text(p, "symbol").eq_ignore_ascii_case(m.symbol)
                    && pool_tvl(p) >= 0.0
            })
            .max_by(|a, b| pool_tvl(a).total_cmp(&pool_tvl(b)));
        let Some(pool) = best else {
            skipped.push(format!(
                "{}: no {} {} pool in the answer",
                m.product, m.project, m.symbol
            ));
            continue;
        };
        let apy = match pool_apy(pool) {
            Ok(a) => a,
            Err(why) => {
                skipped.push(format!("{}: {why}", m.product));
                continue;
            }
        };
        let Some(product) = out.products.iter_mut().find(|p| p.id == m.product) else {
            skipped.push(format!("{}: not in the catalog", m.product));
            continue;
        };
        let fee = product.params.get("fee_ratio").map_or(0.0, |f| f.value);
        if !(0.0..1.0).contains(&fee) {
            skipped.push(format!(
                "{}: fee {fee} leaves no yield to gross up",
                m.product
            ));
            continue;
        }
        let base = (apy_to_apr(apy / 100.0) / (1.0 - fee) * 1e4).round() / 1e4;
        let old = product.params.get("base_apr").map_or(f64::NAN, |f| f.value);
        let pool_id: String = text(pool, "pool").chars().take(64).collect();
        product.params.insert(
            "base_apr".into(),
            Figure {
                value: base,
                unit: FigureUnit::Fraction,
                source: format!("DefiLlama yields API, pool {pool_id}"),
                as_of: fetched_on.chars().take(32).collect(),
                assumption: false,
                note: format!(
                    "{} {} APY {}% converted to APR{}",
                    m.project,
                    m.symbol,
                    (apy * 100.0).round() / 100.0,
                    if fee > 0.0 {
                        ", grossed up for the protocol fee"
                    } else {
                        ""
                    }
                ),
            },
        );
        updated.push(LiveChange {
            product: m.product.into(),
            key: "base_apr".into(),
            old,
            new: base,
        });
    }
    if !updated.is_empty() {
        out.as_of = fetched_on.chars().take(32).collect();
    }
    Ok(LiveOutcome {
        catalog: out,
        updated,
        skipped,
    })
}
