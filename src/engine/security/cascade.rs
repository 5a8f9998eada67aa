//! The worst cascade after a shock, found exactly by search.
//!
//! Definitions (Durvasula & Roughgarden, §2–3, as transcribed; docs/METHODOLOGY.md §13):
//! - a shock destroys a set D of stake with σ_D ≤ ψ · σ_V; G ↓ D is the graph without it;
//! - a **cascade** is a sequence (A_1, B_1), …, (A_T, B_T) with each (A_t, B_t) a valid attack
//!   on G ↓ (D ∪ B_1 ∪ … ∪ B_{t−1}); a corrupted service is gone, so the A_t are disjoint;
//! - the worst-case loss R_ψ is the most stake a shock and the cascade after it can destroy, as
//!   a fraction of σ_V.
//!
//! By Lemma 1 of the paper (if (A, B) attacks G ↓ D then (A, B ∪ D) attacks G) and its
//! Corollary 1, the union (∪A_t, ∪B_t) of a cascade is itself one valid attack on G ↓ D (we
//! re-derived this: each step keeps its thresholds once the earlier steps' stake is added back,
//! and with disjoint A_t the profits add, π_{∪A} = Σ π_{A_t} > Σ σ_{B_t}). Conversely one valid
//! attack is a cascade of one step. So the worst case is a maximum over shocks D and single valid
//! attacks (A, B) on G ↓ D of σ_D + σ_B — which the search below finds by enumerating D and then
//! every B ⊆ V \ D, with A = every service B can corrupt there and B ⊆ N(A).
//!
//! The shock ranges over restaked stake units only (unallocated stake secures nothing, and no
//! service can slash it). Ties go to more fallen services, then to the smaller shock.
//!
//! The worst attack is then split into steps to show the order services fall in: repeatedly the
//! cheapest valid sub-attack on what is left whose remainder is still a valid attack (the
//! remainder as one last step when none is). That order is one possible cascade, for display; the
//! loss is the search's.

use super::graph::{bits, profitable, Graph, Tables, TIE_TOLERANCE};
use super::report::{Cascade, CascadeStep, WorstCascade};

/// Most coalitions the cascade search tests: Σ over feasible shocks D of 2^(units − |D|). At most
/// 12 units always fit (3^12 = 531,441); 16 units fit when the shock is small enough.
pub const CASCADE_WORK_CAP: u64 = 1 << 20;

/// A candidate worst case: shock `d`, attack (`services`, `units`).
#[derive(Debug, Clone, Copy)]
struct Candidate {
    d: u32,
    units: u32,
    services: u32,
    total: f64,
    shock: f64,
}

impl Candidate {
    /// More stake lost; at equal loss more services fallen, then a smaller shock.
    fn beats(&self, other: &Candidate) -> bool {
        let scale = self.total.max(other.total);
        if self.total > other.total + TIE_TOLERANCE * scale {
            return true;
        }
        if self.total < other.total - TIE_TOLERANCE * scale {
            return false;
        }
        let (mine, theirs) = (self.services.count_ones(), other.services.count_ones());
        mine > theirs
            || (mine == theirs && self.shock < other.shock - TIE_TOLERANCE * scale.max(1.0))
    }
}

/// Whether (A = `services`, B = `units`) is a valid attack on the graph whose securing stakes are
/// `securing`: B can corrupt all of A, B ⊆ N(A), and π_A > σ_B.
fn valid(graph: &Graph, tables: &Tables, securing: &[f64], units: u32, services: u32) -> bool {
    services != 0
        && tables.corrupted(graph, units, securing) & services == services
        && units & !tables.neighbours_of(services) == 0
        && profitable(graph.profit_of(services), tables.sigma(units))
}

