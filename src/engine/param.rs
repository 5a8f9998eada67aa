//! The editable numbers of a scenario as one table: for each, its [`ParamId`], its field key (the
//! last segment of validation paths such as `layers[2].ltv`, and the catalog's figure key), its
//! [`Unit`], its valid [`Range`], its v1 default and how to read and write it.
//!
//! Everything that walks the numbers of a layer uses this table: validation (`validate`), the
//! link codec (`share`: its link keys are an exhaustive match over [`ParamId`]), the catalog
//! (products and rebase) and the UI's fields (labels: another exhaustive match). So a new
//! parameter is one entry here plus the compiler's list of places that must name it.
//!
//! `default` is the value of an absent link key in v1 and of a new layer's template: it is part of
//! the v1 link format (docs/METHODOLOGY.md §8 and `src/share/README-format.md`) and never changes.

use super::scenario::{Asset, Avs, Layer, LayerKind, Scenario};
use super::validate::{
    MAX_AMOUNT, MAX_APR, MAX_GAS_PRICE, MAX_GAS_UNITS, MAX_HORIZON_DAYS, MAX_MATURITY_DAYS,
    MAX_PRICE_USD, MIN_APR,
};
use super::Kind;

/// Which number a [`Param`] is. One variant per parameter; a parameter shared by two kinds with
/// the same meaning (Pendle's implied APY and maturity) is one variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ParamId {
    /// Stake: gross staking APR.
    BaseApr,
    /// Stake: share of rewards the protocol keeps.
    StakeFee,
    /// Restake: operator commission on AVS rewards.
    Commission,
    /// Liquid restake: share of the rewards beneath kept by the wrapper.
    LrtFee,
    /// Pendle PT / YT: implied APY at purchase.
    ImpliedApy,
    /// Pendle PT: days to maturity (0 = matured).
    PtMaturity,
    /// Pendle YT: days to maturity (> 0).
    YtMaturity,
    /// Pendle YT: extra reward APR paid to YT holders.
    YtReward,
    /// Pendle YT: share of YT yield and points Pendle keeps.
    YtFee,
    /// Pendle PT / YT: the market's swap-fee tier per year (a trade pays tier × days / 365 of
    /// the PT value swapped).
    PendleFeeTier,
    /// Loop: loan-to-value per loop.
    Ltv,
    /// Loop: liquidation threshold.
    LiqThreshold,
    /// Loop: liquidation bonus.
    LiqBonus,
    /// Loop: borrow APR.
    BorrowApr,
    /// Loop: supply APR paid on the collateral.
    SupplyApr,
    /// Loop: share of the debt a liquidation repays while the HF after the shock is above
    /// [`super::leverage::CLOSE_FACTOR_HF_THRESHOLD`] (and below 1).
    CloseFactor,
    /// Every layer: annual exploit probability.
    PExploit,
    /// Every layer: loss given an exploit.
    ExploitLoss,
    /// Every layer: annual probability of a realised depeg.
    PDepeg,
    /// Every layer: size of that depeg.
    DepegLoss,
    /// Every layer: days to exit through the redemption path.
    ExitDays,
    /// Every layer: the protocol's share of its sector.
    MarketShare,
    /// Every layer: points APR.
    PointsApr,
    /// Every layer: gas units of entering it (a loop: of one loop).
    GasIn,
    /// Every layer: gas units of leaving it (a loop: of unwinding one loop).
    GasOut,
    /// Every layer: fee of the market it trades on, a fraction of the value traded.
    SwapFee,
    /// Every layer: price impact and discount of a trade, a fraction of the value traded.
    Impact,
    /// AVS: reward APR on the whole restaked stake.
    AvsReward,
    /// AVS: allocated magnitude.
    AvsMagnitude,
    /// AVS: annual slashing probability.
    AvsPSlash,
    /// AVS: slashing severity.
    AvsSeverity,
    /// Stake: units of the asset.
    StakeAmount,
    /// Stake: USD price of one unit.
    PriceUsd,
    /// Projection horizon in days.
    HorizonDays,
    /// Correlation of risk events.
    Correlation,
    /// Stress: base-asset price drop.
    StressPriceDrop,
    /// Stress: small derivative depeg.
    StressDepegSmall,
    /// Stress: large derivative depeg.
    StressDepegLarge,
    /// Stress: AVS slash.
    StressAvsSlash,
    /// Stress: borrow APR the loops jump to.
    StressBorrowApr,
    /// Stress: implied APY a YT is marked at after the collapse.
    StressYtImpliedApy,
    /// Monte Carlo: annual volatility of the base asset's price.
    McVolatility,
    /// Monte Carlo: annual probability of a crash of the base asset's price.
    McPCrash,
    /// Monte Carlo: annual probability that borrow rates jump to the stress level.
    McPBorrowSpike,
    /// Monte Carlo: annual probability that YT implied APYs fall to the stress level.
    McPYtFall,
    /// Costs: gas price on the stake's chain (billionths of the native token per gas unit).
    GasPrice,
}

