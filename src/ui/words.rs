//! Words for the engine's codes: layer kinds, parameters, oracles, risk kinds, validation problems
//! and stress outcomes. The engine returns typed values; this module (and `format` for numbers)
//! is the only place that turns them into text, so the page speaks one way everywhere.

use crate::engine::param::{ParamId, Unit};
use crate::engine::{
    DebtAsset, DebtExposure, HealthFactor, Kind, LayerReport, LeverageOn, OracleKind, Problem,
    RiskEvent, RiskKind, StressDetail, StressKind, StressResult, MIN_YT_PRICE,
};
use crate::ui::format::{days, multiplier, number, percent, signed_percent, usd};

/// A layer kind's name.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Stake => "Stake",
        Kind::Restake => "Restake",
        Kind::Lrt => "Liquid restake",
        Kind::Pt => "Pendle PT",
        Kind::Yt => "Pendle YT",
        Kind::Loop => "Lending loop",
    }
}

/// A layer kind as offered by "Add a layer".
pub fn kind_offer(kind: Kind) -> &'static str {
    match kind {
        Kind::Stake => "Stake (native or liquid)",
        Kind::Restake => "Restake (AVS / vault)",
        Kind::Lrt => "Liquid restake wrapper",
        Kind::Pt => "Pendle PT (fixed yield)",
        Kind::Yt => "Pendle YT (leveraged yield)",
        Kind::Loop => "Lending loop",
    }
}

/// A parameter's label and one-line hint.
pub fn param_label(id: ParamId) -> (&'static str, &'static str) {
    match id {
        ParamId::BaseApr => ("Staking APR", "gross, incl. MEV"),
        ParamId::StakeFee => ("Protocol fee", "share of rewards kept"),
        ParamId::Commission => ("Operator commission", "share of AVS rewards"),
        ParamId::LrtFee => ("Wrapper fee", "share of rewards beneath"),
        ParamId::ImpliedApy => ("Implied APY", "at purchase"),
        ParamId::PtMaturity => ("Days to maturity", "0 = matured"),
        ParamId::YtMaturity => ("Days to maturity", "> 0"),
        ParamId::YtReward => ("YT reward APR", "external incentives"),
        ParamId::YtFee => ("Pendle fee", "share of YT yield and points"),
        ParamId::Ltv => ("LTV per loop", "below the liquidation threshold"),
        ParamId::LiqThreshold => ("Liquidation threshold", "LT"),
        ParamId::LiqBonus => ("Liquidation bonus", "paid on what is repaid"),
        ParamId::BorrowApr => ("Borrow APR", "on the debt"),
        ParamId::SupplyApr => ("Supply APR", "paid on collateral"),
        ParamId::CloseFactor => ("Close factor", "debt repaid at HF 0.95–1"),
        ParamId::PExploit => ("Exploit probability", "per year"),
        ParamId::ExploitLoss => ("Loss if exploited", "of the value held"),
        ParamId::PDepeg => ("Depeg probability", "per year"),
        ParamId::DepegLoss => ("Depeg discount", "realised on exit"),
        ParamId::ExitDays => ("Redemption time", "queue / unbonding"),
        ParamId::MarketShare => ("Sector share", "concentration"),
        ParamId::PointsApr => ("Points value", "APR-equivalent, your estimate"),
        ParamId::AvsReward => ("Reward APR", "on the whole restaked stake"),
        ParamId::AvsMagnitude => ("Allocated magnitude", "slashable share"),
        ParamId::AvsPSlash => ("Slash probability", "per year"),
        ParamId::AvsSeverity => ("Slash severity", "≤ magnitude"),
        ParamId::StakeAmount => ("Amount", ""),
        ParamId::PriceUsd => ("Price", ""),
        ParamId::HorizonDays => ("Horizon", ""),
        ParamId::Correlation => ("Correlation of events", "0 = independent"),
        ParamId::StressPriceDrop => ("Base-asset price drop", ""),
        ParamId::StressDepegSmall => ("Small depeg", ""),
        ParamId::StressDepegLarge => ("Large depeg", ""),
        ParamId::StressAvsSlash => ("AVS slash", ""),
        ParamId::StressBorrowApr => ("Borrow APR spikes to", ""),
        ParamId::StressYtImpliedApy => ("YT implied APY falls to", ""),
        ParamId::McVolatility => ("Price volatility", "per year"),
        ParamId::McPCrash => ("Crash probability", "per year, by the stress price drop"),
        ParamId::McPBorrowSpike => ("Borrow-spike probability", "per year, to the stress APR"),
        ParamId::McPYtFall => ("YT-collapse probability", "per year, to the stress APY"),
        ParamId::PendleFeeTier => ("Pendle fee tier", "per year to maturity"),
        ParamId::GasIn => ("Gas to enter", "gas units; per loop"),
        ParamId::GasOut => ("Gas to leave", "gas units; per loop"),
        ParamId::SwapFee => ("Swap fee", "of the value traded"),
        ParamId::Impact => ("Price impact", "and discount, of the value traded"),
        ParamId::GasPrice => ("Gas price", "gwei (lamports, MIST)"),
    }
}

