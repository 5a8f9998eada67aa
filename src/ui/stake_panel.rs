//! Stake inputs: ready-made strategy, asset, and the stake's numbers.

use crate::catalog::{Strategy, STRATEGIES};
use crate::engine::param::COST_SETTINGS;
use crate::engine::Asset;
use crate::ui::data::use_data;
use crate::ui::field::{NumberField, Unit};
use crate::ui::stake_fields::StakeFields;
use crate::ui::state::use_state;
use crate::ui::words;
use leptos::prelude::*;

/// The stake and strategy panel.
#[component]
pub fn StakePanel() -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let ticker = Memo::new(move |_| state.asset.get().ticker());
    let load = move |strategy: Option<&'static Strategy>| {
        if let Some(s) = strategy {
            state.pick_strategy(s, data.strategy_scenario(s));
        }
    };
    let on_strategy = move |ev: leptos::ev::Event| load(Strategy::find(&event_target_value(&ev)));
    let on_asset = move |ev: leptos::ev::Event| {
        if let Ok(asset) = event_target_value(&ev).parse::<Asset>() {
            load(Strategy::first_for(asset));
        }
    };
    let description = move || {
        state.strategy.get().and_then(Strategy::find).map_or(
            "Your own stack: add, remove and reorder layers below.",
            |s| s.description,
        )
    };
    // The compare view of the same scenario (an on-demand build: following the link loads it).
    let compare_href = move || {
        let view = crate::share::ViewOptions {
            page: crate::share::Page::Compare,
            theme: state.view.with_value(|v| v.theme),
            strategy: state.strategy.get().map(str::to_string),
            ..Default::default()
        };
        state
            .scenario
            .with(|s| format!("?{}", crate::share::encode(s, &view)))
    };
    // The gas price on the stake's chain (docs/METHODOLOGY.md §12), in its chain's unit.
    let gas_fields = move || {
        COST_SETTINGS
            .iter()
            .map(|p| {
                let value = Memo::new(move |_| state.scenario.with(|s| (p.get)(s).unwrap_or(0.0)));
                let on_set = Callback::new(move |v| state.edit(|s| (p.set)(s, v)));
                let (label, hint) = words::param_label(p.id);
                let a = state.asset.get();
                let provenance = Signal::derive(move || data.gas_price_provenance(a));
                view! {
                    <NumberField label=label path=p.key value=value on_set=on_set
                        unit=Unit::Plain(words::gas_price_unit(a)) hint=hint provenance=provenance/>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="stake-title">
            <h2 id="stake-title">"Stake"</h2>
            <div class="field">
                <label for="strategy">"Ready-made strategy"</label>
                <select id="strategy" data-testid="strategy" prop:value=move || state.strategy.get().unwrap_or_default() on:change=on_strategy>
                    <option value="">"Custom stack"</option>
                    {STRATEGIES.iter().map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()}
                </select>
                <p class="hint" data-testid="strategy-description">{description}</p>
                <p class="hint"><a href=compare_href data-testid="open-compare">"Compare every strategy for this stake →"</a></p>
                <p class="hint"><a href=move || security_href(state) data-testid="open-security">"Is the network your restaked stake secures safe? →"</a></p>
            </div>
            <div class="fields">
                <div class="field">
                    <label for="asset">"Asset"</label>
                    <select id="asset" data-testid="asset" prop:value=move || ticker.get() on:change=on_asset>
                        {Asset::ALL.map(|a| view! { <option value=a.ticker()>{a.ticker()}</option> })}
                    </select>
                </div>
                <StakeFields/>
                {gas_fields}
            </div>
        </section>
    }
}

/// The security view for this scenario (`view=security`, an on-demand build): its exposure table
/// reads the scenario's restake layers.
fn security_href(state: crate::ui::state::AppState) -> String {
    let view = crate::share::ViewOptions {
        page: crate::share::Page::Security,
        theme: state.view.with_value(|v| v.theme),
        strategy: state.strategy.get().map(str::to_string),
        ..Default::default()
    };
    state
        .scenario
        .with(|s| format!("?{}", crate::share::encode(s, &view)))
}
