//! A protocol's product (EtherFi eETH, an Aave weETH loop, Pendle YT-weETH) as sourced figures,
//! and the engine [`Layer`] it becomes.

use super::figure::Figure;
use crate::engine::param::{kind_params, AVS, LAYER};
use crate::engine::{Asset, Avs, DebtAsset, Kind, Layer, LayerKind, LoopSize, OracleKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One AVS / network / BSN a restake product secures by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvsPreset {
    /// Display name.
    pub name: String,
    /// `reward_apr`, `magnitude`, `p_slash`, `severity`.
    pub params: BTreeMap<String, Figure>,
}

/// A product: what a layer of this protocol holds and does, with every number sourced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// Unique id (`etherfi-eeth`).
    pub id: String,
    /// Protocol id (`etherfi`); layers built from it carry this id.
    pub protocol: String,
    /// Display name (`EtherFi eETH`).
    pub name: String,
    /// Asset it is built on.
    pub asset: Asset,
    /// What the layer does (`stake`, `restake`, `lrt`, `pt`, `yt`, `loop` in the data file).
    pub kind: Kind,
    /// Token held after the layer (`eETH`).
    pub token: String,
    /// The kind's parameters and the risk figures, keyed by the engine's parameter keys
    /// (`engine::param`: `base_apr`, `ltv`, `p_exploit`, …; `points_apr` optional); loops also
    /// `loops`.
    pub params: BTreeMap<String, Figure>,
    /// Restake only: the services secured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avs: Vec<AvsPreset>,
    /// Loop only: how the lender prices the collateral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oracle: Option<OracleKind>,
    /// Loop only: what is borrowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt: Option<DebtAsset>,
    /// The token also trades on a market (instant exit at a discount).
    #[serde(default)]
    pub instant_exit: bool,
}

/// A product that cannot become a layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("products[{product}].{key}: {message}")]
pub struct ProductError {
    /// Product id (truncated).
    pub product: String,
    /// Offending key.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl Product {
    fn error(&self, key: &str, message: impl Into<String>) -> ProductError {
        ProductError {
            product: self.id.chars().take(40).collect(),
            key: key.chars().take(40).collect(),
            message: message.into(),
        }
    }

    /// The value of a figure, which must be present and sane.
    fn value(&self, params: &BTreeMap<String, Figure>, key: &str) -> Result<f64, ProductError> {
        match params.get(key) {
            None => Err(self.error(key, "missing")),
            Some(f) if !f.is_sane() => Err(self.error(
                key,
                format!("{} is outside the range of a {:?} figure", f.value, f.unit),
            )),
            Some(f) => Ok(f.value),
        }
    }

    fn param(&self, key: &str) -> Result<f64, ProductError> {
        self.value(&self.params, key)
    }

    /// The provenance of one parameter (`ltv`, `p_exploit`), if the product has it.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.params.get(key)
    }

    /// The engine layer this product stands for.
    ///
    /// # Errors
    /// A missing or insane figure, a loop without oracle or debt asset.
    pub fn to_layer(&self) -> Result<Layer, ProductError> {
        let mut layer = Layer::template(self.kind, self.protocol.clone(), self.token.clone());
        for p in kind_params(self.kind) {
            (p.set)(&mut layer.kind, self.param(p.key)?);
        }
        match &mut layer.kind {
            LayerKind::Restake { avs, .. } => {
                *avs = self
                    .avs
                    .iter()
                    .map(|a| {
                        let mut out = Avs {
                            name: a.name.clone(),
                            reward_apr: 0.0,
                            magnitude: 0.0,
                            p_slash: 0.0,
                            severity: 0.0,
                        };
                        for p in &AVS {
                            (p.set)(&mut out, self.value(&a.params, p.key)?);
                        }
                        Ok(out)
                    })
                    .collect::<Result<_, _>>()?;
            }
            LayerKind::Loop {
                size, oracle, debt, ..
            } => {
                // Bounded by the figure's sanity range; the engine bounds it further.
                *size = LoopSize::Loops(self.param("loops")?.round() as u32);
                *oracle = self.oracle.ok_or_else(|| self.error("oracle", "missing"))?;
                *debt = self.debt.ok_or_else(|| self.error("debt", "missing"))?;
            }
            LayerKind::Stake { .. }
            | LayerKind::LiquidRestake { .. }
            | LayerKind::PendlePt { .. }
            | LayerKind::PendleYt { .. } => {}
        }
        for p in &LAYER {
            let value = match (p.key, self.params.get(p.key)) {
                // Points are optional: most products earn none.
                ("points_apr", None) => 0.0,
                _ => self.param(p.key)?,
            };
            (p.set)(&mut layer, value);
        }
        layer.risk.instant_exit = self.instant_exit;
        Ok(layer)
    }
}