/// An oracle kind's name.
pub fn oracle_label(o: OracleKind) -> &'static str {
    match o {
        OracleKind::Market => "market price",
        OracleKind::ExchangeRate => "exchange rate",
        OracleKind::LinearDiscount => "linear discount (PT)",
    }
}

/// What a loop borrows, as the select shows it.
pub fn debt_label(d: DebtAsset) -> &'static str {
    match d {
        DebtAsset::Base => "the base asset",
        DebtAsset::Usd => "USD stablecoin",
    }
}

/// Which move a loop's leverage sits on: "on the ETH price", "on the collateral/debt ratio".
pub fn leverage_on(on: LeverageOn, ticker: &str) -> String {
    match on {
        LeverageOn::BasePrice => format!("on the {ticker} price"),
        LeverageOn::CollateralRatio => "on the collateral/debt ratio".into(),
    }
}

/// A risk kind's name.
pub fn risk_kind_label(k: RiskKind) -> &'static str {
    match k {
        RiskKind::Exploit => "contract exploit",
        RiskKind::Slashing => "slashing",
        RiskKind::Depeg => "depeg",
    }
}

/// "EtherFi weETH depeg", "AVS slashing: EigenDA".
pub fn event_label(l: &LayerReport, e: &RiskEvent) -> String {
    let name = if l.protocol.is_empty() {
        token_or(l, "token")
    } else {
        l.protocol.clone()
    };
    match e.kind {
        RiskKind::Exploit => format!("{name} contract exploit"),
        RiskKind::Depeg => format!("{} depeg", token_or(l, "token")),
        RiskKind::Slashing => {
            let avs = e
                .avs
                .and_then(|j| l.avs_names.get(j))
                .map_or("service", String::as_str);
            format!("slashing: {avs}")
        }
    }
}

fn token_or(l: &LayerReport, fallback: &str) -> String {
    if l.token.is_empty() {
        fallback.to_string()
    } else {
        l.token.clone()
    }
}

/// A number in a field's unit, for messages: "3.00%", "1,000,000,000,000 ETH", "$3,000", "180 days".
pub fn in_unit(unit: Unit, x: f64, ticker: &str) -> String {
    match unit {
        Unit::Fraction | Unit::Rate => percent(x),
        Unit::Days => format!("{} days", number(x, 1)),
        Unit::Amount => format!("{} {ticker}", number(x, 6)),
        Unit::Usd => usd(x),
        Unit::Gas => format!("{} gas", number(x, 0)),
        Unit::GasPrice => format!("{} gwei", number(x, 4)),
    }
}

