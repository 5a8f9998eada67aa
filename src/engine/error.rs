//! Typed validation errors: the field's path (`layers[2].ltv`) and what is wrong with it, as a
//! [`Problem`] with its numbers. The UI words them next to the field ("Enter an amount above 0");
//! `Display` gives a developer's one-line form with the path, for tests and logs.

use std::fmt;

/// What is wrong with a field. Numbers are in the field's own unit (fractions for rates).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// Not a finite number.
    NotFinite,
    /// Below the lowest valid value (`open`: the value itself is not allowed either).
    BelowMin {
        /// The lowest valid value.
        min: f64,
        /// Whether `min` itself is excluded ("above 0" rather than "at least 0").
        open: bool,
    },
    /// Above the highest valid value.
    AboveMax {
        /// The highest valid value.
        max: f64,
        /// Whether `max` itself is excluded ("below 1" rather than "at most 1").
        open: bool,
    },
    /// Text longer than allowed.
    TooLong {
        /// Most characters.
        max_chars: usize,
    },
    /// More items than allowed (layers, AVSs, loops).
    TooMany {
        /// How many were given.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// The stack has no layers.
    Empty,
    /// A loop's LTV is above its liquidation threshold.
    LtvAboveThreshold {
        /// The threshold.
        threshold: f64,
    },
    /// A YT at or past maturity (worth 0).
    YtExpired,
    /// A YT so cheap that its yield exposure exceeds the engine's bound.
    YtTooCheap {
        /// P_YT in underlying units.
        price: f64,
        /// The cheapest accepted ([`super::MIN_YT_PRICE`]).
        min_price: f64,
    },
    /// An AVS's slashing severity above its allocated magnitude.
    SeverityAboveMagnitude {
        /// The magnitude.
        magnitude: f64,
    },
    /// Allocated magnitudes sum above 1 (unique stake, ELIP-002).
    MagnitudesAboveOne {
        /// Their sum.
        total: f64,
    },
    /// A target leverage below 1.
    TargetBelowOne,
    /// A target leverage above what the LTV (or the engine) allows.
    TargetAboveMax {
        /// The highest reachable leverage.
        max: f64,
        /// Whether the bound is the engine's own ([`super::MAX_LOOP_LEVERAGE`]) rather than
        /// 1/(1 − ltv).
        engine_cap: bool,
    },
}

/// Why a scenario cannot be evaluated: the first invalid field and its problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// Path of the field (`stake.amount`, `layers[2].ltv`, `layers[1].avs[0].severity`, `layers`).
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

impl ScenarioError {
    /// Path of the offending field, for putting the message next to it in the UI.
    pub fn field(&self) -> &str {
        &self.field
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFinite => f.write_str("not a finite number"),
            Problem::BelowMin { min, open: true } => write!(f, "must be greater than {min}"),
            Problem::BelowMin { min, open: false } => write!(f, "is below the minimum {min}"),
            Problem::AboveMax { max, open: true } => write!(f, "must be below {max}"),
            Problem::AboveMax { max, open: false } => write!(f, "is above the maximum {max}"),
            Problem::TooLong { max_chars } => write!(f, "longer than {max_chars} characters"),
            Problem::TooMany { count, max } => write!(f, "{count} is more than the maximum {max}"),
            Problem::Empty => f.write_str("the stack is empty"),
            Problem::LtvAboveThreshold { threshold } => {
                write!(f, "is above the liquidation threshold {threshold}")
            }
            Problem::YtExpired => f.write_str("the YT has expired (worth 0)"),
            Problem::YtTooCheap { price, min_price } => {
                write!(
                    f,
                    "prices the YT at {price:e}, below the minimum {min_price}"
                )
            }
            Problem::SeverityAboveMagnitude { magnitude } => {
                write!(f, "is above the allocated magnitude {magnitude}")
            }
            Problem::MagnitudesAboveOne { total } => {
                write!(f, "allocated magnitudes sum to {total}, above 1")
            }
            Problem::TargetBelowOne => f.write_str("target leverage is below 1"),
            Problem::TargetAboveMax { max, .. } => {
                write!(f, "target leverage is above the maximum {max}")
            }
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for ScenarioError {}
