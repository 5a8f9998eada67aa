//! A protocol's product (EtherFi eETH, an Aave weETH loop, Pendle YT-weETH) as sourced figures,
//! and the engine [`Layer`] it becomes.

use super::figure::Figure;
use crate::engine::{Asset, Avs, DebtAsset, Layer, LayerKind, LayerRisk, LoopSize, OracleKind};
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
    /// Layer kind code (`stake`, `restake`, `lrt`, `pt`, `yt`, `loop`).
    pub kind: String,
    /// Token held after the layer (`eETH`).
    pub token: String,
    /// The kind's parameters, the risk figures (`p_exploit`, `exploit_loss`, `p_depeg`,
    /// `depeg_loss`, `exit_days`, `market_share`) and optionally `points_apr`;
    /// loops also `loops`.
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
    /// A missing or insane figure, an unknown kind, a loop without oracle or debt asset.
    pub fn to_layer(&self) -> Result<Layer, ProductError> {
        let kind = match self.kind.as_str() {
            "stake" => LayerKind::Stake {
                base_apr: self.param("base_apr")?,
                fee_ratio: self.param("fee_ratio")?,
            },
            "restake" => LayerKind::Restake {
                avs: self
                    .avs
                    .iter()
                    .map(|a| {
                        Ok(Avs {
                            name: a.name.clone(),
                            reward_apr: self.value(&a.params, "reward_apr")?,
                            magnitude: self.value(&a.params, "magnitude")?,
                            p_slash: self.value(&a.params, "p_slash")?,
                            severity: self.value(&a.params, "severity")?,
                        })
                    })
                    .collect::<Result<_, _>>()?,
                commission_ratio: self.param("commission_ratio")?,
            },
            "lrt" => LayerKind::LiquidRestake {
                fee_ratio: self.param("fee_ratio")?,
            },
            "pt" => LayerKind::PendlePt {
                implied_apy: self.param("implied_apy")?,
                maturity_days: self.param("maturity_days")?,
            },
            "yt" => LayerKind::PendleYt {
                implied_apy: self.param("implied_apy")?,
                maturity_days: self.param("maturity_days")?,
                reward_apr: self.param("reward_apr")?,
            },
            "loop" => LayerKind::Loop {
                ltv: self.param("ltv")?,
                liq_threshold: self.param("liq_threshold")?,
                liq_bonus: self.param("liq_bonus")?,
                borrow_apr: self.param("borrow_apr")?,
                supply_apr: self.param("supply_apr")?,
                // Bounded by the figure's sanity range; the engine bounds it further.
                size: LoopSize::Loops(self.param("loops")?.round() as u32),
                oracle: self.oracle.ok_or_else(|| self.error("oracle", "missing"))?,
                debt: self.debt.ok_or_else(|| self.error("debt", "missing"))?,
            },
            other => {
                return Err(self.error(
                    "kind",
                    format!(
                        "unknown kind {:?}",
                        other.chars().take(16).collect::<String>()
                    ),
                ))
            }
        };
        Ok(Layer {
            protocol: self.protocol.clone(),
            token: self.token.clone(),
            kind,
            risk: LayerRisk {
                p_exploit: self.param("p_exploit")?,
                exploit_loss: self.param("exploit_loss")?,
                p_depeg: self.param("p_depeg")?,
                depeg_loss: self.param("depeg_loss")?,
                exit_days: self.param("exit_days")?,
                instant_exit: self.instant_exit,
                market_share: self.param("market_share")?,
            },
            points_apr: match self.params.get("points_apr") {
                Some(_) => self.param("points_apr")?,
                None => 0.0,
            },
        })
    }
}
