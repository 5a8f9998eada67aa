//! Preset restaking networks for the security view (docs/METHODOLOGY.md §13): small networks a
//! user starts from and edits. Each is a compiled link (like [`super::DEFAULT_LINK`]): the link's
//! network is the preset, and every number in it is a [`NetworkFigure`] with its source, date and
//! assumption flag (a test keeps the two equal and checks that no number is unsourced).
//!
//! Profits from corruption are never published: they are assumptions, with the reason for their
//! size. Operator stakes are illustrative splits of a published total; thresholds come from the
//! service's own parameters where public.

use crate::engine::security::Network;
use crate::share::decode;

/// One sourced number of a preset network.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkFigure {
    /// The field, by its link path (`services[0].thr`, `operators[2].stake`,
    /// `operators[*].alloc[0].mag`, `shock`); `[*]` stands for every index.
    pub field: &'static str,
    /// Its value in the preset (millions of USD for stakes and profits, fractions otherwise).
    pub value: f64,
    /// Where it comes from.
    pub source: &'static str,
    /// The date it describes.
    pub as_of: &'static str,
    /// No published figure: a reasoned default the user should edit.
    pub assumption: bool,
    /// Why this value, or how it was derived.
    pub note: &'static str,
}

/// A preset network.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkPreset {
    /// Id (`eigenlayer-unique`).
    pub id: &'static str,
    /// Picker label.
    pub name: &'static str,
    /// Catalog protocol id of the restaking protocol (`eigencloud`, `babylon`).
    pub protocol: &'static str,
    /// One line: what the preset shows.
    pub description: &'static str,
    /// Why its stake-reuse rule is the protocol's, with the source.
    pub reuse_source: &'static str,
    /// The preset as a link: `v=1`, the network's keys and `view=security` (no scenario).
    pub link: &'static str,
    /// Every number of the network, sourced.
    pub figures: &'static [NetworkFigure],
}

const SEED: &str = "Restaking sector review (Gate Learn), seed article";
const L2BEAT_EIGENDA: &str = "L2BEAT discovery of EigenDAServiceManager (l2beat/l2beat, packages/config/discovery/eigenda/ethereum/diffHistory.md): quorumAdversaryThresholdPercentages 0x212121";
const EIGEN_AVS_DEFAULTS: &str = "EigenCloud AVS defaults (catalog product eigencloud-restake)";
const RESTACK: &str = "Restack security defaults";
const PFC_EIGEN: &str = "Set so that the cheapest set of allocations able to corrupt the AVS alone costs about 1.4-1.6x this profit (a thin but positive margin). No service publishes its profit from corruption; the EigenLayer whitepaper frames security as a cost of corruption above it. Edit it to what corrupting the service would yield in one attack window (e.g. the value a bridge or rollup relying on it could lose).";
const PFC_BABYLON: &str = "Set so that each service alone costs 1.8-2.3x its profit to corrupt, while one coalition reusing its stake takes all three for 1.19x their summed profit (the network margin 0.19). No service publishes its profit from corruption; edit it to what corrupting the service would yield in one attack window.";
const BFT_THIRD: &str = "A BFT-style service loses safety once about a third of its stake equivocates (a quorum needs more than 2/3, so two conflicting quorums overlap in at least 1/3). 0.33 is that third, rounded down (conservative).";
const SHOCK_NOTE: &str = "About one small operator's worth of stake destroyed at once (a software error or a key compromise): the smallest operator of the preset holds 10 %.";
const SPLIT_EIGEN: &str = "Illustrative split 30/25/20/15/10 % of EigenCloud's $13,860M TVL into five operators; real operator sets have hundreds of operators of very unequal size.";
const SPLIT_BABYLON: &str = "Illustrative split 30/25/20/15/10 % of Babylon's $5,549M TVL (61,063 BTC) into five finality-provider groups (BTC delegations that pick the same providers).";

const fn fig(
    field: &'static str,
    value: f64,
    source: &'static str,
    as_of: &'static str,
    assumption: bool,
    note: &'static str,
) -> NetworkFigure {
    NetworkFigure {
        field,
        value,
        source,
        as_of,
        assumption,
        note,
    }
}

