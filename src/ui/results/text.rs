//! The headline's and the per-layer table's figures as text, shared by the headline, the tables,
//! the embed and the native fixture the browser tests compare against.

use crate::engine::{HealthFactor, Liquidation};
use crate::ui::format::{number, percent, usd};
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
pub fn headline_values(s: &crate::engine::Summary, ticker: &str) -> Vec<(&'static str, String)> {
    use crate::ui::format::multiplier;
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

/// The numeric cells of a per-layer table row, in column order: adds (APR), cumulative APY,
/// leverage, yield exposure, health, margin left.
pub fn layer_cells(l: &crate::engine::LayerReport) -> [String; 6] {
    use crate::ui::format::{multiplier, signed_percent};
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