/// What a number measures; the UI picks its display from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share or probability in [0, 1] (shown as a percentage).
    Fraction,
    /// A rate per year (shown as a percentage).
    Rate,
    /// Days.
    Days,
    /// Units of the staked asset.
    Amount,
    /// US dollars.
    Usd,
    /// Gas units of transactions.
    Gas,
    /// A gas price: billionths of the chain's native token per gas unit (gwei on Ethereum).
    GasPrice,
}

/// The valid values of a number: `min`..`max`, each end open or closed. Every number must also
/// be finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lower end.
    pub min: f64,
    /// Whether `min` itself is excluded.
    pub min_open: bool,
    /// Upper end.
    pub max: f64,
    /// Whether `max` itself is excluded.
    pub max_open: bool,
}

impl Range {
    const fn closed(min: f64, max: f64) -> Range {
        Range {
            min,
            min_open: false,
            max,
            max_open: false,
        }
    }

    /// Whether `x` is in the range (a NaN never is).
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.min_open {
            x > self.min
        } else {
            x >= self.min
        };
        let below = if self.max_open {
            x < self.max
        } else {
            x <= self.max
        };
        above && below
    }
}

/// A share in [0, 1].
const SHARE: Range = Range::closed(0.0, 1.0);
/// A rate that may be negative: [−100 %, 1,000 %] a year.
const RATE: Range = Range::closed(MIN_APR, MAX_APR);
/// A rate that cannot be negative: [0, 1,000 %] a year.
const RATE_NONNEG: Range = Range::closed(0.0, MAX_APR);
/// Days of a maturity or redemption path: [0, 10 years].
const DAYS: Range = Range::closed(0.0, MAX_MATURITY_DAYS);
/// A fee or discount of a trade: [0, 1).
const TRADE_SHARE: Range = Range {
    max_open: true,
    ..SHARE
};
/// Above 0, at most `max`.
const fn positive(max: f64) -> Range {
    Range {
        min: 0.0,
        min_open: true,
        max,
        max_open: false,
    }
}

/// One editable number of a `T` (a [`Layer`], an [`Avs`] or a [`Scenario`]).
pub struct Param<T: 'static> {
    /// Which number.
    pub id: ParamId,
    /// Field key: the last segment of validation paths and the catalog's figure key.
    pub key: &'static str,
    /// What it measures.
    pub unit: Unit,
    /// Its valid values.
    pub range: Range,
    /// Its v1 default (an absent link key, a new layer). Never changes.
    pub default: f64,
    /// Read it; `None` when `T` does not have it (a layer of another kind).
    pub get: fn(&T) -> Option<f64>,
    /// Write it; no-op when `T` does not have it.
    pub set: fn(&mut T, f64),
}

impl<T> Param<T> {
    /// Whether `x` is a valid value.
    pub fn accepts(&self, x: f64) -> bool {
        x.is_finite() && self.range.contains(x)
    }
}

/// A kind parameter: `$variant`'s `$field`.
macro_rules! kind_param {
    ($id:ident, $key:literal, $unit:ident, $range:expr, $default:expr, $variant:ident . $field:ident) => {
        Param {
            id: ParamId::$id,
            key: $key,
            unit: Unit::$unit,
            range: $range,
            default: $default,
            get: |k: &LayerKind| match k {
                LayerKind::$variant { $field, .. } => Some(*$field),
                _ => None,
            },
            set: |k: &mut LayerKind, v| {
                if let LayerKind::$variant { $field, .. } = k {
                    *$field = v;
                }
            },
        }
    };
}

/// A number of every layer: `$($path).+` of a [`Layer`].
macro_rules! layer_param {
    ($id:ident, $key:literal, $unit:ident, $range:expr, $default:expr, $($path:ident).+) => {
        Param {
            id: ParamId::$id,
            key: $key,
            unit: Unit::$unit,
            range: $range,
            default: $default,
            get: |l: &Layer| Some(l.$($path).+),
            set: |l: &mut Layer, v| l.$($path).+ = v,
        }
    };
}

