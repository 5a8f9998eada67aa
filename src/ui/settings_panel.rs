//! Risk and stress settings: correlation of risk events, whether points count, and the sizes of
//! the deterministic stress shocks.

use crate::engine::{RiskSettings, StressSettings};
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// One stress-size field: (key, label, read, write).
type StressParam = (
    &'static str,
    &'static str,
    fn(&StressSettings) -> f64,
    fn(&mut StressSettings, f64),
);

const STRESS: [StressParam; 6] = [
    (
        "price_drop",
        "Base-asset price drop",
        |s| s.price_drop,
        |s, v| s.price_drop = v,
    ),
    (
        "depeg_small",
        "Small depeg",
        |s| s.depeg_small,
        |s, v| s.depeg_small = v,
    ),
    (
        "depeg_large",
        "Large depeg",
        |s| s.depeg_large,
        |s, v| s.depeg_large = v,
    ),
    (
        "avs_slash",
        "AVS slash",
        |s| s.avs_slash,
        |s, v| s.avs_slash = v,
    ),
    (
        "borrow_apr",
        "Borrow APR spikes to",
        |s| s.borrow_apr,
        |s, v| s.borrow_apr = v,
    ),
    (
        "yt_implied_apy",
        "YT implied APY falls to",
        |s| s.yt_implied_apy,
        |s, v| s.yt_implied_apy = v,
    ),
];

/// Settings panel (collapsed by default).
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let state = use_state();
    let correlation = Signal::derive(move || state.scenario.with(|s| s.risk.correlation));
    let set_correlation = Callback::new(move |v| state.scenario.update(|s| s.risk.correlation = v));
    let include_points = move || state.scenario.with(|s| s.risk.include_points);
    let toggle_points = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.scenario.update(|s| {
            s.risk = RiskSettings {
                include_points: on,
                ..s.risk.clone()
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="settings-title">
            <details>
                <summary><h2 id="settings-title" class="inline-h2">"Risk model and stress sizes"</h2></summary>
                <p class="hint">
                    "P(any loss) assumes independent events at correlation 0 (1 − Π(1 − p)) and the single largest at 1. "
                    "Points are valued only at your estimate and excluded from the headline unless you include them."
                </p>
                <div class="fields">
                    <NumberField label="Correlation of events" path="risk.correlation" value=correlation
                        on_set=set_correlation unit=Unit::Percent hint="0 = independent"/>
                    <label class="check"><input type="checkbox" prop:checked=include_points on:change=toggle_points/>"Count points in APY"</label>
                </div>
                <h3>"Stress shocks"</h3>
                <div class="fields">
                    {STRESS.map(|(key, label, get, set)| {
                        let value = Signal::derive(move || state.scenario.with(|s| get(&s.stress)));
                        let on_set = Callback::new(move |v| state.scenario.update(|s| set(&mut s.stress, v)));
                        view! { <NumberField label=label path=format!("stress.{key}") value=value on_set=on_set unit=Unit::Percent/> }
                    })}
                </div>
            </details>
        </section>
    }
}