/// A validation problem in words, for the message beside its field.
pub fn problem_text(p: &Problem, unit: Unit, ticker: &str) -> String {
    let v = |x| in_unit(unit, x, ticker);
    match p {
        Problem::NotFinite => "Enter a finite number".into(),
        Problem::BelowMin { min, open: true } => format!("Enter a value above {}", v(*min)),
        Problem::BelowMin { min, open: false } => format!("Enter at least {}", v(*min)),
        Problem::AboveMax { max, open: true } => format!("Enter a value below {}", v(*max)),
        Problem::AboveMax { max, open: false } => format!("Enter at most {}", v(*max)),
        Problem::TooLong { max_chars } => format!("At most {max_chars} characters"),
        Problem::TooMany { max, .. } => format!("At most {max}"),
        Problem::Empty => "Add at least one layer".into(),
        Problem::LtvAboveThreshold { threshold } => format!(
            "Must not exceed the liquidation threshold ({})",
            percent(*threshold)
        ),
        Problem::YtExpired => "A YT at maturity is worth 0: enter the days left (above 0)".into(),
        Problem::YtTooCheap { price, .. } => format!(
            "This prices the YT at {} of the underlying, below {}: a yield exposure above 10,000×",
            number(*price, 6),
            number(MIN_YT_PRICE, 4)
        ),
        Problem::SeverityAboveMagnitude { magnitude } => format!(
            "Cannot exceed the allocated magnitude ({})",
            percent(*magnitude)
        ),
        Problem::MagnitudesAboveOne { total } => format!(
            "Allocated magnitudes add up to {}: at most 100% (unique stake)",
            percent(*total)
        ),
        Problem::TargetBelowOne => "Enter a target leverage of at least 1×".into(),
        Problem::TargetAboveMax { max, engine_cap } => {
            if *engine_cap {
                format!("At most {}", multiplier(*max))
            } else {
                format!("At most {} at this LTV (1 / (1 − LTV))", multiplier(*max))
            }
        }
    }
}

/// "no debt", "liquidatable now (0.97)" or the health factor with two decimals.
pub fn health_text(h: &HealthFactor) -> String {
    match h {
        HealthFactor::NoDebt => "no debt".into(),
        HealthFactor::Value(v) => number(*v, 2),
    }
}

/// The token of layer `i`, or `fallback`.
fn token(layers: &[LayerReport], i: usize, fallback: &str) -> String {
    layers
        .get(i)
        .map_or_else(|| fallback.to_string(), |l| token_or(l, fallback))
}

/// The protocol of layer `i` (or "layer N").
fn protocol(layers: &[LayerReport], i: usize) -> String {
    match layers.get(i) {
        Some(l) if !l.protocol.is_empty() => l.protocol.clone(),
        _ => format!("layer {}", i + 1),
    }
}

/// The shock a stress row applies: "ETH −30.0%", "eETH depeg −5.00%".
pub fn stress_label(s: &StressResult, ticker: &str, layers: &[LayerReport]) -> String {
    let size = percent(s.shock);
    match (&s.kind, &s.detail) {
        (StressKind::PriceDrop, _) => format!("{ticker} −{size}"),
        (
            StressKind::DepegSmall | StressKind::DepegLarge,
            StressDetail::Depeg {
                derivative: Some(i),
                ..
            },
        ) => format!("{} depeg −{size}", token(layers, *i, "derivative")),
        (StressKind::DepegSmall | StressKind::DepegLarge, _) => {
            format!("Derivative depeg −{size}")
        }
        (StressKind::AvsSlash, _) => format!("AVS slash {size}"),
        (StressKind::BorrowSpike, _) => format!("Borrow APR → {size}"),
        (StressKind::YtCollapse, _) => format!("YT implied APY → {size}"),
    }
}

/// A crisis's shock profile in words: "ETH −65%, derivative −6.7% for 126 d, borrow APR 18%,
/// exit queue 18 d" (or "redemptions closed").
pub fn crisis_profile(c: &crate::engine::CrisisShock, ticker: &str) -> String {
    let mut parts = vec![if c.price_change == 0.0 {
        format!("{ticker} flat")
    } else {
        format!("{ticker} {}", signed_percent(c.price_change))
    }];
    if c.depeg > 0.0 {
        parts.push(format!(
            "derivative −{} for {}",
            percent(c.depeg),
            days(c.depeg_days)
        ));
    }
    if let Some(b) = c.borrow_apr {
        parts.push(format!("borrow APR {}", percent(b)));
    }
    parts.push(match c.exit_queue_days {
        Some(q) => format!("exit queue {}", days(q)),
        None => "redemptions closed".into(),
    });
    parts.join(", ")
}