/// A number of an AVS or of the scenario: `$($path).+` of `$t`.
macro_rules! field_param {
    ($t:ty, $id:ident, $key:literal, $unit:ident, $range:expr, $default:expr, $($path:ident).+) => {
        Param {
            id: ParamId::$id,
            key: $key,
            unit: Unit::$unit,
            range: $range,
            default: $default,
            get: |x: &$t| Some(x.$($path).+),
            set: |x: &mut $t, v| x.$($path).+ = v,
        }
    };
}

/// Loop count of a loop layer whose link gives neither `loops` nor `lev` (v1 default).
pub const DEFAULT_LOOPS: u32 = 3;

const STAKE: [Param<LayerKind>; 2] = [
    kind_param!(BaseApr, "base_apr", Rate, RATE, 0.0, Stake.base_apr),
    kind_param!(StakeFee, "fee_ratio", Fraction, SHARE, 0.0, Stake.fee_ratio),
];
const RESTAKE: [Param<LayerKind>; 1] = [kind_param!(
    Commission,
    "commission_ratio",
    Fraction,
    SHARE,
    0.0,
    Restake.commission_ratio
)];
const LRT: [Param<LayerKind>; 1] = [kind_param!(
    LrtFee,
    "fee_ratio",
    Fraction,
    SHARE,
    0.0,
    LiquidRestake.fee_ratio
)];
const PT: [Param<LayerKind>; 3] = [
    kind_param!(
        ImpliedApy,
        "implied_apy",
        Rate,
        RATE_NONNEG,
        0.0,
        PendlePt.implied_apy
    ),
    kind_param!(
        PtMaturity,
        "maturity_days",
        Days,
        DAYS,
        180.0,
        PendlePt.maturity_days
    ),
    // Added to v1 with the cost model: 0 (no fee) keeps every older link's numbers.
    kind_param!(
        PendleFeeTier,
        "fee_tier",
        Rate,
        SHARE,
        0.0,
        PendlePt.fee_tier
    ),
];
const YT: [Param<LayerKind>; 5] = [
    kind_param!(
        ImpliedApy,
        "implied_apy",
        Rate,
        RATE_NONNEG,
        0.0,
        PendleYt.implied_apy
    ),
    kind_param!(
        YtMaturity,
        "maturity_days",
        Days,
        DAYS,
        180.0,
        PendleYt.maturity_days
    ),
    kind_param!(YtReward, "reward_apr", Rate, RATE, 0.0, PendleYt.reward_apr),
    // v1 default 3 %: Pendle's fee when v1 was written; links without `fee` keep their numbers.
    // The catalog's Pendle presets carry today's 5 % (docs/METHODOLOGY.md §4).
    kind_param!(
        YtFee,
        "fee_ratio",
        Fraction,
        Range {
            max_open: true,
            ..SHARE
        },
        0.03,
        PendleYt.fee_ratio
    ),
    kind_param!(
        PendleFeeTier,
        "fee_tier",
        Rate,
        SHARE,
        0.0,
        PendleYt.fee_tier
    ),
];
const LOOP: [Param<LayerKind>; 6] = [
    kind_param!(
        Ltv,
        "ltv",
        Fraction,
        Range {
            max_open: true,
            ..SHARE
        },
        0.8,
        Loop.ltv
    ),
    kind_param!(
        LiqThreshold,
        "liq_threshold",
        Fraction,
        Range {
            min_open: true,
            ..SHARE
        },
        0.85,
        Loop.liq_threshold
    ),
    kind_param!(LiqBonus, "liq_bonus", Fraction, SHARE, 0.05, Loop.liq_bonus),
    kind_param!(BorrowApr, "borrow_apr", Rate, RATE, 0.0, Loop.borrow_apr),
    kind_param!(SupplyApr, "supply_apr", Rate, RATE, 0.0, Loop.supply_apr),
    // v1 default 1: the whole debt repaid, as before `close` existed. Aave presets carry 0.5.
    kind_param!(
        CloseFactor,
        "close_factor",
        Fraction,
        Range {
            min_open: true,
            ..SHARE
        },
        1.0,
        Loop.close_factor
    ),
];

