//! One sourced number. Every preset value in the catalog is a [`Figure`]: what it is, where it
//! comes from and when, and whether it is an assumption (no published figure: a reasoned default
//! the user can edit).

use serde::{Deserialize, Serialize};

/// Unit of a figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureUnit {
    /// A fraction: rates per year, fees, probabilities, LTVs (0.035 = 3.5 %).
    Fraction,
    /// Days.
    Days,
    /// US dollars.
    Usd,
    /// A plain count or ratio (loops, an exchange rate, a gas price).
    Number,
    /// Gas units of transactions.
    Gas,
}

/// A sourced value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value, in `unit`.
    pub value: f64,
    /// Its unit.
    pub unit: FigureUnit,
    /// Where it comes from (article, documentation page, API).
    pub source: String,
    /// Date the figure describes (`2026-01`, `2026-11-24`).
    pub as_of: String,
    /// No published figure: a default chosen for the reason given in `note`.
    #[serde(default)]
    pub assumption: bool,
    /// Why this value (required for assumptions), or how it was derived.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl FigureUnit {
    /// Its name in the data file (`fraction`, `days`, `usd`, `number`, `gas`).
    pub fn name(self) -> &'static str {
        match self {
            FigureUnit::Fraction => "fraction",
            FigureUnit::Days => "days",
            FigureUnit::Usd => "usd",
            FigureUnit::Number => "number",
            FigureUnit::Gas => "gas",
        }
    }
}

impl Figure {
    /// Whether the value is usable: finite and within the sane range of its unit.
    pub fn is_sane(&self) -> bool {
        let v = self.value;
        v.is_finite()
            && match self.unit {
                FigureUnit::Fraction => (-1.0..=10.0).contains(&v),
                FigureUnit::Days => (0.0..=36_500.0).contains(&v),
                FigureUnit::Usd => (0.0..=1e13).contains(&v),
                FigureUnit::Number => (0.0..=1e6).contains(&v),
                FigureUnit::Gas => (0.0..=crate::engine::MAX_GAS_UNITS).contains(&v),
            }
    }
}