/// Whether the stack could leave at par within the crisis, and what negative carry did.
pub fn crisis_exit(
    r: &crate::engine::CrisisResult,
    c: &crate::engine::CrisisShock,
    layers: &[LayerReport],
) -> String {
    use crate::engine::CrisisExit;
    let exit = match (r.exit, r.derivative) {
        (CrisisExit::Closed, Some(_)) if c.depeg > 0.0 => {
            format!("redemptions closed: the only exit was selling {} below", percent(c.depeg))
        }
        (CrisisExit::Closed, _) => "redemptions closed".into(),
        (CrisisExit::Redeem { days: d, in_time: true }, _) => format!(
            "redeeming at par took {}, within the {} below peg",
            days(d),
            days(c.depeg_days)
        ),
        (CrisisExit::Redeem { days: d, .. }, _) if c.depeg > 0.0 => format!(
            "redeeming at par took {}, longer than the {} below peg: leaving meant selling at the discount",
            days(d),
            days(c.depeg_days)
        ),
        (CrisisExit::Redeem { days: d, .. }, _) => format!("redeeming took {}", days(d)),
    };
    match r.carry_liquidation {
        Some((i, Some(d))) => format!(
            "{exit}; at that borrow rate, negative carry would liquidate {} in {}",
            token(layers, i, "the loop"),
            days(d)
        ),
        _ => exit,
    }
}

/// How a liquidation went: "the aave loop's position is liquidated (HF 0.97 < 1): half the
/// debt repaid, with the liquidation bonus on it".
fn liquidation_words(s: &StressResult, layers: &[LayerReport]) -> Option<String> {
    let k = s.liquidated_at?;
    let share = if s.repaid_share >= 1.0 {
        "the whole debt repaid".to_string()
    } else {
        format!("{} of the debt repaid", percent(s.repaid_share))
    };
    Some(format!(
        "the {} loop's position is liquidated (HF {} < 1): {share}, with the liquidation bonus on it",
        protocol(layers, k),
        health_text(&s.health_after)
    ))
}

fn wiped_words(s: &StressResult, layers: &[LayerReport]) -> Option<String> {
    s.wiped_at
        .map(|k| format!("equity is wiped out at the {} layer", protocol(layers, k)))
}

/// Why a stress row came out as it did, in one sentence.
pub fn stress_note(s: &StressResult, ticker: &str, layers: &[LayerReport]) -> String {
    let outcome = || {
        liquidation_words(s, layers)
            .or_else(|| wiped_words(s, layers))
            .unwrap_or_default()
    };
    let joined = |head: String| {
        let o = outcome();
        if o.is_empty() {
            head
        } else {
            format!("{head}; {o}")
        }
    };
    match &s.detail {
        StressDetail::PriceDrop { debt } => match debt {
            DebtExposure::Usd if s.liquidated_at.is_some() => joined("USD debt".into()),
            DebtExposure::Usd => joined(format!(
                "USD debt: HF falls to {}, not liquidated",
                health_text(&s.health_after)
            )),
            DebtExposure::BaseOnly => joined(format!(
                "debt in {ticker}: the price cancels in the health factor; value falls with {ticker}"
            )),
            DebtExposure::NoDebt => {
                format!("no debt: value falls with {ticker}, nothing is liquidated")
            }
        },
        StressDetail::Depeg {
            derivative: None, ..
        } => "no token in this stack trades on a market: nothing to depeg".into(),
        StressDetail::Depeg {
            non_market_loop,
            loops_above,
            exit_days,
            ..
        } => {
            if s.liquidated_at.is_some() {
                joined("market-price oracle".into())
            } else if let Some((_, oracle)) = non_market_loop {
                joined(format!(
                    "{} oracle: the depeg costs value at market but does not liquidate",
                    oracle_label(*oracle)
                ))
            } else if *loops_above {
                joined(format!(
                    "HF falls to {}, not liquidated",
                    health_text(&s.health_after)
                ))
            } else {
                joined(format!(
                    "no debt: a loss only if sold at market; redeeming instead takes {}",
                    days(*exit_days)
                ))
            }
        }
        StressDetail::Slash { restaked: false, .. } => "no restaked stake in this stack".into(),
        StressDetail::Slash { capped, .. } => joined(format!(
            "backing loss of the restaked stake{}, carried by every layer above",
            if *capped {
                " (capped by the allocated magnitude)"
            } else {
                ""
            }
        )),
        StressDetail::BorrowSpike { borrows: false, .. } => "no borrowing in this stack".into(),
        StressDetail::BorrowSpike {
            carry_loop: Some(k),
            ..
        } => match s.days_to_liquidation {
            Some(d) => format!(
                "net APY {}; negative carry liquidates the {} loop's position in about {}",
                signed_percent(s.net_apy_after),
                protocol(layers, *k),
                days(d)
            ),
            None => format!(
                "net APY {}; negative carry on the {} loop, liquidation more than 100 years away",
                signed_percent(s.net_apy_after),
                protocol(layers, *k)
            ),
        },
        StressDetail::BorrowSpike { .. } => format!(
            "net APY {}; the collateral still out-earns the debt: no liquidation by carry",
            signed_percent(s.net_apy_after)
        ),
        StressDetail::YtCollapse { yt: None } => "no YT in this stack".into(),
        StressDetail::YtCollapse {
            yt: Some((i, old, new)),
        } => joined(format!(
            "{} repriced: P_YT {} → {} of the underlying ({})",
            token(layers, *i, "YT"),
            number(*old, 5),
            number(*new, 5),
            signed_percent(if *old > 0.0 { new / old - 1.0 } else { 0.0 })
        )),
    }
}

