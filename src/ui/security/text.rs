//! The security view's figures and wording as text (docs/METHODOLOGY.md §13): pure, shared by the
//! view and the native fixture the browser tests compare against (`tests/ui_expect_security.rs`).
//! The engine returns numbers and codes; this module alone words and formats them for the view.

use crate::engine::security::{
    Analysis, Basis, Cascade, Margin, Network, NetworkError, NetworkProblem, Reuse, ServiceStatus,
    Slash,
};
use crate::engine::Problem;
use crate::ui::format::{number, percent};

/// Millions of USD: "$1,455.3M", "$2,079M".
pub fn musd(x: f64) -> String {
    let s = number(x.abs(), 1);
    if x < 0.0 && s != "0" {
        format!("−${s}M")
    } else {
        format!("${s}M")
    }
}

/// A margin γ: "0.386", "−0.12", or "unbounded" (no coalition profits at all).
pub fn margin(m: Margin) -> String {
    match m {
        Margin::Finite(x) => number(x, 3),
        Margin::Unbounded => "unbounded".to_string(),
    }
}

/// The reuse rule's name.
pub fn reuse_name(r: Reuse) -> &'static str {
    match r {
        Reuse::Full => "Full reuse (Symbiotic vaults, Babylon multi-staking)",
        Reuse::Unique => "Unique stake (EigenLayer ELIP-002)",
    }
}

/// What the reuse rule means, one sentence.
pub fn reuse_meaning(r: Reuse) -> &'static str {
    match r {
        Reuse::Full => "An operator's whole stake secures every service it opts into, and any of them can slash all of it: a shock to one operator weakens every service it secures.",
        Reuse::Unique => "Each operator allocates disjoint shares (magnitudes) of its stake; a service slashes only what is allocated to it, so a shock reaches only the allocations it hits.",
    }
}

/// One row of the per-service table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ServiceRow {
    /// Service name.
    pub name: String,
    /// The stake securing it.
    pub securing: String,
    /// Cost of corruption (exact), or "—".
    pub cost: String,
    /// Profit from corruption π.
    pub profit: String,
    /// Margin γ_s (exact), or "—".
    pub margin: String,
    /// "safe", "unsafe", or the sufficient condition's verdict.
    pub status: String,
    /// Whether a valid attack includes it (exact), for styling.
    pub is_unsafe: bool,
}

/// The per-service rows, in network order.
pub fn service_rows(network: &Network, analysis: &Analysis) -> Vec<ServiceRow> {
    analysis
        .services
        .iter()
        .enumerate()
        .map(|(s, r)| {
            let name = network
                .services
                .get(s)
                .map_or_else(String::new, |x| x.name.clone());
            let (cost, gamma, status, is_unsafe) = match &r.exact {
                Some(e) => (
                    musd(e.cost_of_corruption_musd),
                    margin(e.margin),
                    if e.safe { "safe" } else { "unsafe" }.to_string(),
                    !e.safe,
                ),
                None => (
                    "—".to_string(),
                    "—".to_string(),
                    if analysis.sufficient.secure {
                        "safe (sufficient condition)"
                    } else {
                        "not certified"
                    }
                    .to_string(),
                    false,
                ),
            };
            ServiceRow {
                name,
                securing: musd(r.securing_stake_musd),
                cost,
                profit: musd(r.pfc_musd),
                margin: gamma,
                status,
                is_unsafe,
            }
        })
        .collect()
}

/// The network-wide margin γ* and its verdict, or why it is not exact.
pub fn network_margin(analysis: &Analysis) -> String {
    match &analysis.exact {
        Some(e) => format!(
            "{} ({})",
            margin(e.margin),
            if e.secure {
                "secure: no attack pays"
            } else {
                "insecure: some attack pays"
            }
        ),
        None => format!(
            "not computed exactly ({} stake units; the exact search takes at most {})",
            analysis.units,
            crate::engine::security::EXACT_MAX_UNITS
        ),
    }
}

/// The sufficient condition, labelled as such.
pub fn sufficient(analysis: &Analysis) -> String {
    let s = &analysis.sufficient;
    let load = s
        .max_load
        .map_or_else(|| "undefined".to_string(), |l| number(l, 3));
    format!(
        "Sufficient condition (not necessary): largest load L = {load}; certified margin ≥ {}; {}",
        margin(s.margin),
        if s.secure {
            "certifies that no attack pays"
        } else {
            "certifies nothing (the network may still be secure)"
        }
    )
}

/// The name of a slashed stake unit: "Operator A" or "Operator A → EigenDA".
pub fn slash_name(network: &Network, s: &Slash) -> String {
    let op = network
        .operators
        .get(s.operator)
        .map_or("?", |o| o.name.as_str());
    match s.service.and_then(|i| network.services.get(i)) {
        Some(svc) => format!("{op} → {}", svc.name),
        None => op.to_string(),
    }
}

fn service_names(network: &Network, services: &[usize]) -> String {
    let names: Vec<&str> = services
        .iter()
        .filter_map(|&i| network.services.get(i).map(|s| s.name.as_str()))
        .collect();
    names.join(", ")
}

fn slash_names(network: &Network, slashed: &[Slash]) -> String {
    let names: Vec<String> = slashed.iter().map(|s| slash_name(network, s)).collect();
    if names.is_empty() {
        "nothing".to_string()
    } else {
        names.join(", ")
    }
}

/// One row of the cascade's table (the drawing's text alternative).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StepRow {
    /// "Shock", "Step 1", …
    pub step: String,
    /// Services falling at this step ("—" for the shock).
    pub falls: String,
    /// The stake destroyed or slashed.
    pub slashed: String,
    /// Its amount.
    pub lost: String,
}

