//! A protocol's product (EtherFi eETH, an Aave weETH loop, Pendle YT-weETH) as sourced figures,
//! and the engine [`Layer`] it becomes.

use super::figure::Figure;
use crate::engine::param::{kind_params, ParamId, AVS, COSTS, LAYER};
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

/// The transactions a product's layer makes, by operation name (keys of
/// [`super::Catalog::gas_units`]): its `gas_in` figure is the sum of `entry`'s units, its
/// `gas_out` figure the sum of `exit`'s (a loop's: of one loop). The data file's check holds
/// them to it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GasOps {
    /// Operations of entering (`["erc20_approve", "pendle_swap"]`).
    pub entry: Vec<String>,
    /// Operations of leaving.
    pub exit: Vec<String>,
}

impl GasOps {
    /// Whether it names no operation.
    pub fn is_empty(&self) -> bool {
        self.entry.is_empty() && self.exit.is_empty()
    }
}

/// Figures a product may leave out: absent, the layer gets the parameter's v1 default (no
/// points, no fee tier, no costs), so data files written before them stay valid.
fn optional(id: ParamId) -> bool {
    matches!(
        id,
        ParamId::PointsApr
            | ParamId::PendleFeeTier
            | ParamId::GasIn
            | ParamId::GasOut
            | ParamId::SwapFee
            | ParamId::Impact
    )
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
    /// The kind's parameters, the risk figures and the costs, keyed by the engine's parameter
    /// keys (`engine::param`: `base_apr`, `ltv`, `p_exploit`, `gas_in`, …; `points_apr`,
    /// `fee_tier` and the costs optional); loops also `loops`.
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
    /// The token is bought on its market instead of minted (stake, restake, wrapper).
    #[serde(default)]
    pub bought: bool,
    /// The transactions behind its `gas_in` and `gas_out` figures.
    #[serde(default, skip_serializing_if = "GasOps::is_empty")]
    pub gas_ops: GasOps,
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
            let value = match self.params.get(p.key) {
                None if optional(p.id) => p.default,
                _ => self.param(p.key)?,
            };
            (p.set)(&mut layer.kind, value);
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
        for p in LAYER.iter().chain(&COSTS) {
            let value = match self.params.get(p.key) {
                // Points are optional (most products earn none), and so are costs.
                None if optional(p.id) => p.default,
                _ => self.param(p.key)?,
            };
            (p.set)(&mut layer, value);
        }
        layer.risk.instant_exit = self.instant_exit;
        layer.costs.bought = self.bought;
        Ok(layer)
    }
}