/// The worst cascade after a shock of at most `shock_ratio` · σ_V.
pub(super) fn worst(graph: &Graph, tables: &Tables, shock_ratio: f64) -> Cascade {
    let budget = shock_ratio * graph.total_stake;
    let feasible = |d: u32| tables.sigma(d) <= budget + TIE_TOLERANCE * budget;
    let k = graph.units.len();
    let mut work = 0u64;
    for d in (0..=tables.all).filter(|&d| feasible(d)) {
        let free = k.saturating_sub(d.count_ones() as usize);
        work = work.saturating_add(1u64.checked_shl(free as u32).unwrap_or(u64::MAX));
    }
    if work > CASCADE_WORK_CAP {
        return Cascade::TooMuchWork {
            work,
            cap: CASCADE_WORK_CAP,
        };
    }
    let mut best: Option<Candidate> = None;
    let mut consider = |c: Candidate| {
        if best.is_none_or(|b| c.beats(&b)) {
            best = Some(c);
        }
    };
    for d in (0..=tables.all).filter(|&d| feasible(d)) {
        let shock = tables.sigma(d);
        consider(Candidate {
            d,
            units: 0,
            services: 0,
            total: shock,
            shock,
        });
        let securing = tables.securing_without(d);
        let free = tables.all & !d;
        let mut b = free;
        loop {
            let t = tables.corrupted(graph, b, &securing);
            if t != 0
                && b & !tables.neighbours_of(t) == 0
                && profitable(graph.profit_of(t), tables.sigma(b))
            {
                consider(Candidate {
                    d,
                    units: b,
                    services: t,
                    total: shock + tables.sigma(b),
                    shock,
                });
            }
            if b == 0 {
                break;
            }
            b = (b - 1) & free;
        }
    }
    let Some(best) = best else {
        // Unreachable: the empty shock is always feasible. Report "nothing lost".
        return Cascade::Exact(WorstCascade {
            shock: Vec::new(),
            shock_stake_musd: 0.0,
            steps: Vec::new(),
            stake_lost_musd: 0.0,
            loss_ratio: 0.0,
        });
    };
    let steps = split(graph, tables, best.d, best.units, best.services);
    let lost = best.total;
    let loss_ratio = if graph.total_stake > 0.0 {
        (lost / graph.total_stake).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Cascade::Exact(WorstCascade {
        shock: graph.slashes(best.d),
        shock_stake_musd: best.shock,
        steps,
        stake_lost_musd: lost,
        loss_ratio,
    })
}

/// The attack (`services`, `units`), valid on the graph without `d`, as an ordered cascade.
fn split(graph: &Graph, tables: &Tables, d: u32, units: u32, services: u32) -> Vec<CascadeStep> {
    let mut steps = Vec::new();
    let (mut removed, mut left_units, mut left_services) = (d, units, services);
    while left_services != 0 {
        let securing = tables.securing_without(removed);
        let mut chosen: Option<(u32, u32)> = None;
        let mut b = left_units;
        loop {
            let a = tables.corrupted(graph, b, &securing) & left_services;
            let whole = a == left_services && b == left_units;
            let rest_valid = || {
                let (ra, rb) = (left_services & !a, left_units & !b);
                ra != 0 && valid(graph, tables, &tables.securing_without(removed | b), rb, ra)
            };
            if valid(graph, tables, &securing, b, a) && (whole || rest_valid()) {
                let better = chosen.is_none_or(|(cb, ca)| {
                    let (cost, other) = (tables.sigma(b), tables.sigma(cb));
                    cost < other - TIE_TOLERANCE * other
                        || (cost <= other + TIE_TOLERANCE * other
                            && a.count_ones() < ca.count_ones())
                });
                if better {
                    chosen = Some((b, a));
                }
            }
            if b == 0 {
                break;
            }
            b = (b - 1) & left_units;
        }
        let (b, a) = chosen.unwrap_or((left_units, left_services));
        steps.push(CascadeStep {
            services: bits(a).collect(),
            slashed: graph.slashes(b),
            stake_lost_musd: tables.sigma(b),
            profit_musd: graph.profit_of(a),
        });
        removed |= b;
        left_units &= !b;
        left_services &= !a;
        if a == 0 {
            break;
        }
    }
    steps
}
