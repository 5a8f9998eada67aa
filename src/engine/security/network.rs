//! The restaking network the security benchmark analyses (docs/METHODOLOGY.md §13): operators
//! with stake, services with a profit from corruption and an attack threshold, and each
//! operator's allocation to each service, under one of two stake-reuse rules.
//!
//! Source of the model: Durvasula & Roughgarden, "Robust Restaking Networks" (ITCS 2025,
//! arXiv 2407.21785), §2: a restaking graph G = (S, V, E, π, σ, α) of services S with profit
//! from corruption π_s and threshold α_s, validators V with stake σ_v, and an edge when v
//! restakes for s. (The paper's full text was not reachable from here; its definitions are
//! taken from a detailed third-party transcription, see docs/METHODOLOGY.md §13.) The
//! unique-stake rule is EigenLayer ELIP-002, "Slashing via Unique Stake & Operator Sets".

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How one operator's stake backs several services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub enum Reuse {
    /// The papers' model: an operator's **whole** stake secures every service it opts into, and
    /// any of them can slash all of it. Symbiotic vaults restaked across networks (when a
    /// network's limit is at least the vault's stake) and Babylon multi-staking (one BTC
    /// delegation, one finality provider per BSN) work this way. Every allocation is 1.
    #[default]
    Full,
    /// EigenLayer ELIP-002 unique stake: an operator allocates disjoint magnitudes m ∈ (0, 1] of
    /// its stake to services (Σ m ≤ 1), and a service slashes at most what is allocated to it.
    /// "Unique Stake guarantees that an Operator's specific slashable stake can be allocated only
    /// to one AVS at a particular time" (ELIP-002).
    Unique,
}

impl Reuse {
    /// Both rules, in the order links and pickers list them.
    pub const ALL: [Reuse; 2] = [Reuse::Full, Reuse::Unique];

    /// The code in links (`full`, `unique`).
    pub const fn code(self) -> &'static str {
        match self {
            Reuse::Full => "full",
            Reuse::Unique => "unique",
        }
    }
}

impl fmt::Display for Reuse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for an unknown reuse code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stake reuse {0:?} (expected full or unique)")]
pub struct UnknownReuse(pub String);

impl FromStr for Reuse {
    type Err = UnknownReuse;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Reuse::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownReuse(s.chars().take(16).collect()))
    }
}

/// A service secured by restaked stake: an EigenLayer AVS (operator set), a Symbiotic network or
/// a Babylon BSN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// Display name; unique in the network (ignoring case and surrounding spaces), matched
    /// against the AVS names of the user's restake layers.
    pub name: String,
    /// Profit from corruption π_s, in millions of USD: what an attacker who corrupts the service
    /// gains. Rarely public: the presets label it an assumption. Only ratios matter to the
    /// analysis, so any unit shared with the stakes works.
    pub pfc_musd: f64,
    /// Attack threshold α_s ∈ (0, 1]: the fraction of the stake securing the service an attacker
    /// needs to corrupt it (1/3 breaks the safety of a BFT protocol; 1 = everyone).
    pub threshold: f64,
}

/// One operator's allocation to one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Index of the service in [`Network::services`].
    pub service: usize,
    /// Magnitude m ∈ (0, 1]: the share of the operator's stake the service can slash. Under
    /// [`Reuse::Full`] it is 1 (the whole stake); under [`Reuse::Unique`] the operator's
    /// magnitudes sum to at most 1.
    pub magnitude: f64,
}

/// An operator (the papers' validator): stake and where it is allocated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operator {
    /// Display name (free text).
    pub name: String,
    /// Stake σ_v in millions of USD (the same unit as the profits).
    pub stake_musd: f64,
    /// Allocations, at most one per service.
    pub allocations: Vec<Allocation>,
}

/// A restaking network and the shock its analysis applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Network {
    /// How stake is reused across services.
    pub reuse: Reuse,
    /// The services.
    pub services: Vec<Service>,
    /// The operators.
    pub operators: Vec<Operator>,
    /// The shock ψ ∈ [0, 1] the cascade analysis applies: the largest fraction of the total
    /// stake σ_V destroyed at once (a software error, a key compromise, a buggy service).
    pub shock_ratio: f64,
}

impl Network {
    /// Total stake σ_V of all operators, allocated or not.
    pub fn total_stake_musd(&self) -> f64 {
        self.operators.iter().map(|o| o.stake_musd).sum()
    }

    /// Index of the service called `name` (ignoring ASCII case and surrounding spaces).
    pub fn service_index(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        self.services.iter().position(|s| name_key(&s.name) == key)
    }
}

/// The form in which names are compared: trimmed, lower-case.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}