/// The parameters of a kind, in the order the UI shows them and the link writes them.
pub fn kind_params(kind: Kind) -> &'static [Param<LayerKind>] {
    match kind {
        Kind::Stake => &STAKE,
        Kind::Restake => &RESTAKE,
        Kind::Lrt => &LRT,
        Kind::Pt => &PT,
        Kind::Yt => &YT,
        Kind::Loop => &LOOP,
    }
}

/// The numbers every layer has (risk assumptions and points), in link order.
pub const LAYER: [Param<Layer>; 7] = [
    layer_param!(PExploit, "p_exploit", Fraction, SHARE, 0.0, risk.p_exploit),
    layer_param!(
        ExploitLoss,
        "exploit_loss",
        Fraction,
        SHARE,
        0.0,
        risk.exploit_loss
    ),
    layer_param!(PDepeg, "p_depeg", Fraction, SHARE, 0.0, risk.p_depeg),
    layer_param!(
        DepegLoss,
        "depeg_loss",
        Fraction,
        SHARE,
        0.0,
        risk.depeg_loss
    ),
    layer_param!(ExitDays, "exit_days", Days, DAYS, 0.0, risk.exit_days),
    layer_param!(
        MarketShare,
        "market_share",
        Fraction,
        SHARE,
        0.0,
        risk.market_share
    ),
    layer_param!(PointsApr, "points_apr", Rate, RATE_NONNEG, 0.0, points_apr),
];

/// The cost numbers every layer has (docs/METHODOLOGY.md §12), in link order. Kept apart from
/// [`LAYER`]: they were added to v1 with the cost model, and their defaults (0) mean "no cost",
/// so a link without them computes as before.
pub const COSTS: [Param<Layer>; 4] = [
    layer_param!(
        GasIn,
        "gas_in",
        Gas,
        Range::closed(0.0, MAX_GAS_UNITS),
        0.0,
        costs.gas_in
    ),
    layer_param!(
        GasOut,
        "gas_out",
        Gas,
        Range::closed(0.0, MAX_GAS_UNITS),
        0.0,
        costs.gas_out
    ),
    layer_param!(
        SwapFee,
        "swap_fee",
        Fraction,
        TRADE_SHARE,
        0.0,
        costs.swap_fee
    ),
    layer_param!(Impact, "impact", Fraction, TRADE_SHARE, 0.0, costs.impact),
];

/// The numbers of an AVS, in link order.
pub const AVS: [Param<Avs>; 4] = [
    field_param!(Avs, AvsReward, "reward_apr", Rate, RATE, 0.0, reward_apr),
    field_param!(
        Avs,
        AvsMagnitude,
        "magnitude",
        Fraction,
        SHARE,
        0.0,
        magnitude
    ),
    field_param!(Avs, AvsPSlash, "p_slash", Fraction, SHARE, 0.0, p_slash),
    field_param!(Avs, AvsSeverity, "severity", Fraction, SHARE, 0.0, severity),
];

/// The stake numbers (their keys are whole paths). The price's default depends on the asset:
/// [`default_price_usd`]; the value here is only the ETH one.
pub const STAKE_FIELDS: [Param<Scenario>; 3] = [
    field_param!(
        Scenario,
        StakeAmount,
        "stake.amount",
        Amount,
        positive(MAX_AMOUNT),
        1.0,
        stake.amount
    ),
    field_param!(
        Scenario,
        PriceUsd,
        "stake.price_usd",
        Usd,
        positive(MAX_PRICE_USD),
        3_000.0,
        stake.price_usd
    ),
    field_param!(
        Scenario,
        HorizonDays,
        "horizon_days",
        Days,
        positive(MAX_HORIZON_DAYS),
        365.0,
        horizon_days
    ),
];

/// The risk and stress settings (keys are whole paths), in link order.
pub const SETTINGS: [Param<Scenario>; 7] = [
    field_param!(
        Scenario,
        Correlation,
        "risk.correlation",
        Fraction,
        SHARE,
        0.0,
        risk.correlation
    ),
    field_param!(
        Scenario,
        StressPriceDrop,
        "stress.price_drop",
        Fraction,
        SHARE,
        0.30,
        stress.price_drop
    ),
    field_param!(
        Scenario,
        StressDepegSmall,
        "stress.depeg_small",
        Fraction,
        SHARE,
        0.05,
        stress.depeg_small
    ),
    field_param!(
        Scenario,
        StressDepegLarge,
        "stress.depeg_large",
        Fraction,
        SHARE,
        0.15,
        stress.depeg_large
    ),
    field_param!(
        Scenario,
        StressAvsSlash,
        "stress.avs_slash",
        Fraction,
        SHARE,
        0.10,
        stress.avs_slash
    ),
    field_param!(
        Scenario,
        StressBorrowApr,
        "stress.borrow_apr",
        Rate,
        RATE,
        0.20,
        stress.borrow_apr
    ),
    field_param!(
        Scenario,
        StressYtImpliedApy,
        "stress.yt_implied_apy",
        Rate,
        RATE_NONNEG,
        0.0,
        stress.yt_implied_apy
    ),
];

