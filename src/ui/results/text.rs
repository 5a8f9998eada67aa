//! The headline's, the per-layer table's and the stress table's figures as text, shared by the
//! components, the embed and the native fixture the browser tests compare against. Pure: the
//! components only place these strings.

use crate::engine::{CrisisResult, HealthFactor, LayerReport, Liquidation, StressResult, Summary};
use crate::ui::format::{days, multiplier, number, percent, signed_percent, usd};
use crate::ui::words;
pub use crate::ui::words::health_text;

/// The liquidation point in words, with the move that reaches it. A position already below
/// HF 1 reads "liquidatable now".
pub fn liquidation_text(l: &Liquidation, ticker: &str, health: &HealthFactor) -> (String, String) {
    if let HealthFactor::Value(h) = health {
        if *h < 1.0 {
            return (
                "liquidatable now".into(),
                format!("health factor {} is below 1", number(*h, 2)),
            );
        }
    }
    match l {
        Liquidation::NoDebt => ("none".into(), "nothing borrowed".into()),
        Liquidation::Price {
            price_usd,
            max_drop,
        } => (
            format!("{ticker} at {}", usd(*price_usd)),
            format!("a {} price drop", percent(*max_drop)),
        ),
        Liquidation::Depeg { ratio, max_depeg } => (
            format!("depeg to {}", number(*ratio, 4)),
            format!("a {} depeg of the collateral", percent(*max_depeg)),
        ),
        Liquidation::NotByMarket { backing_loss } => (
            "not by market price".into(),
            format!(
                "oracle ignores depegs; a {} loss of the backing would",
                percent(*backing_loss)
            ),
        ),
    }
}

/// The headline figures as shown, keyed by their `data-testid`. One function serves the
/// `Headline` component and the native fixture the browser tests compare against.
pub fn headline_values(s: &Summary, ticker: &str) -> Vec<(&'static str, String)> {
    vec![
        ("net-apy", percent(s.net.apy)),
        ("risk-adjusted-apy", percent(s.risk_adjusted_apy)),
        ("leverage", multiplier(s.leverage)),
        ("yield-exposure", multiplier(s.yield_exposure)),
        ("health-factor", health_text(&s.health)),
        (
            "liquidation",
            liquidation_text(&s.liquidation, ticker, &s.health).0,
        ),
        ("p-loss", percent(s.p_any_loss)),
        ("expected-loss", percent(s.expected_loss)),
        ("projected-value", usd(s.projected_usd)),
    ]
}

/// One headline figure: its label, value and the line under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// `data-testid` of the value.
    pub id: &'static str,
    /// Label above the value.
    pub label: String,
    /// The value.
    pub value: String,
    /// The line under it.
    pub sub: String,
    /// Shown as bad news (negative yield, liquidatable now, a loss against holding).
    pub negative: bool,
}

/// The headline: every figure with its label and sub-line.
pub fn headline_metrics(s: &Summary, ticker: &str, horizon_days: f64) -> Vec<Metric> {
    let liquidatable = matches!(s.health, HealthFactor::Value(h) if h < 1.0);
    let gain = s.projected_usd - s.hold_usd;
    headline_values(s, ticker)
        .into_iter()
        .map(|(id, value)| {
            let (label, sub, negative) = match id {
                "net-apy" => (
                    "Net APY on equity".to_string(),
                    format!(
                        "APR {} · points apart: {}",
                        percent(s.net.apr),
                        percent(s.points_apr)
                    ),
                    s.net.apy < 0.0,
                ),
                "risk-adjusted-apy" => (
                    "Risk-adjusted APY".into(),
                    "net APY − expected loss".into(),
                    s.risk_adjusted_apy < 0.0,
                ),
                "leverage" => (
                    "Leverage".into(),
                    format!("collateral / equity · margin left: {}", percent(s.margin)),
                    false,
                ),
                "yield-exposure" => (
                    "Yield exposure".into(),
                    "loops × YT: underlying yield on equity".into(),
                    false,
                ),
                "health-factor" => (
                    "Health factor".into(),
                    "liquidation below 1".into(),
                    liquidatable,
                ),
                "liquidation" => (
                    "Liquidation".into(),
                    liquidation_text(&s.liquidation, ticker, &s.health).1,
                    liquidatable,
                ),
                "p-loss" => (
                    "P(any loss in a year)".into(),
                    format!("worst-case slash: {}", percent(s.worst_case_slash)),
                    false,
                ),
                "expected-loss" => (
                    "Expected annual loss".into(),
                    format!("{} a year", usd(s.expected_loss_usd)),
                    false,
                ),
                _ => (
                    format!("Value after {}", days(horizon_days)),
                    format!(
                        "holding: {} ({}{})",
                        usd(s.hold_usd),
                        if gain >= 0.0 { "+" } else { "" },
                        usd(gain)
                    ),
                    gain < 0.0,
                ),
            };
            Metric {
                id,
                label,
                value,
                sub,
                negative,
            }
        })
        .collect()
}

/// A per-layer table row as text.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerRow {
    /// The token held.
    pub token: String,
    /// "Restake · eigencloud".
    pub kind: String,
    /// The numeric cells ([`layer_cells`]).
    pub cells: [String; 6],
    /// Which move a loop's leverage sits on.
    pub leverage_on: Option<String>,
    /// "2 loops, one position" when a loop's health counts loops beneath it.
    pub position: Option<String>,
    /// The exit time.
    pub exit: String,
    /// The token trades instantly while the stack beneath needs days.
    pub mismatch: bool,
    /// The risk events with their expected losses.
    pub risks: String,
    /// The layer's expected loss.
    pub expected_loss: String,
    /// The yield it adds is negative.
    pub takes: bool,
    /// Its entry and exit costs ([`crate::ui::results::layer_cost_text`]).
    pub costs: String,
}

