//! Validation of a [`Network`] before any analysis: every number finite and in range, every
//! allocation pointing at a service once, the reuse rule's allocation rule kept, names unique.
//! Each failure is a [`NetworkError`] naming the field by the same paths as the link's notices
//! (`operators[1].alloc[0].mag`).

use super::network::{name_key, Network, Reuse};
use crate::engine::{Problem, MAX_TEXT_CHARS};
use std::fmt;

/// Most services in a network.
pub const MAX_SERVICES: usize = 16;
/// Most operators in a network. The exact analysis needs fewer restaked stake units
/// ([`super::EXACT_MAX_UNITS`]); larger networks get the sufficient condition only.
pub const MAX_OPERATORS: usize = 32;
/// Largest stake or profit accepted, in millions of USD (10^15 USD): sums over every operator stay
/// far from overflow.
pub const MAX_AMOUNT_MUSD: f64 = 1e9;
/// Rounding slack when checking that unique-stake magnitudes sum to at most 1 (as for the AVS
/// magnitudes of a restake layer).
const MAGNITUDE_SLACK: f64 = 1e-9;

/// What is wrong with a network field.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NetworkProblem {
    /// A number outside its range (or not finite, or a list too long): the engine's own
    /// [`Problem`].
    Range(Problem),
    /// No services, or no operators.
    Empty,
    /// A name used by an earlier service (names are compared ignoring case and spaces around).
    DuplicateName {
        /// Index of the earlier service.
        first: usize,
    },
    /// An allocation to a service index the network does not have.
    UnknownService {
        /// The index given.
        service: usize,
    },
    /// A second allocation of one operator to the same service.
    DuplicateAllocation {
        /// Index of the earlier allocation.
        first: usize,
    },
    /// Under full reuse the whole stake secures each service: a magnitude other than 1.
    PartialUnderFullReuse {
        /// The magnitude given.
        magnitude: f64,
    },
    /// Unique-stake magnitudes of one operator summing above 1 (ELIP-002).
    MagnitudesAboveOne {
        /// Their sum.
        total: f64,
    },
}

/// Why a network cannot be analysed: the first invalid field and its problem.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkError {
    /// Path of the field (`services[0].thr`, `operators[1].alloc[0].mag`, `operators`).
    pub field: String,
    /// What is wrong.
    pub problem: NetworkProblem,
}

impl fmt::Display for NetworkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetworkProblem::Range(p) => write!(f, "{p}"),
            NetworkProblem::Empty => f.write_str("is empty"),
            NetworkProblem::DuplicateName { first } => {
                write!(f, "repeats the name of services[{first}]")
            }
            NetworkProblem::UnknownService { service } => {
                write!(f, "points at service {service}, which does not exist")
            }
            NetworkProblem::DuplicateAllocation { first } => {
                write!(f, "allocates to the same service as alloc[{first}]")
            }
            NetworkProblem::PartialUnderFullReuse { magnitude } => write!(
                f,
                "is {magnitude}; under full reuse the whole stake (1) secures each service"
            ),
            NetworkProblem::MagnitudesAboveOne { total } => {
                write!(f, "unique-stake magnitudes sum to {total}, above 1")
            }
        }
    }
}

impl fmt::Display for NetworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for NetworkError {}

fn err(field: impl Into<String>, problem: NetworkProblem) -> NetworkError {
    NetworkError {
        field: field.into(),
        problem,
    }
}

fn range(field: impl Into<String>, problem: Problem) -> NetworkError {
    err(field, NetworkProblem::Range(problem))
}

/// `x` within [min, max] (`min_open`: x > min).
fn number(field: &str, x: f64, min: f64, min_open: bool, max: f64) -> Result<(), NetworkError> {
    if !x.is_finite() {
        Err(range(field, Problem::NotFinite))
    } else if x < min || (min_open && x <= min) {
        Err(range(
            field,
            Problem::BelowMin {
                min,
                open: min_open,
            },
        ))
    } else if x > max {
        Err(range(field, Problem::AboveMax { max, open: false }))
    } else {
        Ok(())
    }
}

