//! The "Simulation" section: the simulation's settings (the engine's `MC` parameters, rendered
//! as the settings panel renders its own), a Run button, a progress bar and the finished
//! figures. After a first run, an edit cancels the run in flight and a new one starts once the
//! edits pause.

use super::bridge::Channel;
use crate::engine::param::MC;
use crate::engine::{default_volatility, MAX_MC_PATHS};
use crate::share::{self, ViewOptions};
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::{use_state, AppState};
use crate::ui::words;
use leptos::prelude::*;
use std::time::Duration;

/// Pause after the last edit before a re-run.
const RERUN_DEBOUNCE: Duration = Duration::from_millis(600);

/// The query the simulation runs: the share link of the scenario (no view options).
fn query(state: AppState) -> String {
    state
        .scenario
        .with(|s| share::encode(s, &ViewOptions::default()))
}

/// The simulation section. `inputs`: show the settings (the full page) or only the Run button
/// and the figures (the embed).
#[component]
pub fn SimulationPanel(
    /// Show the simulation's settings.
    inputs: bool,
) -> impl IntoView {
    let state = use_state();
    let channel = Channel::new();
    // The query of the run shown or in flight, and whether the reader has run it once.
    let ran_query = StoredValue::new(None::<String>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let valid =
        move || state.problem.with(Option::is_none) && state.input_errors.with(|m| m.is_empty());

    let start = move || {
        if !untrack(valid) {
            return;
        }
        // The link records the volatility used (its default comes from the asset).
        if state.scenario.with_untracked(|s| s.mc.volatility.is_none()) {
            state.edit(|s| s.mc.volatility = Some(default_volatility(s.stake.asset)));
        }
        let q = untrack(|| query(state));
        let paths = state.scenario.with_untracked(|s| s.mc.paths);
        ran_query.set_value(Some(q.clone()));
        channel.run(&q, paths);
    };

    // An edit after a first run: cancel what runs, re-run once the edits pause.
    Effect::new(move |first: Option<()>| {
        state.scenario.track();
        state.input_errors.track();
        if first.is_none() {
            return;
        }
        let Some(last) = ran_query.get_value() else {
            return;
        };
        if untrack(|| query(state)) == last {
            return;
        }
        channel.cancel();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(start, RERUN_DEBOUNCE);
        pending.set_value(handle.ok());
    });

    let on_run = move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        start();
    };
    let stale = move || !channel.fresh.get();
    let settings = inputs.then(|| settings_fields(state));
    view! {
        <section class="panel mc" aria-labelledby="mc-title" data-testid="mc">
            <h2 id="mc-title">"Simulation"</h2>
            <p class="hint">
                "Many paths of the price, of every layer's events and of the rates over the horizon, in weekly steps, "
                "each revaluing the whole position. Seeded: the same link gives the same figures."
            </p>
            {settings}
            <div class="mc-actions">
                <button type="button" class="primary" data-testid="mc-run" on:click=on_run
                    disabled=move || !valid()>"Run simulation"</button>
                <div class="mc-status" inner_html=move || channel.status.get()></div>
            </div>
            <div class="mc-result" class:stale=stale inner_html=move || channel.html.get()></div>
        </section>
    }
}

/// The settings: the path count, the engine's `MC` parameters and crisis mode.
fn settings_fields(state: AppState) -> impl IntoView {
    let paths = Memo::new(move |_| state.scenario.with(|s| f64::from(s.mc.paths)));
    let set_paths = Callback::new(move |v: f64| {
        // `as` saturates; the engine bounds the count (1 to 1,000,000) and says so by the field.
        state.edit(|s| s.mc.paths = v.round().clamp(0.0, f64::from(MAX_MC_PATHS) + 1.0) as u32)
    });
    let field = move |p: &'static crate::engine::param::Param<crate::engine::Scenario>| {
        let value = Memo::new(move |_| {
            state
                .scenario
                .with(|s| (p.get)(s).unwrap_or_else(|| default_volatility(s.stake.asset)))
        });
        let on_set = Callback::new(move |v| state.edit(|s| (p.set)(s, v)));
        let (label, hint) = words::param_label(p.id);
        view! { <NumberField label=label hint=hint path=p.key value=value on_set=on_set unit=Unit::of(p.unit, "")/> }
    };
    let crisis = move || state.scenario.with(|s| s.mc.crisis);
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.edit(|s| s.mc.crisis = on);
    };
    view! {
        <div class="fields">
            <NumberField label="Paths" hint="1 to 1,000,000" path="mc.paths" value=paths on_set=set_paths unit=Unit::Plain("paths")/>
            {MC.iter().map(field).collect_view()}
            <label class="check"><input type="checkbox" data-testid="mc-crisis" prop:checked=crisis on:change=toggle/>"Crisis mode: a crash week carries a year's odds of every depeg and of the borrow spike"</label>
        </div>
    }
}
