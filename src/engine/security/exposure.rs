//! The user's exposure: which of the user's restake layers sit on services that are unsafe or
//! fall in the worst cascade, and what that would slash from the layer.
//!
//! A restake layer's AVS is matched to the network's service of the same name (ignoring case and
//! surrounding spaces). The slash is a probability-free loss of the layer's backing, for the risk
//! model to use as a slashing severity when the user asks for it:
//!
//! ```text
//! slash = min(1, Σ_j m_j)   over the layer's AVSs j whose service falls (or is unsafe)
//! ```
//!
//! with m_j the layer's magnitude for that AVS: a service slashes at most what is allocated to it
//! (ELIP-002; §5 of docs/METHODOLOGY.md, as the engine's worst-case slash). It assumes the
//! user's operator is among the stake slashed for each such service — the conservative reading,
//! since the scenario does not say which operator the user delegates to.

use super::network::Network;
use super::report::{Analysis, Cascade};
use crate::engine::{LayerKind, Scenario};
use serde::{Deserialize, Serialize};

/// What the analysis says about the service behind one of the user's AVSs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceStatus {
    /// No service of the network has the AVS's name.
    NotInNetwork,
    /// A valid attack on it exists today, without any shock.
    Unsafe,
    /// No valid attack corrupts it (exactly, or certified by the sufficient condition).
    Safe,
    /// Too large for the exact search, and the sufficient condition certifies nothing.
    Unknown,
}

/// One AVS of a restake layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvsExposure {
    /// Index of the AVS in the layer.
    pub avs: usize,
    /// The matching service, by index.
    pub service: Option<usize>,
    /// The layer's magnitude for it.
    pub magnitude: f64,
    /// Whether the service is safe today.
    pub status: ServiceStatus,
    /// The step of the worst cascade at which the service falls (0 = the first attack after the
    /// shock); `None` when it does not fall or the cascade was not computed.
    pub falls_at_step: Option<usize>,
}

/// One restake layer of the user's stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerExposure {
    /// Index of the layer in the scenario.
    pub layer: usize,
    /// Its AVSs, in order.
    pub avs: Vec<AvsExposure>,
    /// min(1, Σ m) over its AVSs whose service is unsafe today: what an attack that already pays
    /// could slash.
    pub unsafe_slash_ratio: f64,
    /// min(1, Σ m) over its AVSs whose service falls in the worst cascade after the network's
    /// shock; `None` when the cascade was not computed.
    pub cascade_slash_ratio: Option<f64>,
}

/// The user's exposure: one entry per restake layer, bottom to top.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exposure {
    /// The restake layers.
    pub layers: Vec<LayerExposure>,
}

impl Exposure {
    /// Whether any of the user's AVSs is unsafe or falls in the worst cascade.
    pub fn is_exposed(&self) -> bool {
        self.layers
            .iter()
            .any(|l| l.unsafe_slash_ratio > 0.0 || l.cascade_slash_ratio.is_some_and(|x| x > 0.0))
    }
}

/// The exposure of `scenario`'s restake layers to `network`, whose analysis is `analysis`.
///
/// Total: an analysis of another network gives statuses only where the indices exist.
pub fn exposure(scenario: &Scenario, network: &Network, analysis: &Analysis) -> Exposure {
    let falls_at = |service: usize| match &analysis.cascade {
        Cascade::Exact(c) => c.steps.iter().position(|s| s.services.contains(&service)),
        Cascade::TooManyUnits { .. } | Cascade::TooMuchWork { .. } => None,
    };
    let cascade_known = matches!(analysis.cascade, Cascade::Exact(_));
    let status = |service: Option<usize>| {
        let Some(s) = service else {
            return ServiceStatus::NotInNetwork;
        };
        match analysis.services.get(s).and_then(|r| r.exact.as_ref()) {
            Some(e) if e.safe => ServiceStatus::Safe,
            Some(_) => ServiceStatus::Unsafe,
            None if analysis.sufficient.secure => ServiceStatus::Safe,
            None => ServiceStatus::Unknown,
        }
    };
    let layers = scenario
        .layers
        .iter()
        .enumerate()
        .filter_map(|(i, layer)| match &layer.kind {
            LayerKind::Restake { avs, .. } => Some((i, avs)),
            LayerKind::Stake { .. }
            | LayerKind::LiquidRestake { .. }
            | LayerKind::PendlePt { .. }
            | LayerKind::PendleYt { .. }
            | LayerKind::Loop { .. } => None,
        })
        .map(|(layer, avs)| {
            let avs: Vec<AvsExposure> = avs
                .iter()
                .enumerate()
                .map(|(j, a)| {
                    let service = network.service_index(&a.name);
                    AvsExposure {
                        avs: j,
                        service,
                        magnitude: a.magnitude,
                        status: status(service),
                        falls_at_step: service.and_then(falls_at),
                    }
                })
                .collect();
            let slash = |hit: &dyn Fn(&AvsExposure) -> bool| -> f64 {
                avs.iter()
                    .filter(|a| hit(a))
                    .map(|a| a.magnitude.max(0.0))
                    .sum::<f64>()
                    .min(1.0)
            };
            LayerExposure {
                layer,
                unsafe_slash_ratio: slash(&|a| a.status == ServiceStatus::Unsafe),
                cascade_slash_ratio: cascade_known.then(|| slash(&|a| a.falls_at_step.is_some())),
                avs,
            }
        })
        .collect();
    Exposure { layers }
}

impl Exposure {
    /// `scenario` with this exposure fed into the risk model's slashing events (the user's
    /// choice, docs/METHODOLOGY.md §13 "The user's exposure"): every AVS whose service is unsafe
    /// today or falls in the worst cascade is slashed of its whole allocation, so its severity
    /// becomes its magnitude (the most a service can slash, ELIP-002; §5). Its probability
    /// `p_slash` stays the user's: the cascade says how much, not how often. Every other AVS
    /// and layer is unchanged, so the result validates whenever `scenario` does
    /// (severity ≤ magnitude holds with equality).
    pub fn slashes_as_severities(&self, scenario: &Scenario) -> Scenario {
        let mut out = scenario.clone();
        for l in &self.layers {
            let Some(LayerKind::Restake { avs, .. }) =
                out.layers.get_mut(l.layer).map(|x| &mut x.kind)
            else {
                continue;
            };
            for e in &l.avs {
                let hit = e.status == ServiceStatus::Unsafe || e.falls_at_step.is_some();
                if let Some(a) = avs.get_mut(e.avs).filter(|_| hit) {
                    a.severity = a.magnitude;
                }
            }
        }
        out
    }
}
