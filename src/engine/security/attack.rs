//! Exact margins: every coalition of stake units, and what it can corrupt.
//!
//! Definitions (Durvasula & Roughgarden, §2, as transcribed; docs/METHODOLOGY.md §13):
//! - (A, B) is an **attacking coalition** when, for every s ∈ A, σ_{B∩N(s)} ≥ α_s · σ_{N(s)}
//!   (Eq. 1);
//! - it is a **valid attack** when moreover π_A > σ_B, strictly (Eq. 2);
//! - G is **secure with γ-slack** when (1 + γ) · π_A ≤ σ_B for every attacking coalition
//!   (Eq. 11). So γ* = min σ_B / π_A − 1 over attacking coalitions with π_A > 0.
//!
//! For a fixed B the services it can corrupt, T(B), are known at once, and every A ⊆ T(B) is
//! an attacking coalition with B; π_A is largest (and σ_B / π_A smallest) at A = T(B). So one
//! pass over the 2^k coalitions B (k ≤ [`EXACT_MAX_UNITS`](super::EXACT_MAX_UNITS)) gives γ*,
//! every service's margin (over the A that contain it) and every valid attack. A valid attack
//! is counted only when B ⊆ N(A): stake adjacent to none of the services attacked cannot be
//! slashed by them (our restriction; it never changes γ*, whose minimum drops such stake).

use super::graph::{bits, margin, profitable, Graph, Tables};
use super::report::{Attack, ExactMargins, Margin, ServiceExact};

/// Best value so far of some quantity, with the coalition that gave it.
#[derive(Debug, Clone, Copy)]
struct Best {
    value: f64,
    units: u32,
    services: u32,
}

impl Best {
    /// Keep `(value, units, services)` when `value` is below the best so far (the first of
    /// equal values wins, so the lowest mask in enumeration order).
    fn lower(slot: &mut Option<Best>, value: f64, units: u32, services: u32) {
        if slot.is_none_or(|b| value < b.value) {
            *slot = Some(Best {
                value,
                units,
                services,
            });
        }
    }
}

/// The attack (A = `services`, B = `units`).
pub(super) fn attack(graph: &Graph, tables: &Tables, units: u32, services: u32) -> Attack {
    let cost = tables.sigma(units);
    let profit = graph.profit_of(services);
    Attack {
        services: bits(services).collect(),
        slashed: graph.slashes(units),
        cost_musd: cost,
        profit_musd: profit,
        margin: margin(cost, profit),
    }
}

/// Exact margins of the network and of each service.
pub(super) fn exact(graph: &Graph, tables: &Tables) -> (ExactMargins, Vec<ServiceExact>) {
    let m = graph.service_count();
    let securing = tables.securing_without(0);
    let mut network: Option<Best> = None;
    let mut per_service: Vec<Option<Best>> = vec![None; m];
    let mut cheapest: Vec<Option<Best>> = vec![None; m];
    let mut unsafe_service = vec![false; m];
    let mut most_profitable: Option<Best> = None;
    let mut profitable_coalitions = 0u64;
    for b in 0..=tables.all {
        let t = tables.corrupted(graph, b, &securing);
        if t == 0 {
            continue;
        }
        let cost = tables.sigma(b);
        let profit = graph.profit_of(t);
        let valid = profitable(profit, cost);
        for s in bits(t) {
            if let Some(slot) = cheapest.get_mut(s) {
                Best::lower(slot, cost, b, t);
            }
            if profit > 0.0 {
                if let Some(slot) = per_service.get_mut(s) {
                    Best::lower(slot, cost / profit, b, t);
                }
            }
            if valid {
                if let Some(flag) = unsafe_service.get_mut(s) {
                    *flag = true;
                }
            }
        }
        if profit > 0.0 {
            Best::lower(&mut network, cost / profit, b, t);
        }
        if valid && b & !tables.neighbours_of(t) == 0 {
            profitable_coalitions = profitable_coalitions.saturating_add(1);
            Best::lower(&mut most_profitable, cost - profit, b, t);
        }
    }
    let to_attack = |best: Option<Best>| best.map(|b| attack(graph, tables, b.units, b.services));
    let margin_of = |best: Option<Best>| {
        best.map_or(Margin::Unbounded, |b| {
            margin(tables.sigma(b.units), graph.profit_of(b.services))
        })
    };
    let services = (0..m)
        .map(|s| {
            let best = per_service.get(s).copied().flatten();
            ServiceExact {
                cost_of_corruption_musd: cheapest
                    .get(s)
                    .copied()
                    .flatten()
                    .map_or(0.0, |b| b.value),
                margin: margin_of(best),
                safe: !unsafe_service.get(s).copied().unwrap_or(false),
                binding_attack: to_attack(best),
            }
        })
        .collect();
    let margins = ExactMargins {
        margin: margin_of(network),
        secure: profitable_coalitions == 0,
        profitable_coalitions,
        binding_attack: to_attack(network),
        most_profitable: to_attack(most_profitable),
    };
    (margins, services)
}