fn text(field: String, value: &str) -> Result<(), NetworkError> {
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(range(
            field,
            Problem::TooLong {
                max_chars: MAX_TEXT_CHARS,
            },
        ));
    }
    Ok(())
}

fn count(field: &str, n: usize, max: usize) -> Result<(), NetworkError> {
    if n == 0 {
        Err(err(field, NetworkProblem::Empty))
    } else if n > max {
        Err(range(field, Problem::TooMany { count: n, max }))
    } else {
        Ok(())
    }
}

/// Check a whole network, fields in order.
///
/// Ranges: 1–[`MAX_SERVICES`] services and 1–[`MAX_OPERATORS`] operators; names at most
/// [`MAX_TEXT_CHARS`] characters, service names unique; profit from corruption in
/// [0, [`MAX_AMOUNT_MUSD`]]; threshold α in (0, 1]; stake in (0, [`MAX_AMOUNT_MUSD`]];
/// magnitude in (0, 1], exactly 1 under full reuse, summing to at most 1 per operator under
/// unique stake; at most one allocation per operator and service; shock ψ in [0, 1].
///
/// # Errors
/// The first invalid field.
pub fn validate_network(n: &Network) -> Result<(), NetworkError> {
    count("services", n.services.len(), MAX_SERVICES)?;
    for (i, s) in n.services.iter().enumerate() {
        let at = |key: &str| format!("services[{i}].{key}");
        text(at("name"), &s.name)?;
        let key = name_key(&s.name);
        if let Some(first) = n
            .services
            .iter()
            .take(i)
            .position(|t| name_key(&t.name) == key)
        {
            return Err(err(at("name"), NetworkProblem::DuplicateName { first }));
        }
        number(&at("pfc"), s.pfc_musd, 0.0, false, MAX_AMOUNT_MUSD)?;
        number(&at("thr"), s.threshold, 0.0, true, 1.0)?;
    }
    count("operators", n.operators.len(), MAX_OPERATORS)?;
    for (i, o) in n.operators.iter().enumerate() {
        let at = |key: &str| format!("operators[{i}].{key}");
        text(at("name"), &o.name)?;
        number(&at("stake"), o.stake_musd, 0.0, true, MAX_AMOUNT_MUSD)?;
        if o.allocations.len() > MAX_SERVICES {
            return Err(range(
                at("alloc"),
                Problem::TooMany {
                    count: o.allocations.len(),
                    max: MAX_SERVICES,
                },
            ));
        }
        for (j, a) in o.allocations.iter().enumerate() {
            let path = format!("operators[{i}].alloc[{j}]");
            if a.service >= n.services.len() {
                return Err(err(
                    path,
                    NetworkProblem::UnknownService { service: a.service },
                ));
            }
            if let Some(first) = o
                .allocations
                .iter()
                .take(j)
                .position(|b| b.service == a.service)
            {
                return Err(err(path, NetworkProblem::DuplicateAllocation { first }));
            }
            let mag = format!("{path}.mag");
            number(&mag, a.magnitude, 0.0, true, 1.0)?;
            match n.reuse {
                Reuse::Full if a.magnitude != 1.0 => {
                    return Err(err(
                        mag,
                        NetworkProblem::PartialUnderFullReuse {
                            magnitude: a.magnitude,
                        },
                    ));
                }
                Reuse::Full | Reuse::Unique => {}
            }
        }
        if n.reuse == Reuse::Unique {
            let total: f64 = o.allocations.iter().map(|a| a.magnitude).sum();
            if total > 1.0 + MAGNITUDE_SLACK {
                return Err(err(
                    at("alloc"),
                    NetworkProblem::MagnitudesAboveOne { total },
                ));
            }
        }
    }
    number("shock", n.shock_ratio, 0.0, false, 1.0)?;
    Ok(())
}
