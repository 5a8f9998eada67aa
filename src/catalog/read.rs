//! Reading a [`Catalog`] out of a parsed data file ([`super::json::Value`]): the schema-1 shape,
//! field by field, each mistake named by its path (`products[3].params.ltv.value: expected a
//! number, found a string`). Only the shape is checked here; [`super::payload::check`] then
//! checks the figures.

use super::json::Value;
use super::{AvsPreset, Catalog, Crisis, Figure, FigureUnit, GasOps, Product, ProtocolInfo};
use crate::engine::{Asset, DebtAsset, Kind, OracleKind};
use std::collections::BTreeMap;

type Read<T> = Result<T, String>;

fn wrong(path: &str, expected: &str, found: &Value) -> String {
    format!("{path}: expected {expected}, found {}", found.kind())
}

/// `path.key`, or `key` at the top level.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn string(v: &Value, path: &str) -> Read<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| wrong(path, "a string", v))
}

fn number(v: &Value, path: &str) -> Read<f64> {
    v.as_f64().ok_or_else(|| wrong(path, "a number", v))
}

fn member<'v>(v: &'v Value, key: &str, path: &str) -> Read<&'v Value> {
    if v.as_object().is_none() {
        return Err(wrong(
            if path.is_empty() { "the file" } else { path },
            "an object",
            v,
        ));
    }
    v.get(key)
        .ok_or_else(|| format!("{}: missing", join(path, key)))
}

fn text_field(v: &Value, key: &str, path: &str) -> Read<String> {
    string(member(v, key, path)?, &join(path, key))
}

/// One of a closed set of names, matched ignoring ASCII case (the data file writes Rust's
/// variant names: `Eth`, `ExchangeRate`, `Base`; the link codes `ETH`, `rate`, `base` are read
/// too).
fn choice<T: Copy>(v: &Value, path: &str, options: &[(T, &[&str])]) -> Read<T> {
    let text = string(v, path)?;
    options
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(text.trim())))
        .map(|(t, _)| *t)
        .ok_or_else(|| {
            let names: Vec<&str> = options
                .iter()
                .filter_map(|(_, n)| n.first().copied())
                .collect();
            format!("{path}: expected one of {}", names.join(", "))
        })
}

fn figure(v: &Value, path: &str) -> Read<Figure> {
    let unit = choice(
        member(v, "unit", path)?,
        &format!("{path}.unit"),
        &[
            (FigureUnit::Fraction, &["fraction"]),
            (FigureUnit::Days, &["days"]),
            (FigureUnit::Usd, &["usd"]),
            (FigureUnit::Number, &["number"]),
            (FigureUnit::Gas, &["gas"]),
        ],
    )?;
    let optional_bool = |key: &str| -> Read<bool> {
        match v.get(key) {
            None => Ok(false),
            Some(b) => b
                .as_bool()
                .ok_or_else(|| wrong(&format!("{path}.{key}"), "true or false", b)),
        }
    };
    Ok(Figure {
        value: number(member(v, "value", path)?, &format!("{path}.value"))?,
        unit,
        source: text_field(v, "source", path)?,
        as_of: text_field(v, "as_of", path)?,
        assumption: optional_bool("assumption")?,
        note: match v.get("note") {
            None => String::new(),
            Some(n) => string(n, &format!("{path}.note"))?,
        },
    })
}

fn figures(v: &Value, path: &str) -> Read<BTreeMap<String, Figure>> {
    let members = v.as_object().ok_or_else(|| wrong(path, "an object", v))?;
    members
        .iter()
        .map(|(k, f)| Ok((k.clone(), figure(f, &format!("{path}.{k}"))?)))
        .collect()
}

fn array<'v>(v: &'v Value, key: &str, path: &str) -> Read<&'v [Value]> {
    let items = member(v, key, path)?;
    items
        .as_array()
        .ok_or_else(|| wrong(&join(path, key), "an array", items))
}

fn protocol(v: &Value, path: &str) -> Read<ProtocolInfo> {
    Ok(ProtocolInfo {
        id: text_field(v, "id", path)?,
        name: text_field(v, "name", path)?,
        chain: text_field(v, "chain", path)?,
        docs: text_field(v, "docs", path)?,
        figures: figures(member(v, "figures", path)?, &format!("{path}.figures"))?,
    })
}

