//! Risk and stress settings: correlation of risk events, whether points count, and the sizes of
//! the deterministic stress shocks (collapsed unless one of them is invalid).

use crate::engine::param::{ParamId, SETTINGS};
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::use_state;
use crate::ui::words;
use leptos::prelude::*;

/// Settings panel (collapsed by default).
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let state = use_state();
    let include_points = move || state.scenario.with(|s| s.risk.include_points);
    let toggle_points = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.edit(|s| s.risk.include_points = on);
    };
    let invalid_here = Memo::new(move |_| {
        state
            .invalid_path()
            .is_some_and(|p| SETTINGS.iter().any(|s| s.key == p))
    });
    let field = |p: &'static crate::engine::param::Param<crate::engine::Scenario>| {
        let value = Memo::new(move |_| state.scenario.with(|s| (p.get)(s).unwrap_or(0.0)));
        let on_set = Callback::new(move |v| state.edit(|s| (p.set)(s, v)));
        let (label, hint) = words::param_label(p.id);
        view! { <NumberField label=label hint=hint path=p.key value=value on_set=on_set unit=Unit::of(p.unit, "")/> }
    };
    let (risk, stress): (Vec<_>, Vec<_>) =
        SETTINGS.iter().partition(|p| p.id == ParamId::Correlation);
    view! {
        <section class="panel" aria-labelledby="settings-title">
            <details prop:open=move || invalid_here.get()>
                <summary><h2 id="settings-title" class="inline-h2">"Risk model and stress sizes"</h2></summary>
                <p class="hint">
                    "P(any loss) assumes independent events at correlation 0 (1 − Π(1 − p)) and the single largest at 1. "
                    "Points are valued only at your estimate and excluded from the headline unless you include them."
                </p>
                <div class="fields">
                    {risk.into_iter().map(field).collect_view()}
                    <label class="check"><input type="checkbox" prop:checked=include_points on:change=toggle_points/>"Count points in APY"</label>
                </div>
                <h3>"Stress shocks"</h3>
                <div class="fields">{stress.into_iter().map(field).collect_view()}</div>
            </details>
        </section>
    }
}
