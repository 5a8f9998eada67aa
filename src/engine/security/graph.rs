//! The network as the papers' restaking graph: its validators ("stake units"), and the subset
//! sums the exact search reads.
//!
//! Durvasula & Roughgarden model a validator v with stake σ_v that is slashed whole when it
//! joins an attack and counts in full towards every service it is adjacent to. A network maps
//! onto that graph as follows (docs/METHODOLOGY.md §13):
//! - **full reuse**: one unit per operator with an allocation, stake σ_v, adjacent to every
//!   service it allocates to (the papers' model as is);
//! - **unique stake** (ELIP-002): one unit per allocation (v, s), stake m_{v,s} · σ_v, adjacent
//!   to s alone. Slashing one allocation leaves the operator's others untouched, so each
//!   allocation is a validator of its own (our mapping; ELIP-002: "slashing by one Operator Set
//!   does not affect the magnitudes of EIGEN allocated to other Operator Sets").
//!
//! Unallocated stake secures nothing: it counts in the total stake σ_V but is no unit.

use super::network::{Network, Reuse};
use super::report::{Margin, Slash};

/// Most stake units the exact search enumerates (2^16 coalitions per pass).
pub const EXACT_MAX_UNITS: usize = 16;

/// Relative tolerance under which two stake amounts count as equal, so that figures equal on
/// paper (0.1 + 0.9 against 1) stay equal in floating point: a tie is not profitable, and a
/// coalition exactly at a threshold meets it.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Largest security margin reported (a profit tiny against the stake would give a ratio beyond
/// any meaning, or beyond f64).
pub const MARGIN_CAP: f64 = 1e12;

/// One validator of the papers' graph.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    /// The operator it belongs to.
    pub operator: usize,
    /// Under unique stake, the service of its allocation; `None` under full reuse (the whole
    /// operator).
    pub service: Option<usize>,
    /// Its stake σ_u.
    pub stake: f64,
    /// The services it secures, as a bit mask over service indices.
    pub services: u32,
}

/// The graph: units, services and the total stake.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Graph {
    /// Restaked units, in operator order.
    pub units: Vec<Unit>,
    /// σ_V: every operator's stake, allocated or not.
    pub total_stake: f64,
    /// π_s per service.
    pub profit: Vec<f64>,
    /// α_s per service.
    pub threshold: Vec<f64>,
    /// W_s = σ_{N(s)}: the stake securing each service.
    pub securing: Vec<f64>,
}

/// Bit `i` of a mask, for `i` < 32.
pub(super) fn bit(i: usize) -> u32 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u32.checked_shl(i))
        .unwrap_or(0)
}

/// The indices of the set bits of `mask`, lowest first.
pub(super) fn bits(mask: u32) -> impl Iterator<Item = usize> {
    (0..32usize).filter(move |&i| mask & bit(i) != 0)
}

/// Whether stake `on` meets threshold α of the securing stake `securing`:
/// σ_{B∩N(s)} ≥ α_s · σ_{N(s)} (the paper's Eq. 1), with [`TIE_TOLERANCE`].
pub(super) fn meets(on: f64, threshold: f64, securing: f64) -> bool {
    on >= threshold * securing - TIE_TOLERANCE * securing
}

/// Whether an attack with `profit` π_A against `cost` σ_B is valid: π_A > σ_B strictly (the
/// paper's Eq. 2); a tie within [`TIE_TOLERANCE`] is not profitable.
pub(super) fn profitable(profit: f64, cost: f64) -> bool {
    profit - cost > TIE_TOLERANCE * profit.max(cost)
}

/// The margin σ_B / π_A − 1 of a coalition, for π_A > 0: 0 when cost and profit tie within
/// [`TIE_TOLERANCE`] (so that "margin < 0" and "valid attack" agree), clamped into
/// [−1, [`MARGIN_CAP`]].
pub(super) fn margin(cost: f64, profit: f64) -> Margin {
    if profit <= 0.0 {
        return Margin::Unbounded;
    }
    if (profit - cost).abs() <= TIE_TOLERANCE * profit.max(cost) {
        return Margin::Finite(0.0);
    }
    let ratio = cost / profit - 1.0;
    if ratio.is_finite() {
        Margin::Finite(ratio.clamp(-1.0, MARGIN_CAP))
    } else {
        Margin::Finite(MARGIN_CAP)
    }
}

impl Graph {
    /// The graph of a validated network (an invalid one still gives a graph: allocations to
    /// unknown services are skipped).
    pub fn new(network: &Network) -> Graph {
        let m = network.services.len();
        let mut units = Vec::new();
        for (i, op) in network.operators.iter().enumerate() {
            let allocations = op.allocations.iter().filter(|a| a.service < m.min(32));
            match network.reuse {
                Reuse::Full => {
                    let services = allocations.fold(0u32, |mask, a| mask | bit(a.service));
                    if services != 0 && op.stake_musd > 0.0 {
                        units.push(Unit {
                            operator: i,
                            service: None,
                            stake: op.stake_musd,
                            services,
                        });
                    }
                }
                Reuse::Unique => {
                    for a in allocations {
                        let stake = a.magnitude * op.stake_musd;
                        if stake > 0.0 {
                            units.push(Unit {
                                operator: i,
                                service: Some(a.service),
                                stake,
                                services: bit(a.service),
                            });
                        }
                    }
                }
            }
        }
        let securing = (0..m)
            .map(|s| {
                units
                    .iter()
                    .filter(|u| u.services & bit(s) != 0)
                    .map(|u| u.stake)
                    .sum()
            })
            .collect();
        Graph {
            units,
            total_stake: network.total_stake_musd(),
            profit: network.services.iter().map(|s| s.pfc_musd).collect(),
            threshold: network.services.iter().map(|s| s.threshold).collect(),
            securing,
        }
    }

