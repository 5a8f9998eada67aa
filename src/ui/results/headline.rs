//! Headline figures: net and risk-adjusted APY, leverage, health factor, liquidation, P(loss),
//! expected loss, projected value against simply holding.

use crate::engine::{Report, Summary};
use crate::ui::format::{percent, usd};
use crate::ui::results::{headline_values, liquidation_text};
use leptos::prelude::*;

/// Label and sub-line for each headline figure, by `data-testid`.
fn caption(id: &str, s: &Summary, ticker: &str, horizon: &str) -> (String, String) {
    match id {
        "net-apy" => (
            "Net APY on equity".into(),
            format!(
                "APR {} · points apart: {}",
                percent(s.net.apr),
                percent(s.points_apr)
            ),
        ),
        "risk-adjusted-apy" => ("Risk-adjusted APY".into(), "net APY − expected loss".into()),
        "leverage" => (
            "Leverage".into(),
            format!("collateral / equity · margin left: {}", percent(s.margin)),
        ),
        "yield-exposure" => (
            "Yield exposure".into(),
            "loops × YT: one point of underlying yield on equity".into(),
        ),
        "health-factor" => ("Health factor".into(), "liquidation below 1".into()),
        "liquidation" => (
            "Liquidation".into(),
            liquidation_text(&s.liquidation, ticker, &s.health).1,
        ),
        "p-loss" => (
            "P(any loss in a year)".into(),
            format!("worst-case slash: {}", percent(s.worst_case_slash)),
        ),
        "expected-loss" => (
            "Expected annual loss".into(),
            format!("{} a year", usd(s.expected_loss_usd)),
        ),
        _ => {
            let gain = s.projected_usd - s.hold_usd;
            (
                format!("Value after {horizon}"),
                format!(
                    "holding: {} ({}{})",
                    usd(s.hold_usd),
                    if gain >= 0.0 { "+" } else { "" },
                    usd(gain)
                ),
            )
        }
    }
}

/// The headline metric cards.
#[component]
pub fn Headline(
    /// The report to show (the last good one).
    #[prop(into)]
    report: Signal<Option<Report>>,
    /// Ticker of the staked asset, for the liquidation price.
    #[prop(into)]
    ticker: Signal<String>,
    /// Horizon in days, for the projected-value label.
    #[prop(into)]
    horizon_days: Signal<f64>,
) -> impl IntoView {
    move || {
        report.get().map(|r| {
            let s = r.summary;
            let ticker = ticker.get();
            let horizon = crate::ui::format::days(horizon_days.get());
            let signed = [s.net.apy, s.risk_adjusted_apy];
            let liquidatable = matches!(s.health, crate::engine::HealthFactor::Value(h) if h < 1.0);
            view! {
                <div class="headline">
                    {headline_values(&s, &ticker).into_iter().enumerate().map(|(i, (id, value))| {
                        let (label, sub) = caption(id, &s, &ticker, &horizon);
                        let negative = signed.get(i).is_some_and(|x| *x < 0.0)
                            || (id == "projected-value" && s.projected_usd < s.hold_usd)
                            || (liquidatable && (id == "health-factor" || id == "liquidation"));
                        view! {
                            <div class="metric">
                                <span class="label">{label}</span>
                                <span class=if negative { "value neg" } else { "value" } data-testid=id>{value}</span>
                                <span class="sub">{sub}</span>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
        })
    }
}