/// A field path in words, with the unit its problems are worded in:
/// `layers[2].ltv` → ("LTV per loop, layer 3 (weETH)", Fraction).
pub fn field_name(path: &str, scenario: &crate::engine::Scenario) -> (String, Unit) {
    use crate::engine::param::{kind_params, AVS, LAYER, MC, SETTINGS, STAKE_FIELDS};
    if let Some(p) = STAKE_FIELDS
        .iter()
        .chain(&SETTINGS)
        .chain(&MC)
        .find(|p| p.key == path)
    {
        return (param_label(p.id).0.to_string(), p.unit);
    }
    let Some(rest) = path.strip_prefix("layers[") else {
        return ("The stack".into(), Unit::Fraction);
    };
    let (index, rest) = rest.split_once(']').unwrap_or((rest, ""));
    let Ok(i) = index.parse::<usize>() else {
        return ("The stack".into(), Unit::Fraction);
    };
    let layer = scenario.layers.get(i);
    let where_ = match layer {
        Some(l) if !l.token.is_empty() => format!("layer {} ({})", i + 1, l.token),
        _ => format!("layer {}", i + 1),
    };
    let key = rest.trim_start_matches('.');
    if let Some(avs) = key.strip_prefix("avs[") {
        let (j, k) = avs.split_once(']').unwrap_or((avs, ""));
        let k = k.trim_start_matches('.');
        let service = j.parse::<usize>().map_or(1, |j| j + 1);
        return match AVS.iter().find(|p| p.key == k) {
            Some(p) => (
                format!("{}, service {service} of {where_}", param_label(p.id).0),
                p.unit,
            ),
            None => (format!("Service {service} of {where_}"), Unit::Fraction),
        };
    }
    if key == "avs" {
        return (format!("Services of {where_}"), Unit::Fraction);
    }
    let label = |id| param_label(id).0;
    let found = layer
        .and_then(|l| kind_params(l.kind.kind()).iter().find(|p| p.key == key))
        .map(|p| (label(p.id), p.unit))
        .or_else(|| {
            LAYER
                .iter()
                .find(|p| p.key == key)
                .map(|p| (label(p.id), p.unit))
        });
    match (found, key) {
        (Some((name, unit)), _) => (format!("{name}, {where_}"), unit),
        (None, "size") => (format!("Loops / target leverage, {where_}"), Unit::Amount),
        (None, "protocol") => (format!("Protocol, {where_}"), Unit::Fraction),
        (None, _) => (format!("Token, {where_}"), Unit::Fraction),
    }
}

/// A catalog figure's name: "TVL (USD)", "BTC locked", "Native ETH share of TVL"; unknown keys
/// read as their words ("exchange rate").
pub fn figure_label(key: &str) -> String {
    let known = match key {
        "tvl_usd" => "TVL (USD)",
        "market_share" => "Share of restaking TVL",
        "native_eth_share" => "Native ETH share of TVL",
        "btc_locked" => "BTC locked",
        "revenue_usd" => "Total revenue (USD)",
        "volume_usd" => "Cumulative volume (USD)",
        "apy" => "Average APY",
        "exit_days" => "Exit time",
        "exchange_rate" => "Exchange rate",
        "loops" => "Loop count",
        "price_change" => "Base-asset price change",
        "depeg" => "Derivative discount at the worst point",
        "depeg_days" => "Days below peg",
        "borrow_apr" => "Peak borrow APR",
        "exit_queue_days" => "Validator exit queue",
        other => {
            return crate::engine::param::layer_key_id(other)
                .or_else(|| crate::engine::param::avs_key_id(other))
                .map_or_else(
                    || other.replace('_', " "),
                    |id| param_label(id).0.to_string(),
                )
        }
    };
    known.to_string()
}