fn product(v: &Value, path: &str) -> Read<Product> {
    let asset = choice(
        member(v, "asset", path)?,
        &format!("{path}.asset"),
        &[
            (Asset::Eth, &["Eth"]),
            (Asset::Btc, &["Btc"]),
            (Asset::Sol, &["Sol"]),
            (Asset::Sui, &["Sui"]),
        ],
    )?;
    let kind = string(member(v, "kind", path)?, &format!("{path}.kind"))?
        .parse::<Kind>()
        .map_err(|e| format!("{path}.kind: {e}"))?;
    let avs = match v.get("avs") {
        None => Vec::new(),
        Some(list) => list
            .as_array()
            .ok_or_else(|| wrong(&format!("{path}.avs"), "an array", list))?
            .iter()
            .enumerate()
            .map(|(j, a)| {
                let at = format!("{path}.avs[{j}]");
                Ok(AvsPreset {
                    name: text_field(a, "name", &at)?,
                    params: figures(member(a, "params", &at)?, &format!("{at}.params"))?,
                })
            })
            .collect::<Read<_>>()?,
    };
    let optional = |key: &str| v.get(key).filter(|x| **x != Value::Null);
    let oracle = optional("oracle")
        .map(|o| {
            choice(
                o,
                &format!("{path}.oracle"),
                &[
                    (OracleKind::Market, &["Market", "mkt"]),
                    (OracleKind::ExchangeRate, &["ExchangeRate", "rate"]),
                    (OracleKind::LinearDiscount, &["LinearDiscount", "lin"]),
                ],
            )
        })
        .transpose()?;
    let debt = optional("debt")
        .map(|d| {
            choice(
                d,
                &format!("{path}.debt"),
                &[(DebtAsset::Base, &["Base"]), (DebtAsset::Usd, &["Usd"])],
            )
        })
        .transpose()?;
    let flag = |key: &str| -> Read<bool> {
        match v.get(key) {
            None => Ok(false),
            Some(b) => b
                .as_bool()
                .ok_or_else(|| wrong(&format!("{path}.{key}"), "true or false", b)),
        }
    };
    let gas_ops = match optional("gas_ops") {
        None => GasOps::default(),
        Some(ops) => {
            let at = format!("{path}.gas_ops");
            let names = |key: &str| -> Read<Vec<String>> {
                match ops.get(key) {
                    None => Ok(Vec::new()),
                    Some(list) => list
                        .as_array()
                        .ok_or_else(|| wrong(&format!("{at}.{key}"), "an array", list))?
                        .iter()
                        .enumerate()
                        .map(|(j, n)| string(n, &format!("{at}.{key}[{j}]")))
                        .collect(),
                }
            };
            if ops.as_object().is_none() {
                return Err(wrong(&at, "an object", ops));
            }
            GasOps {
                entry: names("entry")?,
                exit: names("exit")?,
            }
        }
    };
    Ok(Product {
        id: text_field(v, "id", path)?,
        protocol: text_field(v, "protocol", path)?,
        name: text_field(v, "name", path)?,
        asset,
        kind,
        token: text_field(v, "token", path)?,
        params: figures(member(v, "params", path)?, &format!("{path}.params"))?,
        avs,
        oracle,
        debt,
        instant_exit: flag("instant_exit")?,
        bought: flag("bought")?,
        gas_ops,
    })
}

fn crisis(v: &Value, path: &str) -> Read<Crisis> {
    let optional_figure = |key: &str| -> Read<Option<Figure>> {
        match v.get(key).filter(|x| **x != Value::Null) {
            None => Ok(None),
            Some(f) => figure(f, &format!("{path}.{key}")).map(Some),
        }
    };
    let at = |key: &str| format!("{path}.{key}");
    Ok(Crisis {
        id: text_field(v, "id", path)?,
        name: text_field(v, "name", path)?,
        start: text_field(v, "start", path)?,
        end: text_field(v, "end", path)?,
        summary: text_field(v, "summary", path)?,
        price_change: figure(member(v, "price_change", path)?, &at("price_change"))?,
        depeg: figure(member(v, "depeg", path)?, &at("depeg"))?,
        depeg_days: figure(member(v, "depeg_days", path)?, &at("depeg_days"))?,
        borrow_apr: optional_figure("borrow_apr")?,
        exit_queue_days: optional_figure("exit_queue_days")?,
        redemptions_closed: match v.get("redemptions_closed") {
            None => false,
            Some(b) => b
                .as_bool()
                .ok_or_else(|| wrong(&at("redemptions_closed"), "true or false", b))?,
        },
    })
}

/// The catalog a parsed data file describes.
///
/// # Errors
/// The first field missing or of the wrong type, named by its path.
pub fn catalog(v: &Value) -> Read<Catalog> {
    let schema = member(v, "schema_version", "")?;
    let schema_version = schema
        .as_f64()
        .filter(|x| x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(x))
        .map(|x| x as u32)
        .ok_or_else(|| wrong("schema_version", "a whole number", schema))?;
    Ok(Catalog {
        schema_version,
        as_of: text_field(v, "as_of", "")?,
        prices: figures(member(v, "prices", "")?, "prices")?,
        // Optional sections (added with the cost model): absent in older files.
        gas_prices: match v.get("gas_prices") {
            None => BTreeMap::new(),
            Some(f) => figures(f, "gas_prices")?,
        },
        gas_units: match v.get("gas_units") {
            None => BTreeMap::new(),
            Some(f) => figures(f, "gas_units")?,
        },
        protocols: array(v, "protocols", "")?
            .iter()
            .enumerate()
            .map(|(i, p)| protocol(p, &format!("protocols[{i}]")))
            .collect::<Read<_>>()?,
        products: array(v, "products", "")?
            .iter()
            .enumerate()
            .map(|(i, p)| product(p, &format!("products[{i}]")))
            .collect::<Read<_>>()?,
        crises: match v.get("crises") {
            None => Vec::new(),
            Some(_) => array(v, "crises", "")?
                .iter()
                .enumerate()
                .map(|(i, c)| crisis(c, &format!("crises[{i}]")))
                .collect::<Read<_>>()?,
        },
    })
}
