//! Today's USD prices of ETH, BTC, SOL and SUI from DefiLlama's public prices API
//! ([`PRICES_URL`], documented in DefiLlama/api-docs, `defillama-openapi-free.json`,
//! `/prices/current/{coins}`): `{"coins": {"coingecko:ethereum": {"price": 3012.5, "symbol":
//! "ETH", "timestamp": 1795515600, "confidence": 0.99}, …}}`. `price`, `symbol` and `timestamp`
//! (Unix seconds) are required by the schema; `confidence` (0–1, "related to the depth of
//! liquidity") is optional, and a coin whose price is stale is left out of the answer.
//!
//! Total: any text gives an outcome or a [`PayloadError`], never a panic. Each coin is checked on
//! its own, so a bad entry skips only its own price, with a [`SkipReason`].

use super::json::{self, Value};
use super::payload::PayloadError;
use super::refresh::{utc_label, FigureChange, RefreshOutcome, Refreshed, SkipReason, Skipped};
use super::{Catalog, Figure, FigureUnit};
use crate::engine::{Asset, MAX_PRICE_USD};

/// The request: current prices of the four assets by CoinGecko id.
pub const PRICES_URL: &str = "https://coins.llama.fi/prices/current/coingecko:ethereum,coingecko:bitcoin,coingecko:solana,coingecko:sui";
/// Largest answer read (the real one is under 1 KB).
pub const MAX_PRICES_BYTES: usize = 64 << 10;
/// Oldest price accepted: a day (DefiLlama's default search width is 12 hours).
pub const MAX_PRICE_AGE_HOURS: f64 = 24.0;
/// Clock skew allowed for a timestamp ahead of the caller's clock.
pub const MAX_FUTURE_HOURS: f64 = 1.0;
/// Lowest DefiLlama confidence accepted (it suggests filtering low-confidence prices out).
pub const MIN_CONFIDENCE: f64 = 0.5;
/// Largest factor between a new price and the one in use: beyond it the answer is more likely a
/// wrong coin or unit than a market move, and the price is skipped.
pub const MAX_PRICE_MOVE: f64 = 20.0;
/// Earliest timestamp accepted (2015-01-01), before any of the four assets traded as priced.
const MIN_TIMESTAMP_S: f64 = 1_420_070_400.0;

/// Each asset and its key in the answer.
pub const PRICE_COINS: [(Asset, &str); 4] = [
    (Asset::Eth, "coingecko:ethereum"),
    (Asset::Btc, "coingecko:bitcoin"),
    (Asset::Sol, "coingecko:solana"),
    (Asset::Sui, "coingecko:sui"),
];

/// One price that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct LivePrice {
    /// The asset.
    pub asset: Asset,
    /// USD price of one unit.
    pub usd: f64,
    /// When DefiLlama priced it, Unix seconds.
    pub timestamp_s: f64,
    /// DefiLlama's confidence, when given.
    pub confidence: Option<f64>,
}

fn skip(asset: Asset, reason: SkipReason) -> Skipped {
    Skipped {
        item: asset.ticker().into(),
        reason,
    }
}

/// A number field of an entry: present, a number, within `min..=max`.
fn number(entry: &Value, field: &'static str, min: f64, max: f64) -> Result<f64, SkipReason> {
    let v = entry.get(field).ok_or(SkipReason::MissingField(field))?;
    let x = v.as_f64().ok_or(SkipReason::WrongType {
        field,
        found: v.kind(),
    })?;
    if x.is_finite() && (min..=max).contains(&x) {
        Ok(x)
    } else {
        Err(SkipReason::OutOfRange {
            field,
            value: x,
            min,
            max,
        })
    }
}