/// The worst cascade as text: its loss line, its rows, and the services in the order they fall.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CascadeText {
    /// "$2,079M (15.0% of all stake)", or why it was not computed.
    pub loss: String,
    /// Shock then steps; empty when not computed.
    pub rows: Vec<StepRow>,
    /// Names of the services that fall, in order.
    pub fallen: Vec<String>,
}

/// The worst cascade after the network's shock.
pub fn cascade(network: &Network, analysis: &Analysis) -> CascadeText {
    match &analysis.cascade {
        Cascade::Exact(c) => {
            let mut rows = vec![StepRow {
                step: "Shock".to_string(),
                falls: "—".to_string(),
                slashed: slash_names(network, &c.shock),
                lost: musd(c.shock_stake_musd),
            }];
            let mut fallen = Vec::new();
            for (k, step) in c.steps.iter().enumerate() {
                fallen.extend(
                    step.services
                        .iter()
                        .filter_map(|&i| network.services.get(i).map(|s| s.name.clone())),
                );
                rows.push(StepRow {
                    step: format!("Step {}", k + 1),
                    falls: service_names(network, &step.services),
                    slashed: slash_names(network, &step.slashed),
                    lost: musd(step.stake_lost_musd),
                });
            }
            CascadeText {
                loss: format!(
                    "{} ({} of all stake)",
                    musd(c.stake_lost_musd),
                    percent(c.loss_ratio)
                ),
                rows,
                fallen,
            }
        }
        Cascade::TooManyUnits { units, max } => CascadeText {
            loss: format!(
                "not computed: {units} stake units, the exact search takes at most {max}"
            ),
            rows: Vec::new(),
            fallen: Vec::new(),
        },
        Cascade::TooMuchWork { work, cap } => CascadeText {
            loss: format!(
                "not computed: this shock leaves {} coalitions to test, above the budget of {}",
                number(*work as f64, 0),
                number(*cap as f64, 0)
            ),
            rows: Vec::new(),
            fallen: Vec::new(),
        },
    }
}

/// Theorem 1's bound, labelled as a bound.
pub fn bound(analysis: &Analysis) -> String {
    match &analysis.bound {
        Some(b) => {
            let basis = match b.basis {
                Basis::Exact => "the exact margin",
                Basis::SufficientCondition => "the margin the sufficient condition certifies",
            };
            let note = if b.loss_ratio >= 1.0 {
                " (at or above 100%: the bound says nothing here)"
            } else {
                ""
            };
            format!(
                "at most {} of all stake{note}: the papers' bound (1 + 1/γ)·ψ with γ = {} from {basis}",
                percent(b.loss_ratio),
                margin(b.margin)
            )
        }
        None => "no bound: the margin γ is not positive, so Theorem 1 says nothing".to_string(),
    }
}

/// How a field's number is shown in its input box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldUnit {
    /// Millions of USD.
    Musd,
    /// A fraction shown as a percentage.
    Percent,
}

impl FieldUnit {
    /// The unit of the field at `path` (`services[0].thr` → percent).
    pub fn of(path: &str) -> FieldUnit {
        if path.ends_with(".thr") || path.ends_with(".mag") || path == "shock" {
            FieldUnit::Percent
        } else {
            FieldUnit::Musd
        }
    }

    fn bound(self, x: f64) -> String {
        match self {
            FieldUnit::Percent => format!("{}%", number(x * 100.0, 4)),
            FieldUnit::Musd => musd(x),
        }
    }
}

/// The engine's objection to a field, worded for the view (in the field's own unit).
pub fn problem(e: &NetworkError) -> String {
    let unit = FieldUnit::of(&e.field);
    match &e.problem {
        NetworkProblem::Range(Problem::BelowMin { min, open: true }) => {
            format!("must be greater than {}", unit.bound(*min))
        }
        NetworkProblem::Range(Problem::BelowMin { min, open: false }) => {
            format!("must be at least {}", unit.bound(*min))
        }
        NetworkProblem::Range(Problem::AboveMax { max, .. }) => {
            format!("must be at most {}", unit.bound(*max))
        }
        NetworkProblem::MagnitudesAboveOne { total } => format!(
            "this operator's magnitudes sum to {}, above 100% (unique stake allocates each share once)",
            percent(*total)
        ),
        NetworkProblem::PartialUnderFullReuse { .. } => {
            "under full reuse the whole stake (100%) secures each service".to_string()
        }
        other => other.to_string(),
    }
}

/// The status of one of the user's AVSs, worded.
pub fn status(s: ServiceStatus) -> &'static str {
    match s {
        ServiceStatus::NotInNetwork => "not in this network",
        ServiceStatus::Unsafe => "unsafe",
        ServiceStatus::Safe => "safe",
        ServiceStatus::Unknown => "unknown (too large for the exact search)",
    }
}

/// The figures the page shows for one network (what the browser tests compare).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Per-service rows.
    pub services: Vec<ServiceRow>,
    /// Network-wide γ.
    pub network_margin: String,
    /// The sufficient condition.
    pub sufficient: String,
    /// The worst cascade.
    pub cascade: CascadeText,
    /// The bound.
    pub bound: String,
}

/// Everything the page shows for `analysis` of `network`, as text.
pub fn figures(network: &Network, analysis: &Analysis) -> Figures {
    Figures {
        services: service_rows(network, analysis),
        network_margin: network_margin(analysis),
        sufficient: sufficient(analysis),
        cascade: cascade(network, analysis),
        bound: bound(analysis),
    }
}
