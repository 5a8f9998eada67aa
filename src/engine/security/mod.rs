//! The restaking security benchmark (docs/METHODOLOGY.md §13): is the network a stake secures
//! safe, and how far can one shock cascade?
//!
//! After Durvasula & Roughgarden, "Robust Restaking Networks" (ITCS 2025, arXiv 2407.21785):
//! services with a profit from corruption π and an attack threshold α, operators with stake σ,
//! attacks that pay when π_A > σ_B, a margin γ with (1 + γ) π_A ≤ σ_B for every attacking
//! coalition, and Theorem 1's bound (1 + 1/γ) ψ on what a shock ψ can end up destroying. Two
//! stake-reuse rules: the papers' full reuse, and EigenLayer's unique stake (ELIP-002).
//!
//! | module | concern |
//! |---|---|
//! | `network` | the model: operators, services, allocations, the reuse rule, the shock |
//! | `check` | validation with typed errors naming the field |
//! | `graph` | the network as the papers' graph of stake units; subset sums; ties |
//! | `attack` | exact margins: every coalition, per service and network-wide |
//! | `cascade` | the exact worst cascade after a shock, and the order services fall in |
//! | `bound` | Theorem 1's bound; the per-validator sufficient condition |
//! | `exposure` | the user's restake layers against the network |
//! | `report` | what the analysis returns |
//!
//! What is exact and what is not: with at most [`EXACT_MAX_UNITS`] stake units (operators under
//! full reuse, allocations under unique stake) every coalition is enumerated (2^16 at most) and
//! the margins are exact; the cascade search also needs its work within [`CASCADE_WORK_CAP`].
//! The bound and the sufficient condition are always computed and are labelled as what they are.
//! Everything is total and finite: an infinite margin is [`Margin::Unbounded`].

mod attack;
mod bound;
mod cascade;
mod check;
mod exposure;
mod graph;
mod network;
mod report;

pub use bound::cascade_bound;
pub use cascade::CASCADE_WORK_CAP;
pub use check::{
    validate_network, NetworkError, NetworkProblem, MAX_AMOUNT_MUSD, MAX_OPERATORS, MAX_SERVICES,
};
pub use exposure::{exposure, AvsExposure, Exposure, LayerExposure, ServiceStatus};
pub use graph::{EXACT_MAX_UNITS, MARGIN_CAP, TIE_TOLERANCE};
pub use network::{Allocation, Network, Operator, Reuse, Service, UnknownReuse};
pub use report::{
    Analysis, Attack, Basis, Cascade, CascadeStep, ExactMargins, LossBound, Margin, ServiceExact,
    ServiceReport, Slash, Sufficient, WorstCascade,
};

use graph::Graph;

/// Analyse a network: validate it, then compute the exact margins and worst cascade when it is
/// small enough, the sufficient condition, and Theorem 1's bound.
///
/// # Errors
/// A [`NetworkError`] naming the first invalid field.
///
/// # Examples
/// ```
/// use restack::engine::security::{analyse, Allocation, Network, Operator, Reuse, Service};
/// // Theorem 2 of the paper: one service, two validators, π = 1 = σ_V, α = 1.
/// let network = Network {
///     reuse: Reuse::Full,
///     services: vec![Service { name: "x".into(), pfc_musd: 1.0, threshold: 1.0 }],
///     operators: vec![
///         Operator { name: "a".into(), stake_musd: 0.1, allocations: vec![Allocation { service: 0, magnitude: 1.0 }] },
///         Operator { name: "b".into(), stake_musd: 0.9, allocations: vec![Allocation { service: 0, magnitude: 1.0 }] },
///     ],
///     shock_ratio: 0.1,
/// };
/// let analysis = analyse(&network).unwrap_or_else(|e| unreachable!("{e}"));
/// let exact = analysis.exact.unwrap_or_else(|| unreachable!("two units"));
/// assert!(exact.secure);
/// ```
pub fn analyse(network: &Network) -> Result<Analysis, NetworkError> {
    validate_network(network)?;
    let graph = Graph::new(network);
    let tables = graph.tables();
    let sufficient = bound::sufficient(&graph);
    let m = graph.service_count();
    let (exact, mut per_service) = match &tables {
        Some(t) => {
            let (margins, services) = attack::exact(&graph, t);
            (Some(margins), services.into_iter().map(Some).collect())
        }
        None => (None, vec![None; m]),
    };
    let cascade = match &tables {
        Some(t) => cascade::worst(&graph, t, network.shock_ratio),
        None => Cascade::TooManyUnits {
            units: graph.units.len(),
            max: EXACT_MAX_UNITS,
        },
    };
    let bound = match &exact {
        Some(e) => cascade_bound(e.margin, network.shock_ratio).map(|loss_ratio| LossBound {
            basis: Basis::Exact,
            margin: e.margin,
            loss_ratio,
        }),
        None => cascade_bound(sufficient.margin, network.shock_ratio).map(|loss_ratio| LossBound {
            basis: Basis::SufficientCondition,
            margin: sufficient.margin,
            loss_ratio,
        }),
    };
    let services = network
        .services
        .iter()
        .enumerate()
        .map(|(s, service)| {
            let securing = graph.securing.get(s).copied().unwrap_or(0.0);
            ServiceReport {
                securing_stake_musd: securing,
                stake_to_corrupt_musd: service.threshold * securing,
                pfc_musd: service.pfc_musd,
                threshold: service.threshold,
                exact: per_service.get_mut(s).and_then(Option::take),
            }
        })
        .collect();
    Ok(Analysis {
        shock_ratio: network.shock_ratio,
        total_stake_musd: graph.total_stake,
        restaked_stake_musd: graph.units.iter().map(|u| u.stake).sum(),
        units: graph.units.len(),
        services,
        exact,
        sufficient,
        cascade,
        bound,
    })
}