/// One entry checked: price in (0, [`MAX_PRICE_USD`]], the asset's symbol, a timestamp neither
/// older than [`MAX_PRICE_AGE_HOURS`] nor ahead of `now_unix_s` by more than
/// [`MAX_FUTURE_HOURS`] (not checked when `now_unix_s` is not finite), a confidence of at least
/// [`MIN_CONFIDENCE`] when given.
fn check_entry(asset: Asset, entry: &Value, now_unix_s: f64) -> Result<LivePrice, SkipReason> {
    if entry.as_object().is_none() {
        return Err(SkipReason::WrongType {
            field: "entry",
            found: entry.kind(),
        });
    }
    let usd = number(entry, "price", f64::MIN_POSITIVE, MAX_PRICE_USD)?;
    let symbol = entry
        .get("symbol")
        .ok_or(SkipReason::MissingField("symbol"))?;
    let symbol = symbol.as_str().ok_or(SkipReason::WrongType {
        field: "symbol",
        found: symbol.kind(),
    })?;
    if !symbol.trim().eq_ignore_ascii_case(asset.ticker()) {
        return Err(SkipReason::WrongSymbol {
            found: symbol.chars().take(16).collect(),
        });
    }
    let timestamp_s = number(entry, "timestamp", MIN_TIMESTAMP_S, 253_402_300_799.0)?;
    if now_unix_s.is_finite() {
        let age_hours = (now_unix_s - timestamp_s) / 3_600.0;
        if age_hours > MAX_PRICE_AGE_HOURS {
            return Err(SkipReason::Stale { hours: age_hours });
        }
        if -age_hours > MAX_FUTURE_HOURS {
            return Err(SkipReason::InTheFuture { hours: -age_hours });
        }
    }
    let confidence = match entry.get("confidence") {
        None | Some(Value::Null) => None,
        Some(_) => Some(number(entry, "confidence", 0.0, 1.0)?),
    };
    if let Some(c) = confidence.filter(|c| *c < MIN_CONFIDENCE) {
        return Err(SkipReason::LowConfidence { confidence: c });
    }
    Ok(LivePrice {
        asset,
        usd,
        timestamp_s,
        confidence,
    })
}

/// Read a prices answer: the prices that pass every check, and the assets skipped with why.
/// `now_unix_s` is the caller's clock (for the age checks; pass `f64::NAN` to skip them).
///
/// # Errors
/// The answer is too large, not JSON, or has no `coins` object: nothing can be read.
pub fn parse_prices(
    body: &str,
    now_unix_s: f64,
) -> Result<(Vec<LivePrice>, Vec<Skipped>), PayloadError> {
    if body.len() > MAX_PRICES_BYTES {
        return Err(PayloadError::TooLarge {
            bytes: body.len(),
            max: MAX_PRICES_BYTES,
        });
    }
    let value = json::parse(body)
        .map_err(|e| PayloadError::NotJson(e.to_string().chars().take(160).collect()))?;
    let coins = value
        .get("coins")
        .filter(|c| c.as_object().is_some())
        .ok_or_else(|| PayloadError::WrongShape("no \"coins\" object in the answer".into()))?;
    let mut prices = Vec::new();
    let mut skipped = Vec::new();
    for (asset, key) in PRICE_COINS {
        match coins.get(key) {
            None => skipped.push(skip(asset, SkipReason::Missing)),
            Some(entry) => match check_entry(asset, entry, now_unix_s) {
                Ok(p) => prices.push(p),
                Err(reason) => skipped.push(skip(asset, reason)),
            },
        }
    }
    Ok((prices, skipped))
}

/// Apply a prices answer to `catalog`: each checked price replaces the asset's price figure
/// unless it is more than [`MAX_PRICE_MOVE`] times above or below it. The new figure says where
/// it comes from and, as its "as of", when DefiLlama priced it. The catalog's own `as_of` is left
/// as it is (it dates the data file).
///
/// # Errors
/// As [`parse_prices`]: then nothing is applied.
pub fn apply_prices(
    catalog: &Catalog,
    body: &str,
    now_unix_s: f64,
) -> Result<RefreshOutcome, PayloadError> {
    let (prices, mut skipped) = parse_prices(body, now_unix_s)?;
    let mut out = catalog.clone();
    let mut updated = Vec::new();
    for p in prices {
        let old = catalog.price(p.asset).map(|f| f.value);
        if let Some(o) = old.filter(|o| *o > 0.0) {
            if p.usd > o * MAX_PRICE_MOVE || p.usd * MAX_PRICE_MOVE < o {
                skipped.push(skip(
                    p.asset,
                    SkipReason::ImplausibleMove { old: o, new: p.usd },
                ));
                continue;
            }
        }
        let as_of = utc_label(p.timestamp_s).unwrap_or_default();
        let key = PRICE_COINS
            .iter()
            .find(|(a, _)| *a == p.asset)
            .map_or("", |(_, k)| k);
        out.prices.insert(
            p.asset.ticker().into(),
            Figure {
                value: p.usd,
                unit: FigureUnit::Usd,
                source: format!("DefiLlama prices API (coins.llama.fi), {key}"),
                as_of: as_of.clone(),
                assumption: false,
                note: p
                    .confidence
                    .map(|c| format!("DefiLlama confidence {c}"))
                    .unwrap_or_default(),
            },
        );
        updated.push(FigureChange {
            figure: Refreshed::Price(p.asset),
            old,
            new: p.usd,
            as_of,
        });
    }
    Ok(RefreshOutcome {
        catalog: out,
        updated,
        skipped,
    })
}