/// Every preset network; the first is what the security view opens without network keys.
pub const NETWORK_PRESETS: [NetworkPreset; 2] = [
    NetworkPreset {
        id: "eigenlayer-unique",
        name: "EigenLayer: EigenDA + AI compute AVS (unique stake)",
        protocol: "eigencloud",
        description: "Five operators allocate disjoint magnitudes to two AVSs (ELIP-002): a shock reaches only the allocations it hits, and the service whose allocations fell.",
        reuse_source: "EigenLayer ELIP-002, Slashing via Unique Stake & Operator Sets (eigenfoundation/ELIPs): 'Unique Stake guarantees that an Operator's specific slashable stake can be allocated only to one AVS at a particular time'.",
        link: "v=1&reuse=unique&svc=EigenDA(pfc:900,thr:0.33)&svc=AI%20compute%20AVS(pfc:700,thr:0.33)&op=Operator%20A(stake:4158,alloc:EigenDA(mag:0.3),alloc:AI%20compute%20AVS(mag:0.2))&op=Operator%20B(stake:3465,alloc:EigenDA(mag:0.3),alloc:AI%20compute%20AVS(mag:0.2))&op=Operator%20C(stake:2772,alloc:EigenDA(mag:0.3),alloc:AI%20compute%20AVS(mag:0.2))&op=Operator%20D(stake:2079,alloc:EigenDA(mag:0.3),alloc:AI%20compute%20AVS(mag:0.2))&op=Operator%20E(stake:1386,alloc:EigenDA(mag:0.3),alloc:AI%20compute%20AVS(mag:0.2))&view=security",
        figures: &[
            fig("services[0].pfc", 900.0, RESTACK, "2026-12", true, PFC_EIGEN),
            fig("services[0].thr", 0.33, L2BEAT_EIGENDA, "2024-09-18", false, "EigenDA's adversary threshold: 'the maximum percentage of the stake which can be held by adversarial nodes before the availability of a blob is affected' is 0x21 = 33 % in each quorum."),
            fig("services[1].pfc", 700.0, RESTACK, "2026-12", true, PFC_EIGEN),
            fig("services[1].thr", 0.33, RESTACK, "2026-12", true, BFT_THIRD),
            fig("operators[0].stake", 4158.0, SEED, "2026-01", true, SPLIT_EIGEN),
            fig("operators[1].stake", 3465.0, SEED, "2026-01", true, SPLIT_EIGEN),
            fig("operators[2].stake", 2772.0, SEED, "2026-01", true, SPLIT_EIGEN),
            fig("operators[3].stake", 2079.0, SEED, "2026-01", true, SPLIT_EIGEN),
            fig("operators[4].stake", 1386.0, SEED, "2026-01", true, SPLIT_EIGEN),
            fig("operators[*].alloc[0].mag", 0.3, EIGEN_AVS_DEFAULTS, "2026-01", true, "The catalog's EigenDA magnitude for an EigenCloud restake layer, for every operator."),
            fig("operators[*].alloc[1].mag", 0.2, EIGEN_AVS_DEFAULTS, "2026-01", true, "The catalog's AI compute AVS magnitude for an EigenCloud restake layer, for every operator; half the stake stays unallocated (not slashable)."),
            fig("shock", 0.1, RESTACK, "2026-12", true, SHOCK_NOTE),
        ],
    },
    NetworkPreset {
        id: "babylon-full",
        name: "Babylon: Genesis + two BSNs (multi-staking, full reuse)",
        protocol: "babylon",
        description: "Five groups of BTC delegations secure Babylon Genesis and up to two BSNs with the same stake: a shock to one group weakens every service it secures, and a joint attack takes all three.",
        reuse_source: "Babylon docs, register-bitcoin-stake.md §2.1 (babylonlabs-io/babylon): 'Multi-staking is the ability to stake BTC to secure multiple BSNs … Bitcoin holders can delegate to multiple finality providers simultaneously, with each finality provider securing a different BSN'; one staking output backs them all.",
        link: "v=1&reuse=full&svc=Babylon%20Genesis(pfc:900,thr:0.33)&svc=Cosmos%20BSN(pfc:600,thr:0.33)&svc=Rollup%20BSN(pfc:600,thr:0.33)&op=FP%20A(stake:1665,alloc:Babylon%20Genesis,alloc:Cosmos%20BSN)&op=FP%20B(stake:1387,alloc:Babylon%20Genesis,alloc:Rollup%20BSN)&op=FP%20C(stake:1110,alloc:Babylon%20Genesis,alloc:Cosmos%20BSN)&op=FP%20D(stake:833,alloc:Babylon%20Genesis,alloc:Rollup%20BSN)&op=FP%20E(stake:554,alloc:Babylon%20Genesis,alloc:Cosmos%20BSN,alloc:Rollup%20BSN)&view=security",
        figures: &[
            fig("services[0].pfc", 900.0, RESTACK, "2026-12", true, PFC_BABYLON),
            fig("services[0].thr", 0.33, RESTACK, "2026-12", true, BFT_THIRD),
            fig("services[1].pfc", 600.0, RESTACK, "2026-12", true, PFC_BABYLON),
            fig("services[1].thr", 0.33, RESTACK, "2026-12", true, BFT_THIRD),
            fig("services[2].pfc", 600.0, RESTACK, "2026-12", true, PFC_BABYLON),
            fig("services[2].thr", 0.33, RESTACK, "2026-12", true, BFT_THIRD),
            fig("operators[0].stake", 1665.0, SEED, "2026-01", true, SPLIT_BABYLON),
            fig("operators[1].stake", 1387.0, SEED, "2026-01", true, SPLIT_BABYLON),
            fig("operators[2].stake", 1110.0, SEED, "2026-01", true, SPLIT_BABYLON),
            fig("operators[3].stake", 833.0, SEED, "2026-01", true, SPLIT_BABYLON),
            fig("operators[4].stake", 554.0, SEED, "2026-01", true, SPLIT_BABYLON),
            fig("operators[*].alloc[*].mag", 1.0, "Babylon docs, staking-script.md and register-bitcoin-stake.md (babylonlabs-io/babylon)", "2026-01", false, "A multi-staked delegation's whole staking output is slashable when any of its finality providers double-signs; which BSNs each group secures is illustrative."),
            fig("shock", 0.1, RESTACK, "2026-12", true, SHOCK_NOTE),
        ],
    },
];