// ---- costs (issue 16): today's figures and the gas price's unit ----

/// A figure a refresh of today's prices or exit queue changed: "ETH price $3,000 → $3,012.50
/// (as of 2026-11-28 04:50 UTC)", "Ethereum validator exit 14 days → 48.9 days (as of …)".
pub fn refreshed_text(c: &crate::catalog::refresh::FigureChange, product: &str) -> String {
    use crate::catalog::refresh::Refreshed;
    let (what, show): (String, fn(f64) -> String) = match &c.figure {
        Refreshed::Price(asset) => (format!("{} price", asset.ticker()), usd),
        Refreshed::ExitDays { .. } => (format!("{product} exit"), days),
    };
    let old = c.old.map(|o| format!("{} → ", show(o))).unwrap_or_default();
    format!("{what} {old}{} (as of {})", show(c.new), c.as_of)
}

/// The unit of a gas price on an asset's chain: billionths of its native token per gas unit.
pub fn gas_price_unit(asset: crate::engine::Asset) -> &'static str {
    use crate::engine::Asset;
    match asset {
        Asset::Eth => "gwei",
        Asset::Btc => "nBTC",
        Asset::Sol => "lamports",
        Asset::Sui => "MIST",
    }
}

// ---- end costs ----

// --- Monte Carlo simulation (issue 13) ---------------------------------------------------------

/// What caused a simulated path's largest fall: "the market (price, interest, yield)", "ETH price
/// crash", "eETH depeg", "EtherFi contract exploit", "slashing: EigenDA".
pub fn loss_cause_label(cause: &crate::engine::LossCause, s: &crate::engine::Scenario) -> String {
    use crate::engine::LossCause;
    match *cause {
        LossCause::Market => "the market (price, interest, yield)".into(),
        LossCause::PriceCrash => format!("{} price crash", s.stake.asset.ticker()),
        LossCause::BorrowSpike => "borrow-rate spike".into(),
        LossCause::YtFall => "YT implied-APY collapse".into(),
        LossCause::Event { layer, kind, avs } => {
            let l = s.layers.get(layer);
            let token = l
                .map(|l| l.token.as_str())
                .filter(|t| !t.is_empty())
                .unwrap_or("token");
            match kind {
                RiskKind::Exploit => {
                    let name = l
                        .map(|l| l.protocol.as_str())
                        .filter(|p| !p.is_empty())
                        .unwrap_or(token);
                    format!("{name} contract exploit")
                }
                RiskKind::Depeg => format!("{token} depeg"),
                RiskKind::Slashing => {
                    let name = match (l.map(|l| &l.kind), avs) {
                        (Some(crate::engine::LayerKind::Restake { avs, .. }), Some(j)) => {
                            avs.get(j).map(|a| a.name.as_str())
                        }
                        _ => None,
                    };
                    format!("slashing: {}", name.unwrap_or("service"))
                }
            }
        }
    }
}

// --- end Monte Carlo ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_problems_in_words_with_formatted_numbers() {
        // Issue 11: "-5" as the stake said "stake.amount: -5 must be greater than 0"; 1e308 a
        // 309-digit number. Beside a field the message names no path and formats its numbers.
        let below = Problem::BelowMin {
            min: 0.0,
            open: true,
        };
        assert_eq!(
            problem_text(&below, Unit::Amount, "ETH"),
            "Enter a value above 0 ETH"
        );
        let above = Problem::AboveMax {
            max: 1e12,
            open: false,
        };
        assert_eq!(
            problem_text(&above, Unit::Amount, "ETH"),
            "Enter at most 1,000,000,000,000 ETH"
        );
        let rate = Problem::AboveMax {
            max: 10.0,
            open: false,
        };
        assert_eq!(
            problem_text(&rate, Unit::Rate, "ETH"),
            "Enter at most 1,000%"
        );
    }
}
