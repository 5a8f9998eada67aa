//! What the security analysis returns. Every number is finite; a margin that is infinite in
//! theory is [`Margin::Unbounded`], and a figure the exact search did not compute is absent
//! (`None`) or a typed reason, never a placeholder number.

use serde::{Deserialize, Serialize};

/// A security margin γ = σ_B / π_A − 1 (cost of corruption over profit from corruption, less
/// one), minimised over attacking coalitions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Margin {
    /// A finite margin, in [−1, 10^12]: below 0 some attack is profitable; 0.1 means every
    /// attack costs at least 10 % more than it yields.
    Finite(f64),
    /// No attacking coalition yields any profit (every π involved is 0): no finite margin.
    Unbounded,
}

impl Margin {
    /// The finite value, if any.
    pub fn value(self) -> Option<f64> {
        match self {
            Margin::Finite(x) => Some(x),
            Margin::Unbounded => None,
        }
    }

    /// Whether the margin is strictly positive (Theorem 1 needs γ > 0).
    pub fn is_positive(self) -> bool {
        match self {
            Margin::Finite(x) => x > 0.0,
            Margin::Unbounded => true,
        }
    }
}

/// Stake one coalition member loses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slash {
    /// The operator.
    pub operator: usize,
    /// Under unique stake, the service whose allocation is slashed; `None` under full reuse (the
    /// operator's whole stake, which secures every service it allocates to).
    pub service: Option<usize>,
    /// Stake lost, in millions of USD.
    pub stake_musd: f64,
}

/// An attacking coalition (A, B): services A corrupted by the stake B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attack {
    /// The services corrupted (A), by index.
    pub services: Vec<usize>,
    /// The stake slashed (B).
    pub slashed: Vec<Slash>,
    /// Cost of corruption σ_B: the stake slashed, in millions of USD.
    pub cost_musd: f64,
    /// Profit from corruption π_A, in millions of USD.
    pub profit_musd: f64,
    /// σ_B / π_A − 1.
    pub margin: Margin,
}

/// One service's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceReport {
    /// W_s: the stake securing it (under unique stake, the allocations to it).
    pub securing_stake_musd: f64,
    /// α_s · W_s: the least stake any coalition needs on it to corrupt it.
    pub stake_to_corrupt_musd: f64,
    /// Profit from corruption π_s.
    pub pfc_musd: f64,
    /// Attack threshold α_s.
    pub threshold: f64,
    /// The exact figures, when the network is small enough ([`super::EXACT_MAX_UNITS`]).
    pub exact: Option<ServiceExact>,
}

/// A service's exact figures, from every coalition of stake units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceExact {
    /// Cost of corruption: the least stake of any coalition able to corrupt it (alone or with
    /// others), min σ_B.
    pub cost_of_corruption_musd: f64,
    /// Its margin γ_s: the least σ_B / π_A − 1 over attacking coalitions whose A contains it
    /// (A is every service B can corrupt). Joint attacks count, so γ_s can be below
    /// cost of corruption / π_s − 1.
    pub margin: Margin,
    /// No valid attack (π_A > σ_B) corrupts it.
    pub safe: bool,
    /// The coalition that sets the margin.
    pub binding_attack: Option<Attack>,
}

/// The network's exact figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExactMargins {
    /// γ*: the least σ_B / π_A − 1 over every attacking coalition with π_A > 0. The network is
    /// secure with γ-slack (the paper's Eq. 11) for every γ ≤ γ*.
    pub margin: Margin,
    /// No valid attack exists (the paper's "secure").
    pub secure: bool,
    /// How many coalitions B of stake units have a valid attack (A = every service B can
    /// corrupt, B adjacent to A).
    pub profitable_coalitions: u64,
    /// The coalition that sets γ*.
    pub binding_attack: Option<Attack>,
    /// The valid attack with the largest profit π_A − σ_B.
    pub most_profitable: Option<Attack>,
}