/// Highest annual volatility the simulation accepts (500 %): above any asset's realised figure
/// (SUI's trailing year was 103.7 %), and small enough that a weekly step stays meaningful.
pub const MAX_VOLATILITY: f64 = 5.0;

/// The Monte Carlo settings that are numbers (keys are whole paths), in link order. The
/// volatility's default depends on the asset ([`default_volatility`]; the value here is only the
/// ETH one) and it is read only when set (`get` gives `None` when the scenario carries none).
/// The seed and the path count are whole numbers: [`DEFAULT_MC_SEED`], [`DEFAULT_MC_PATHS`].
pub const MC: [Param<Scenario>; 4] = [
    Param {
        id: ParamId::McVolatility,
        key: "mc.volatility",
        unit: Unit::Rate,
        range: Range::closed(0.0, MAX_VOLATILITY),
        default: default_volatility(Asset::Eth),
        get: |s: &Scenario| s.mc.volatility,
        set: |s: &mut Scenario, v| s.mc.volatility = Some(v),
    },
    field_param!(
        Scenario,
        McPCrash,
        "mc.p_crash",
        Fraction,
        SHARE,
        0.0,
        mc.p_crash
    ),
    field_param!(
        Scenario,
        McPBorrowSpike,
        "mc.p_borrow_spike",
        Fraction,
        SHARE,
        0.0,
        mc.p_borrow_spike
    ),
    field_param!(
        Scenario,
        McPYtFall,
        "mc.p_yt_fall",
        Fraction,
        SHARE,
        0.0,
        mc.p_yt_fall
    ),
];

/// Seed of a scenario whose link has no `mc.seed` (v1 default).
pub const DEFAULT_MC_SEED: u64 = 1;

/// Path count of a scenario whose link has no `mc.paths` (v1 default): 10,000 paths put a
/// probability near 5 % within ±0.5 % (two standard errors).
pub const DEFAULT_MC_PATHS: u32 = 10_000;

/// Annual volatility of the base asset's price (standard deviation of log returns) when the
/// scenario sets none: the v1 link default and the simulation's default (one source).
///
/// Source: Gale Finance (gale.finance), realised volatility of daily returns over a trailing
/// year: ETH 74.9 % (2025-01-10 → 2026-01-09) and 75.5 % (2024-12-29 → 2025-12-27), rounded to
/// 75 %; BTC 41.9 % (CY2025) and 41.4 %, rounded to 42 %; SOL 86.1 % (CY2025); SUI 103.7 %
/// (2025-02-15 → 2026-02-14) and 92.0 % (trailing year), rounded to 100 %. Accessed 2026
/// (docs/METHODOLOGY.md §11).
pub const fn default_volatility(asset: Asset) -> f64 {
    match asset {
        Asset::Eth => 0.75,
        Asset::Btc => 0.42,
        Asset::Sol => 0.86,
        Asset::Sui => 1.00,
    }
}

/// The whole-stack cost settings (keys are whole paths). 0 = no gas costs.
pub const COST_SETTINGS: [Param<Scenario>; 1] = [field_param!(
    Scenario,
    GasPrice,
    "costs.gas_price",
    GasPrice,
    Range::closed(0.0, MAX_GAS_PRICE),
    0.0,
    costs.gas_price
)];

/// USD price of one unit of `asset` when none is given: the v1 link default and the catalog's
/// default price (one source). ETH and BTC are the seed article's round figures (BTC ≈ $89.43K);
/// SOL and SUI are round early-2026 figures, labelled assumptions in the catalog.
pub const fn default_price_usd(asset: Asset) -> f64 {
    match asset {
        Asset::Eth => 3_000.0,
        Asset::Btc => 89_430.0,
        Asset::Sol => 150.0,
        Asset::Sui => 3.0,
    }
}

