//! What a refresh of today's figures did (the prices of [`super::prices`] and the exit queue of
//! [`super::queue`]): the catalog with the new figures, each change, and each item left out with
//! its typed reason. Applying the new catalog to a scenario is [`super::rebase_scenario`], which
//! moves only the values that still equal their old preset (what the user typed stays).

use super::Catalog;
use crate::engine::Asset;
use std::fmt;

/// Which figure a refresh changed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refreshed {
    /// The USD price of an asset (`prices.<ticker>`).
    Price(Asset),
    /// A product's redemption path in days (`products[<id>].exit_days`).
    ExitDays {
        /// Product id.
        product: String,
    },
}

/// One figure a refresh changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    /// Which figure.
    pub figure: Refreshed,
    /// Its value before (`None`: the catalog had none).
    pub old: Option<f64>,
    /// Its value now.
    pub new: f64,
    /// The date and time the new value describes (`2026-11-24 10:00 UTC`).
    pub as_of: String,
}

/// Why an item of an answer was left out. Every variant names what the answer held, so the page
/// can say it; nothing is applied from a skipped item.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The answer has no entry for it (DefiLlama leaves stale coins out).
    Missing,
    /// A field the entry needs is absent.
    MissingField(&'static str),
    /// A field has the wrong JSON type (`found`: "a string", "null", …).
    WrongType {
        /// The field.
        field: &'static str,
        /// What it holds.
        found: &'static str,
    },
    /// A number outside its plausible range.
    OutOfRange {
        /// The field.
        field: &'static str,
        /// Its value.
        value: f64,
        /// Lowest accepted.
        min: f64,
        /// Highest accepted.
        max: f64,
    },
    /// The entry is for another coin.
    WrongSymbol {
        /// The symbol it gives (at most 16 characters).
        found: String,
    },
    /// The price is older than [`super::prices::MAX_PRICE_AGE_HOURS`].
    Stale {
        /// Its age in hours.
        hours: f64,
    },
    /// The timestamp is in the future (beyond a clock-skew allowance).
    InTheFuture {
        /// How far ahead, in hours.
        hours: f64,
    },
    /// DefiLlama's confidence in the price is below [`super::prices::MIN_CONFIDENCE`].
    LowConfidence {
        /// The confidence given.
        confidence: f64,
    },
    /// The new price is more than [`super::prices::MAX_PRICE_MOVE`] times above or below the
    /// price in use: more likely a wrong coin or unit than a market move.
    ImplausibleMove {
        /// The price in use.
        old: f64,
        /// The price given.
        new: f64,
    },
    /// The answer's `status` is not `OK`.
    NotOk {
        /// The status given (at most 16 characters).
        status: String,
    },
    /// The catalog has no product to apply it to.
    NotInCatalog,
}

/// One item a refresh left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// What it is: a ticker (`ETH`) or `exit queue`.
    pub item: String,
    /// Why.
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.item)?;
        match &self.reason {
            SkipReason::Missing => f.write_str("not in the answer"),
            SkipReason::MissingField(field) => write!(f, "no {field} in the answer"),
            SkipReason::WrongType { field, found } => {
                write!(f, "{field} is {found}, not a number or text as expected")
            }
            SkipReason::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field} {value} is outside {min}–{max}"),
            SkipReason::WrongSymbol { found } => write!(f, "the entry is for {found:?}"),
            SkipReason::Stale { hours } => write!(f, "the price is {} hours old", tenths(*hours)),
            SkipReason::InTheFuture { hours } => {
                write!(f, "the timestamp is {} hours in the future", tenths(*hours))
            }
            SkipReason::LowConfidence { confidence } => {
                write!(f, "DefiLlama's confidence in it is only {confidence}")
            }
            SkipReason::ImplausibleMove { old, new } => {
                write!(f, "{new} is too far from the price in use ({old})")
            }
            SkipReason::NotOk { status } => write!(f, "the answer's status is {status:?}"),
            SkipReason::NotInCatalog => f.write_str("the catalog has no product for it"),
        }
    }
}

/// `x` rounded to a tenth, for text: printed with `{}` (shortest form) rather than `{:.1}`, whose
/// exact-digit formatting would add about 5 KB to the page's wasm for these few messages.
pub(crate) fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// What a refresh did.
#[derive(Debug, Clone, PartialEq)]
pub struct RefreshOutcome {
    /// The catalog with the new figures (equal to the old one when nothing changed).
    pub catalog: Catalog,
    /// Figures changed.
    pub updated: Vec<FigureChange>,
    /// Items left out, each with its reason.
    pub skipped: Vec<Skipped>,
}

/// `2026-11-24 10:00 UTC` for a Unix time in seconds (the proleptic Gregorian calendar; Howard
/// Hinnant's `civil_from_days`). `None` outside years 1970–9999 or for a non-finite time.
pub fn utc_label(unix_s: f64) -> Option<String> {
    const MAX_UNIX_S: f64 = 253_402_300_799.0; // 9999-12-31 23:59:59
    if !(unix_s.is_finite() && (0.0..=MAX_UNIX_S).contains(&unix_s)) {
        return None;
    }
    // Bounded above, so the casts are exact.
    let secs = unix_s.floor() as i64;
    let days = secs.div_euclid(86_400);
    let of_day = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        of_day / 3_600,
        (of_day % 3_600) / 60
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_labels() {
        // (unix seconds, label): epoch, a leap day, the end of a year, the last second accepted.
        let cases = [
            (0.0, Some("1970-01-01 00:00 UTC")),
            (951_782_400.0, Some("2000-02-29 00:00 UTC")),
            (1_767_225_599.0, Some("2025-12-31 23:59 UTC")),
            (1_795_515_600.0, Some("2026-11-24 10:20 UTC")),
            (253_402_300_799.0, Some("9999-12-31 23:59 UTC")),
            (-1.0, None),
            (f64::NAN, None),
            (1e300, None),
        ];
        for (t, want) in cases {
            assert_eq!(utc_label(t).as_deref(), want, "{t}");
        }
    }
}