/// The per-validator sufficient condition (the paper's Claim 1 / Corollary 2, which it
/// attributes to the EigenLayer whitepaper), polynomial in the network's size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sufficient {
    /// L = max over stake units u of Σ_{s ∋ u} π_s / (α_s · W_s); `None` when a service with a
    /// profit has no stake at all (then nothing is certified).
    pub max_load: Option<f64>,
    /// The operator of the unit attaining L.
    pub binding_operator: Option<usize>,
    /// The certified margin 1/L − 1 (≥ −1): γ* is at least this. Unbounded when L = 0.
    pub margin: Margin,
    /// L ≤ 1: the condition certifies that no valid attack exists.
    pub secure: bool,
}

/// One step of a cascade: services that fall together and the stake slashed for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CascadeStep {
    /// Services corrupted at this step.
    pub services: Vec<usize>,
    /// Stake slashed at this step (the attacking coalition).
    pub slashed: Vec<Slash>,
    /// Σ of `slashed`.
    pub stake_lost_musd: f64,
    /// π of `services`.
    pub profit_musd: f64,
}

/// The worst cascade after a shock of at most ψ · σ_V.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorstCascade {
    /// The stake the shock destroys (D).
    pub shock: Vec<Slash>,
    /// σ_D.
    pub shock_stake_musd: f64,
    /// The attacks that follow, in order; each is valid on the network left by the shock and
    /// the steps before it.
    pub steps: Vec<CascadeStep>,
    /// σ_D + every step's stake: the total stake lost.
    pub stake_lost_musd: f64,
    /// The total stake lost as a fraction of σ_V: the exact worst-case loss R_ψ (see
    /// docs/METHODOLOGY.md §13 for the reading of the paper's definition).
    pub loss_ratio: f64,
}

/// The cascade analysis, or why it was not run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cascade {
    /// The exact worst case.
    Exact(WorstCascade),
    /// More stake units than the exact search takes.
    TooManyUnits {
        /// Units in the network.
        units: usize,
        /// The most the search takes ([`super::EXACT_MAX_UNITS`]).
        max: usize,
    },
    /// The shock allows so many sets of destroyed stake that the search would exceed its budget.
    TooMuchWork {
        /// Coalitions to test: Σ over feasible shocks D of 2^(units − |D|).
        work: u64,
        /// The budget ([`super::CASCADE_WORK_CAP`]).
        cap: u64,
    },
}

/// Where a bound's margin comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The exact γ* from every coalition.
    Exact,
    /// The margin certified by the sufficient condition (a lower bound on γ*).
    SufficientCondition,
}

/// Theorem 1's bound on the worst-case loss: R_ψ < (1 + 1/γ) · ψ for a network secure with
/// γ-slack, γ > 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LossBound {
    /// Where γ comes from.
    pub basis: Basis,
    /// The γ used.
    pub margin: Margin,
    /// (1 + 1/γ) · ψ, a fraction of σ_V (may exceed 1, where it says nothing). With an unbounded
    /// margin it is ψ itself: no attack can add to the shock.
    pub loss_ratio: f64,
}

/// Everything the security view shows for one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The shock ψ analysed.
    pub shock_ratio: f64,
    /// σ_V: every operator's stake.
    pub total_stake_musd: f64,
    /// Stake in the units (allocated stake under unique stake; stake of operators with an
    /// allocation under full reuse).
    pub restaked_stake_musd: f64,
    /// Stake units of the papers' graph (operators under full reuse, allocations under unique
    /// stake).
    pub units: usize,
    /// One per service, in network order.
    pub services: Vec<ServiceReport>,
    /// The exact margins, for at most [`super::EXACT_MAX_UNITS`] units.
    pub exact: Option<ExactMargins>,
    /// The sufficient condition (always computed).
    pub sufficient: Sufficient,
    /// The worst cascade after the shock.
    pub cascade: Cascade,
    /// Theorem 1's bound: from the exact margin when there is one, else from the certified one;
    /// `None` when that margin is not positive (the theorem then says nothing).
    pub bound: Option<LossBound>,
}
