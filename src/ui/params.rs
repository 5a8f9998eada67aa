//! The editable parameters of each layer kind, as data: label, unit, hint, and how to read and
//! write the number in a [`Layer`]. The stack builder renders a field per entry; field paths
//! (`layers[i].<key>`) match the engine's validation errors and the catalog's figure keys.

use crate::engine::{Avs, Layer, LayerKind, LoopSize};
use crate::ui::field::Unit;

/// One editable number of a layer.
pub struct ParamSpec {
    /// Key in field paths and catalog figures (`ltv`).
    pub key: &'static str,
    /// Visible label.
    pub label: &'static str,
    /// Display unit.
    pub unit: Unit,
    /// One-line hint (range, meaning).
    pub hint: &'static str,
    /// Read it (None when the layer is of another kind).
    pub get: fn(&Layer) -> Option<f64>,
    /// Write it (no-op when the layer is of another kind).
    pub set: fn(&mut Layer, f64),
}

macro_rules! kind_param {
    ($key:literal, $label:literal, $unit:expr, $hint:literal, $variant:ident, $field:ident) => {
        ParamSpec {
            key: $key,
            label: $label,
            unit: $unit,
            hint: $hint,
            get: |l| match &l.kind {
                LayerKind::$variant { $field, .. } => Some(*$field),
                _ => None,
            },
            set: |l, v| {
                if let LayerKind::$variant { $field, .. } = &mut l.kind {
                    *$field = v;
                }
            },
        }
    };
}

macro_rules! risk_param {
    ($key:literal, $label:literal, $unit:expr, $hint:literal, $field:ident) => {
        ParamSpec {
            key: $key,
            label: $label,
            unit: $unit,
            hint: $hint,
            get: |l| Some(l.risk.$field),
            set: |l, v| l.risk.$field = v,
        }
    };
}

const STAKE: &[ParamSpec] = &[
    kind_param!(
        "base_apr",
        "Staking APR",
        Unit::Percent,
        "gross, incl. MEV",
        Stake,
        base_apr
    ),
    kind_param!(
        "fee_ratio",
        "Protocol fee",
        Unit::Percent,
        "share of rewards kept",
        Stake,
        fee_ratio
    ),
];
const RESTAKE: &[ParamSpec] = &[kind_param!(
    "commission_ratio",
    "Operator commission",
    Unit::Percent,
    "share of AVS rewards",
    Restake,
    commission_ratio
)];
const LRT: &[ParamSpec] = &[kind_param!(
    "fee_ratio",
    "Wrapper fee",
    Unit::Percent,
    "share of rewards beneath",
    LiquidRestake,
    fee_ratio
)];
const PT: &[ParamSpec] = &[
    kind_param!(
        "implied_apy",
        "Implied APY",
        Unit::Percent,
        "fixed until maturity",
        PendlePt,
        implied_apy
    ),
    kind_param!(
        "maturity_days",
        "Days to maturity",
        Unit::Plain("days"),
        "0 = matured",
        PendlePt,
        maturity_days
    ),
];
const YT: &[ParamSpec] = &[
    kind_param!(
        "implied_apy",
        "Implied APY",
        Unit::Percent,
        "prices the YT",
        PendleYt,
        implied_apy
    ),
    kind_param!(
        "maturity_days",
        "Days to maturity",
        Unit::Plain("days"),
        "> 0",
        PendleYt,
        maturity_days
    ),
    kind_param!(
        "reward_apr",
        "YT reward APR",
        Unit::Percent,
        "external incentives",
        PendleYt,
        reward_apr
    ),
];
const LOOP: &[ParamSpec] = &[
    kind_param!(
        "ltv",
        "LTV per loop",
        Unit::Percent,
        "below the liquidation threshold",
        Loop,
        ltv
    ),
    kind_param!(
        "liq_threshold",
        "Liquidation threshold",
        Unit::Percent,
        "LT",
        Loop,
        liq_threshold
    ),
    kind_param!(
        "borrow_apr",
        "Borrow APR",
        Unit::Percent,
        "on the debt",
        Loop,
        borrow_apr
    ),
    kind_param!(
        "supply_apr",
        "Supply APR",
        Unit::Percent,
        "paid on collateral",
        Loop,
        supply_apr
    ),
    kind_param!(
        "liq_bonus",
        "Liquidation bonus",
        Unit::Percent,
        "penalty on what is sold",
        Loop,
        liq_bonus
    ),
];

/// The kind-specific parameters of a layer.
pub fn kind_params(kind: &LayerKind) -> &'static [ParamSpec] {
    match kind {
        LayerKind::Stake { .. } => STAKE,
        LayerKind::Restake { .. } => RESTAKE,
        LayerKind::LiquidRestake { .. } => LRT,
        LayerKind::PendlePt { .. } => PT,
        LayerKind::PendleYt { .. } => YT,
        LayerKind::Loop { .. } => LOOP,
        #[allow(unreachable_patterns)]
        _ => &[],
    }
}

