//! The layer kinds as plain codes: one [`Kind`] per [`LayerKind`] variant, with its link/catalog
//! code and a template layer whose numbers are the v1 link defaults.
//!
//! This module and [`super::param`] are the only places that match on every kind; everything
//! else (link codec, catalog, stack builder, UI fields) walks [`Kind::ALL`] and the parameter
//! table, so adding a kind is a compiler-guided change (ARCHITECTURE.md, "Adding a layer kind").

use super::scenario::{DebtAsset, LayerKind, LoopSize, OracleKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a layer does, as a code (`stake`, `restake`, `lrt`, `pt`, `yt`, `loop`). The codes are
/// part of the v1 link format and of the data file: they never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Native or liquid staking.
    Stake,
    /// Restaking to secure AVSs / networks / BSNs.
    Restake,
    /// A liquid-restaking wrapper.
    Lrt,
    /// Pendle principal token.
    Pt,
    /// Pendle yield token.
    Yt,
    /// Lending loop.
    Loop,
}

impl Kind {
    /// Every kind, in the order the link format documents them and the stack builder offers them.
    pub const ALL: [Kind; 6] = [
        Kind::Stake,
        Kind::Restake,
        Kind::Lrt,
        Kind::Pt,
        Kind::Yt,
        Kind::Loop,
    ];

    /// The code in links, the data file and CSS classes.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Stake => "stake",
            Kind::Restake => "restake",
            Kind::Lrt => "lrt",
            Kind::Pt => "pt",
            Kind::Yt => "yt",
            Kind::Loop => "loop",
        }
    }

    /// A layer kind with every number at its v1 link default ([`super::param`]): what a link
    /// layer without parameters means.
    pub fn template(self) -> LayerKind {
        let mut kind = match self {
            Kind::Stake => LayerKind::Stake {
                base_apr: 0.0,
                fee_ratio: 0.0,
            },
            Kind::Restake => LayerKind::Restake {
                avs: Vec::new(),
                commission_ratio: 0.0,
            },
            Kind::Lrt => LayerKind::LiquidRestake { fee_ratio: 0.0 },
            Kind::Pt => LayerKind::PendlePt {
                implied_apy: 0.0,
                maturity_days: 0.0,
                fee_tier: 0.0,
            },
            Kind::Yt => LayerKind::PendleYt {
                implied_apy: 0.0,
                maturity_days: 0.0,
                reward_apr: 0.0,
                fee_ratio: 0.0,
                fee_tier: 0.0,
            },
            Kind::Loop => LayerKind::Loop {
                ltv: 0.0,
                liq_threshold: 0.0,
                liq_bonus: 0.0,
                borrow_apr: 0.0,
                supply_apr: 0.0,
                close_factor: 0.0,
                size: LoopSize::Loops(super::param::DEFAULT_LOOPS),
                oracle: OracleKind::Market,
                debt: DebtAsset::Base,
            },
        };
        for p in super::param::kind_params(self) {
            (p.set)(&mut kind, p.default);
        }
        kind
    }
}

impl LayerKind {
    /// The kind's code.
    pub const fn kind(&self) -> Kind {
        match self {
            LayerKind::Stake { .. } => Kind::Stake,
            LayerKind::Restake { .. } => Kind::Restake,
            LayerKind::LiquidRestake { .. } => Kind::Lrt,
            LayerKind::PendlePt { .. } => Kind::Pt,
            LayerKind::PendleYt { .. } => Kind::Yt,
            LayerKind::Loop { .. } => Kind::Loop,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A code that names no layer kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown layer kind {0:?}")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;
    /// Reads a code ignoring ASCII case and surrounding spaces.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Kind::ALL
            .into_iter()
            .find(|k| k.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownKind(s.chars().take(16).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_templates_have_their_kind() {
        for k in Kind::ALL {
            assert_eq!(k.code().parse::<Kind>(), Ok(k));
            assert_eq!(k.code().to_uppercase().parse::<Kind>(), Ok(k));
            assert_eq!(k.template().kind(), k);
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", k.code()));
        }
        assert!("teleport".parse::<Kind>().is_err());
    }
}