    /// Number of services.
    pub fn service_count(&self) -> usize {
        self.profit.len()
    }

    /// π_A for a mask of services.
    pub fn profit_of(&self, services: u32) -> f64 {
        bits(services)
            .filter_map(|s| self.profit.get(s))
            .copied()
            .sum()
    }

    /// The slashes of a mask of units, in unit order.
    pub fn slashes(&self, units: u32) -> Vec<Slash> {
        bits(units)
            .filter_map(|u| self.units.get(u))
            .map(|u| Slash {
                operator: u.operator,
                service: u.service,
                stake_musd: u.stake,
            })
            .collect()
    }

    /// The subset sums for the exact search, when the graph is small enough.
    pub fn tables(&self) -> Option<Tables> {
        let k = self.units.len();
        if k > EXACT_MAX_UNITS {
            return None;
        }
        let size = 1usize.checked_shl(u32::try_from(k).ok()?)?;
        let mut sigma = Vec::with_capacity(size);
        sigma.push(0.0);
        for mask in 1..size {
            let low = mask.trailing_zeros() as usize;
            let rest = sigma.get(mask & (mask - 1)).copied().unwrap_or(0.0);
            let stake = self.units.get(low).map_or(0.0, |u| u.stake);
            sigma.push(rest + stake);
        }
        let neighbours = (0..self.service_count())
            .map(|s| {
                self.units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.services & bit(s) != 0)
                    .fold(0u32, |mask, (i, _)| mask | bit(i))
            })
            .collect();
        Some(Tables {
            all: u32::try_from(size - 1).unwrap_or(0),
            sigma,
            neighbours,
        })
    }
}

/// Subset sums of a graph of at most [`EXACT_MAX_UNITS`] units.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tables {
    /// The mask of every unit.
    pub all: u32,
    /// σ of every mask of units (2^k entries).
    pub sigma: Vec<f64>,
    /// N(s) per service, as a mask of units.
    pub neighbours: Vec<u32>,
}

impl Tables {
    /// σ of a mask of units.
    pub fn sigma(&self, units: u32) -> f64 {
        self.sigma.get(units as usize).copied().unwrap_or(0.0)
    }

    /// N(A): the units adjacent to some service of `services`.
    pub fn neighbours_of(&self, services: u32) -> u32 {
        bits(services)
            .filter_map(|s| self.neighbours.get(s))
            .fold(0, |mask, n| mask | n)
    }

    /// The stake securing each service once the units `removed` are gone: σ_{N(s) \ D}.
    pub fn securing_without(&self, removed: u32) -> Vec<f64> {
        self.neighbours
            .iter()
            .map(|&n| self.sigma(n & !removed))
            .collect()
    }

    /// The services coalition `b` can corrupt on the graph without the units whose securing
    /// stake is `securing` (from [`Tables::securing_without`]): every s with
    /// σ_{B∩N(s)} ≥ α_s · σ_{N(s)\D}. `b` must not contain removed units.
    pub fn corrupted(&self, graph: &Graph, b: u32, securing: &[f64]) -> u32 {
        let mut out = 0u32;
        for (s, (&n, (&w, &alpha))) in self
            .neighbours
            .iter()
            .zip(securing.iter().zip(&graph.threshold))
            .enumerate()
        {
            if meets(self.sigma(b & n), alpha, w) {
                out |= bit(s);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_are_ties() {
        // Guards the strict profit test (the paper's Eq. 2) against decimal rounding: 0.1 + 0.2
        // against 0.3 is a tie, not a profit; a hair more is a profit.
        assert!(!profitable(0.3, 0.1 + 0.2));
        assert!(!profitable(1.0, 1.0));
        assert!(!profitable(0.0, 0.0));
        assert!(profitable(1.0 + 1e-6, 1.0));
        assert_eq!(margin(0.1 + 0.2, 0.3), Margin::Finite(0.0));
        assert_eq!(margin(1.5, 1.0), Margin::Finite(0.5));
        assert_eq!(margin(0.0, 2.0), Margin::Finite(-1.0));
        assert_eq!(margin(1.0, 0.0), Margin::Unbounded);
        assert_eq!(margin(1e300, 1e-300), Margin::Finite(MARGIN_CAP));
        // Thresholds: exactly at α · W meets it, a hair under does not.
        assert!(meets(0.9, 1.0, 0.9));
        assert!(meets(0.1 + 0.2, 1.0, 0.3));
        assert!(!meets(0.89, 1.0, 0.9));
        assert!(meets(0.0, 0.5, 0.0));
    }

    #[test]
    fn bits_round_trip() {
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(bit(40), 0);
        assert_eq!(bits(u32::MAX).count(), 32);
    }
}