/// The loop size as a number: the loop count or the target leverage.
pub const LOOP_SIZE: ParamSpec = ParamSpec {
    key: "size",
    label: "Loops / target leverage",
    unit: Unit::Plain(""),
    hint: "",
    get: |l| match &l.kind {
        LayerKind::Loop {
            size: LoopSize::Loops(n),
            ..
        } => Some(f64::from(*n)),
        LayerKind::Loop {
            size: LoopSize::Target(t),
            ..
        } => Some(*t),
        _ => None,
    },
    set: |l, v| {
        if let LayerKind::Loop { size, .. } = &mut l.kind {
            *size = match size {
                // `as` saturates: a huge or negative count cannot wrap (the engine bounds it).
                LoopSize::Loops(_) => LoopSize::Loops(v.round().max(0.0) as u32),
                LoopSize::Target(_) => LoopSize::Target(v),
            }
        }
    },
};

/// Risk assumptions every layer has.
pub const RISK: &[ParamSpec] = &[
    risk_param!(
        "p_exploit",
        "Exploit probability",
        Unit::Percent,
        "per year",
        p_exploit
    ),
    risk_param!(
        "exploit_loss",
        "Loss if exploited",
        Unit::Percent,
        "of the value held",
        exploit_loss
    ),
    risk_param!(
        "p_depeg",
        "Depeg probability",
        Unit::Percent,
        "per year",
        p_depeg
    ),
    risk_param!(
        "depeg_loss",
        "Depeg discount",
        Unit::Percent,
        "realised on exit",
        depeg_loss
    ),
    risk_param!(
        "exit_days",
        "Redemption time",
        Unit::Plain("days"),
        "queue / unbonding",
        exit_days
    ),
    risk_param!(
        "market_share",
        "Sector share",
        Unit::Percent,
        "concentration",
        market_share
    ),
];

/// The extra points APR of a layer (kept apart from the headline APY).
pub const POINTS: ParamSpec = ParamSpec {
    key: "points_apr",
    label: "Points value",
    unit: Unit::Percent,
    hint: "APR-equivalent, your estimate",
    get: |l| Some(l.points_apr),
    set: |l, v| l.points_apr = v,
};

/// One editable number of an AVS.
pub struct AvsParam {
    /// Key in field paths.
    pub key: &'static str,
    /// Visible label.
    pub label: &'static str,
    /// Display unit.
    pub unit: Unit,
    /// Read it.
    pub get: fn(&Avs) -> f64,
    /// Write it.
    pub set: fn(&mut Avs, f64),
}

/// The numbers of an AVS.
pub const AVS: &[AvsParam] = &[
    AvsParam {
        key: "reward_apr",
        label: "Reward APR",
        unit: Unit::Percent,
        get: |a| a.reward_apr,
        set: |a, v| a.reward_apr = v,
    },
    AvsParam {
        key: "magnitude",
        label: "Allocated magnitude",
        unit: Unit::Percent,
        get: |a| a.magnitude,
        set: |a, v| a.magnitude = v,
    },
    AvsParam {
        key: "p_slash",
        label: "Slash probability",
        unit: Unit::Percent,
        get: |a| a.p_slash,
        set: |a, v| a.p_slash = v,
    },
    AvsParam {
        key: "severity",
        label: "Slash severity",
        unit: Unit::Percent,
        get: |a| a.severity,
        set: |a, v| a.severity = v,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{DebtAsset, LayerRisk, OracleKind};

    fn layer(kind: LayerKind) -> Layer {
        Layer {
            protocol: "x".into(),
            token: "T".into(),
            kind,
            risk: LayerRisk::default(),
            points_apr: 0.0,
        }
    }

    #[test]
    fn every_param_reads_back_what_it_writes() {
        // Guards the macro wiring: a field that writes one number and reads another would make
        // the input box jump to a different value as the user types.
        let kinds = LayerKind::one_of_each();
        for kind in kinds {
            let mut l = layer(kind);
            let specs = kind_params(&l.kind);
            assert!(!specs.is_empty());
            for (n, spec) in specs.iter().chain(RISK).chain([&POINTS]).enumerate() {
                let v = 0.25 + n as f64;
                (spec.set)(&mut l, v);
                assert_eq!((spec.get)(&l), Some(v), "{}", spec.key);
            }
        }
    }

    #[test]
    fn loop_size_keeps_its_mode() {
        let mut l = layer(LayerKind::Loop {
            ltv: 0.8,
            liq_threshold: 0.9,
            liq_bonus: 0.05,
            borrow_apr: 0.0,
            supply_apr: 0.0,
            size: LoopSize::Loops(3),
            oracle: OracleKind::Market,
            debt: DebtAsset::Base,
        });
        (LOOP_SIZE.set)(&mut l, 4.4);
        assert_eq!((LOOP_SIZE.get)(&l), Some(4.0));
        (LOOP_SIZE.set)(&mut l, -1e300);
        assert_eq!((LOOP_SIZE.get)(&l), Some(0.0));
    }
}
