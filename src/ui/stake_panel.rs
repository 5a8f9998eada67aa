//! Stake inputs: strategy, asset, amount, price, horizon.

use crate::engine::Asset;
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The stake and strategy panel.
#[component]
pub fn StakePanel() -> impl IntoView {
    let state = use_state();
    let strategy = state.strategy;
    let ticker: Memo<&'static str> =
        Memo::new(move |_| state.scenario.with(|s| s.stake.asset.ticker()));
    let amount = Signal::derive(move || state.scenario.with(|s| s.stake.amount));
    let price = Signal::derive(move || state.scenario.with(|s| s.stake.price_usd));
    let horizon = Signal::derive(move || state.scenario.with(|s| s.horizon_days));
    let set_amount = Callback::new(move |v| state.scenario.update(|s| s.stake.amount = v));
    let set_price = Callback::new(move |v| state.scenario.update(|s| s.stake.price_usd = v));
    let set_horizon = Callback::new(move |v| state.scenario.update(|s| s.horizon_days = v));
    let price_source = Signal::derive(move || {
        crate::ui::catalog_glue::price_provenance(state.scenario.with(|s| s.stake.asset))
    });

    let load = move |id: &str| {
        if let Some(sc) = crate::ui::catalog_glue::strategy_scenario(id) {
            strategy.set(id.to_string());
            state.replace(sc);
        }
    };
    let on_strategy = move |ev: leptos::ev::Event| load(&event_target_value(&ev));
    let on_asset = move |ev: leptos::ev::Event| {
        if let Ok(asset) = event_target_value(&ev).parse::<Asset>() {
            if let Some(id) = crate::ui::catalog_glue::first_strategy_for(asset) {
                load(&id);
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="stake-title">
            <h2 id="stake-title">"Stake"</h2>
            <div class="field">
                <label for="strategy">"Ready-made strategy"</label>
                <select id="strategy" data-testid="strategy" prop:value=move || strategy.get() on:change=on_strategy>
                    <option value="">"Custom stack"</option>
                    {crate::ui::catalog_glue::strategy_options().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
                <p class="hint">{move || crate::ui::catalog_glue::strategy_description(&strategy.get())}</p>
            </div>
            <div class="fields">
                <div class="field">
                    <label for="asset">"Asset"</label>
                    <select id="asset" data-testid="asset" prop:value=move || ticker.get() on:change=on_asset>
                        {Asset::ALL.map(|a| view! { <option value=a.ticker()>{a.ticker()}</option> })}
                    </select>
                </div>
                {move || {
                    let t = ticker.get();
                    view! {
                        <NumberField label="Amount" path="stake.amount" value=amount on_set=set_amount
                            unit=Unit::Plain(t) testid="stake-amount"/>
                    }
                }}
                <NumberField label="Price" path="stake.price_usd" value=price on_set=set_price
                    unit=Unit::Plain("USD") provenance=price_source/>
                <NumberField label="Horizon" path="horizon_days" value=horizon on_set=set_horizon
                    unit=Unit::Plain("days")/>
            </div>
        </section>
    }
}
