//! The stack builder: the list of layer cards and the "add a layer" control.

use crate::engine::Kind;
use crate::ui::layer_card::LayerCard;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The editable stack, bottom layer first.
#[component]
pub fn StackBuilder() -> impl IntoView {
    let state = use_state();
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
        let asset = state.scenario.with_untracked(|s| s.stake.asset);
        let kind = event_target_value(&ev).parse::<Kind>().ok();
        if let Some(layer) = kind.and_then(|k| crate::ui::catalog_glue::template_layer(k, asset)) {
            state.scenario.update(|s| s.layers.push(layer));
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
                let n = shape.with(|(k, _)| k.len());
                (0..n).map(|i| view! { <LayerCard index=i count=count/> }).collect_view()
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