/// A layer parameter of any kind found by its field key: the kind's own parameters first, then
/// the ones every layer has. For the catalog (figure keys) and rebasing.
pub fn layer_value(layer: &Layer, key: &str) -> Option<f64> {
    let kind = layer.kind.kind();
    if let Some(p) = kind_params(kind).iter().find(|p| p.key == key) {
        return (p.get)(&layer.kind);
    }
    LAYER
        .iter()
        .chain(&COSTS)
        .find(|p| p.key == key)
        .and_then(|p| (p.get)(layer))
}

/// Write a layer parameter found by its field key (see [`layer_value`]). Returns whether the
/// layer has it.
pub fn set_layer_value(layer: &mut Layer, key: &str, value: f64) -> bool {
    let kind = layer.kind.kind();
    if let Some(p) = kind_params(kind).iter().find(|p| p.key == key) {
        (p.set)(&mut layer.kind, value);
        return true;
    }
    match LAYER.iter().chain(&COSTS).find(|p| p.key == key) {
        Some(p) => {
            (p.set)(layer, value);
            true
        }
        None => false,
    }
}

/// The id of a layer parameter (of any kind, or of every layer) by its field key. Keys shared by
/// several kinds (`fee_ratio`) give the first kind's.
pub fn layer_key_id(key: &str) -> Option<ParamId> {
    Kind::ALL
        .iter()
        .flat_map(|k| kind_params(*k).iter().map(|p| (p.key, p.id)))
        .chain(LAYER.iter().chain(&COSTS).map(|p| (p.key, p.id)))
        .find(|(k, _)| *k == key)
        .map(|(_, id)| id)
}

/// The id of an AVS parameter by its field key.
pub fn avs_key_id(key: &str) -> Option<ParamId> {
    AVS.iter().find(|p| p.key == key).map(|p| p.id)
}

impl Layer {
    /// A layer of `kind` with every number at its v1 default (no AVS, instant exit off, no
    /// costs).
    pub fn template(kind: Kind, protocol: String, token: String) -> Layer {
        let mut layer = Layer {
            protocol,
            token,
            kind: kind.template(),
            risk: Default::default(),
            points_apr: 0.0,
            costs: Default::default(),
        };
        for p in LAYER.iter().chain(&COSTS) {
            (p.set)(&mut layer, p.default);
        }
        layer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_reads_back_what_it_writes() {
        // Guards the macro wiring: a field that writes one number and reads another would make
        // an input box jump to a different value, or a link decode into the wrong field.
        for kind in Kind::ALL {
            let mut layer = Layer::template(kind, "p".into(), "t".into());
            for (n, p) in kind_params(kind).iter().enumerate() {
                let v = 0.25 + n as f64;
                (p.set)(&mut layer.kind, v);
                assert_eq!((p.get)(&layer.kind), Some(v), "{kind} {}", p.key);
                assert_eq!(layer_value(&layer, p.key), Some(v), "{kind} {}", p.key);
            }
            for (n, p) in LAYER.iter().chain(&COSTS).enumerate() {
                let v = 0.5 + n as f64;
                assert!(set_layer_value(&mut layer, p.key, v));
                assert_eq!((p.get)(&layer), Some(v), "{kind} {}", p.key);
            }
            assert!(!set_layer_value(&mut layer, "no_such_key", 1.0));
        }
        let mut avs = Avs {
            name: String::new(),
            reward_apr: 0.0,
            magnitude: 0.0,
            p_slash: 0.0,
            severity: 0.0,
        };
        for (n, p) in AVS.iter().enumerate() {
            (p.set)(&mut avs, n as f64 + 0.5);
            assert_eq!((p.get)(&avs), Some(n as f64 + 0.5));
        }
    }

    #[test]
    fn templates_hold_the_v1_defaults() {
        for kind in Kind::ALL {
            let layer = Layer::template(kind, String::new(), String::new());
            for p in kind_params(kind) {
                assert_eq!((p.get)(&layer.kind), Some(p.default), "{kind} {}", p.key);
            }
        }
    }

    #[test]
    fn ranges() {
        let ltv = &LOOP[0];
        assert!(ltv.accepts(0.0) && ltv.accepts(0.99) && !ltv.accepts(1.0));
        let lt = &LOOP[1];
        assert!(!lt.accepts(0.0) && lt.accepts(1.0));
        assert!(!SHARE.contains(f64::NAN));
        assert!(!STAKE_FIELDS[0].accepts(0.0) && STAKE_FIELDS[0].accepts(MAX_AMOUNT));
        assert!(!STAKE_FIELDS[0].accepts(f64::INFINITY));
    }
}