impl LayerRow {
    /// The row of layer `l` of a stack of `layers` on `ticker`.
    pub fn new(l: &LayerReport, layers: &[LayerReport], ticker: &str) -> LayerRow {
        let risks = if l.risks.is_empty() {
            "—".to_string()
        } else {
            l.risks
                .iter()
                .map(|e| {
                    let liq = if e.liquidates.is_some() {
                        " (liquidation included)"
                    } else {
                        ""
                    };
                    format!(
                        "{} {}{liq}",
                        words::event_label(l, e),
                        percent(e.expected_loss)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        LayerRow {
            token: l.token.clone(),
            kind: format!("{} · {}", words::kind_label(l.kind), l.protocol),
            cells: layer_cells(l),
            leverage_on: l.leverage_on.map(|on| words::leverage_on(on, ticker)),
            position: (l.loops_in_position > 1)
                .then(|| format!("{} loops, one position", l.loops_in_position)),
            exit: days(l.exit_days),
            mismatch: l.liquidity_mismatch,
            risks,
            expected_loss: percent(l.expected_loss),
            takes: l.yield_added.apr < 0.0,
            costs: crate::ui::results::layer_cost_text(l, layers),
        }
    }
}

/// A stress table row as text.
#[derive(Debug, Clone, PartialEq)]
pub struct StressRow {
    /// The shock.
    pub label: String,
    /// Equity after, USD.
    pub equity: String,
    /// Change of equity.
    pub change: String,
    /// The change is a loss.
    pub loss: bool,
    /// A loop is liquidated.
    pub liquidated: bool,
    /// The layer that breaks first.
    pub breaks: String,
    /// Why.
    pub note: String,
}

impl StressRow {
    /// The row of stress result `s` on a stack of `layers`.
    pub fn new(s: &StressResult, ticker: &str, layers: &[LayerReport]) -> StressRow {
        StressRow {
            label: words::stress_label(s, ticker, layers),
            equity: usd(s.equity_after_usd),
            change: percent(s.equity_change),
            loss: s.equity_change < 0.0,
            liquidated: s.liquidated,
            breaks: s
                .breaks_first
                .and_then(|i| {
                    layers
                        .get(i)
                        .map(|l| format!("{} (layer {})", l.token, i + 1))
                })
                .unwrap_or_else(|| "—".into()),
            note: words::stress_note(s, ticker, layers),
        }
    }
}

/// One row of the historical crises' table, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct CrisisRow {
    /// The crisis (`stETH discount, 2022 (…)`).
    pub name: String,
    /// Its dates (`2022-05-12 – 2022-09-15`).
    pub dates: String,
    /// The shock profile in words.
    pub profile: String,
    /// Equity at the worst point, USD.
    pub equity: String,
    /// Change of equity.
    pub change: String,
    /// The change is a loss.
    pub loss: bool,
    /// A loop is liquidated.
    pub liquidated: bool,
    /// The layer that breaks first.
    pub breaks: String,
    /// Whether exits were possible within the event.
    pub exit: String,
}

impl CrisisRow {
    /// The row of crisis `c` replayed as `r` on a stack of `layers`.
    pub fn new(
        c: &crate::catalog::Crisis,
        r: &CrisisResult,
        ticker: &str,
        layers: &[LayerReport],
    ) -> CrisisRow {
        CrisisRow {
            name: c.name.clone(),
            dates: if c.start == c.end {
                c.start.clone()
            } else {
                format!("{} – {}", c.start, c.end)
            },
            profile: words::crisis_profile(&c.shock(), ticker),
            equity: usd(r.equity_after_usd),
            change: percent(r.equity_change),
            loss: r.equity_change < 0.0,
            liquidated: r.liquidated,
            breaks: r
                .breaks_first
                .and_then(|i| {
                    layers
                        .get(i)
                        .map(|l| format!("{} (layer {})", l.token, i + 1))
                })
                .unwrap_or_else(|| "—".into()),
            exit: words::crisis_exit(r, &c.shock(), layers),
        }
    }
}

/// The numeric cells of a per-layer table row, in column order: adds (APR), cumulative APY,
/// leverage, yield exposure, health, margin left.
pub fn layer_cells(l: &LayerReport) -> [String; 6] {
    [
        signed_percent(l.yield_added.apr),
        percent(l.cumulative.apy),
        multiplier(l.leverage),
        multiplier(l.yield_exposure),
        health_text(&l.health),
        percent(l.margin),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_become_words_not_placeholder_numbers() {
        // Guards docs/METHODOLOGY.md §2: no "HF −1" or "liquidation price $0" without debt.
        assert_eq!(health_text(&HealthFactor::NoDebt), "no debt");
        assert_eq!(health_text(&HealthFactor::Value(1.234)), "1.23");
        assert_eq!(
            liquidation_text(&Liquidation::NoDebt, "ETH", &HealthFactor::NoDebt).0,
            "none"
        );
        let price = Liquidation::Price {
            price_usd: 2100.0,
            max_drop: 0.3,
        };
        let (a, b) = liquidation_text(&price, "ETH", &HealthFactor::Value(1.4));
        assert_eq!(a, "ETH at $2,100");
        assert_eq!(b, "a 30.0% price drop");
        // A position already below 1 is not "liquidated at a 0% drop".
        let (a, _) = liquidation_text(&price, "ETH", &HealthFactor::Value(0.97));
        assert_eq!(a, "liquidatable now");
    }
}