/// The network the security view opens without network keys: the first preset's, as a link.
pub const DEFAULT_NETWORK_LINK: &str = NETWORK_PRESETS[0].link;

impl NetworkPreset {
    /// A preset by id.
    pub fn find(id: &str) -> Option<&'static NetworkPreset> {
        NETWORK_PRESETS.iter().find(|p| p.id == id)
    }

    /// The preset's network (decoded from its link; `None` only if the link were broken, which a
    /// test rules out).
    pub fn network(&self) -> Option<Network> {
        decode(self.link).network
    }

    /// The figure that sources `field` (a concrete path such as `operators[2].alloc[0].mag`).
    pub fn figure(&self, field: &str) -> Option<&'static NetworkFigure> {
        self.figures.iter().find(|f| path_matches(f.field, field))
    }
}

/// Whether the figure path `pattern` (with `[*]` for any index) names `field`.
pub fn path_matches(pattern: &str, field: &str) -> bool {
    let mut p = pattern.split('[');
    let mut f = field.split('[');
    loop {
        match (p.next(), f.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) => {
                let same = match (a.split_once(']'), b.split_once(']')) {
                    (Some(("*", rest_a)), Some((index, rest_b))) => {
                        index.bytes().all(|c| c.is_ascii_digit()) && rest_a == rest_b
                    }
                    _ => a == b,
                };
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Every number of `network` with its link path, in link order.
pub fn network_fields(network: &Network) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (i, s) in network.services.iter().enumerate() {
        out.push((format!("services[{i}].pfc"), s.pfc_musd));
        out.push((format!("services[{i}].thr"), s.threshold));
    }
    for (i, o) in network.operators.iter().enumerate() {
        out.push((format!("operators[{i}].stake"), o.stake_musd));
        for (j, a) in o.allocations.iter().enumerate() {
            out.push((format!("operators[{i}].alloc[{j}].mag"), a.magnitude));
        }
    }
    out.push(("shock".to_string(), network.shock_ratio));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_paths_match_their_fields() {
        // (pattern, field, matches)
        let cases = [
            ("shock", "shock", true),
            ("services[0].thr", "services[0].thr", true),
            ("services[0].thr", "services[1].thr", false),
            ("services[0].thr", "services[0].pfc", false),
            (
                "operators[*].alloc[0].mag",
                "operators[3].alloc[0].mag",
                true,
            ),
            (
                "operators[*].alloc[0].mag",
                "operators[3].alloc[1].mag",
                false,
            ),
            (
                "operators[*].alloc[*].mag",
                "operators[12].alloc[2].mag",
                true,
            ),
            ("operators[*].stake", "operators[x].stake", false),
            ("operators[*].stake", "operators[1].stake.extra", false),
            ("operators[*]", "operators[1].stake", false),
        ];
        for (pattern, field, want) in cases {
            assert_eq!(path_matches(pattern, field), want, "{pattern} ~ {field}");
        }
    }
}
