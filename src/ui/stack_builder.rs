//! The stack builder: the list of layer cards and the "add a layer" control.

use crate::engine::Kind;
use crate::ui::data::use_data;
use crate::ui::layer_card::LayerCard;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The editable stack, bottom layer first.
#[component]
pub fn StackBuilder() -> impl IntoView {
    let state = use_state();
    let data = use_data();
    // Cards are rebuilt only when the stack's shape changes (count, kinds, order, a wholesale
    // replace); typing into a field changes values, not shape, so focus is never lost.
    let shape = Memo::new(move |_| {
        let kinds: Vec<Kind> = state
            .scenario
            .with(|s| s.layers.iter().map(|l| l.kind.kind()).collect());
        (kinds, state.generation.get())
    });
    let count = Signal::derive(move || shape.with(|(k, _)| k.len()));
    let add = move |ev: leptos::ev::Event| {
        if let Ok(kind) = event_target_value(&ev).parse::<Kind>() {
            let asset = state.scenario.with_untracked(|s| s.stake.asset);
            let layer = data.template_layer(kind, asset);
            state.reshape(|s| s.layers.push(layer));
        }
        // Back to the prompt option so the same kind can be added again.
        if let Some(el) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            el.set_value("");
        }
    };
    view! {
        <section class="panel" aria-labelledby="stack-title">
            <h2 id="stack-title">"Your stack"</h2>
            <p class="hint">"Bottom layer first. Each layer wraps the token of the one before it."</p>
            {move || {
                shape.with(|(kinds, _)| {
                    kinds
                        .iter()
                        .enumerate()
                        .map(|(i, &kind)| view! { <LayerCard index=i kind=kind count=count/> })
                        .collect_view()
                })
            }}
            <div class="field">
                <label for="add-layer">"Add a layer"</label>
                <select id="add-layer" data-testid="add-layer" on:change=add>
                    <option value="" selected>"Choose a kind…"</option>
                    {Kind::ALL.map(|k| view! { <option value=k.code()>{crate::ui::words::kind_offer(k)}</option> })}
                </select>
            </div>
        </section>
    }
}
