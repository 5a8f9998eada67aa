//! One layer of the stack builder: its preset, token, parameters, loop controls or services, and
//! risks, with move and remove buttons. Every number is a [`LayerField`] bound by index.

use crate::engine::param::LAYER;
use crate::engine::Kind;
use crate::ui::avs_editor::AvsEditor;
use crate::ui::data::use_data;
use crate::ui::layer_field::LayerField;
use crate::ui::loop_controls::LoopControls;
use crate::ui::params::{cost_fields, kind_fields, layer_fields};
use crate::ui::state::use_state;
use crate::ui::words;
use leptos::prelude::*;

/// A card for layer `index`, whose kind is `kind` (the stack builder rebuilds the card when the
/// kind at `index` changes).
#[component]
pub fn LayerCard(
    /// Position in the stack.
    index: usize,
    /// The layer's kind.
    kind: Kind,
    /// Number of layers (for disabling move buttons).
    #[prop(into)]
    count: Signal<usize>,
) -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let is_last = move || index + 1 >= count.get();
    // (token, protocol id, asset) of the layer: what the header and the preset select show.
    let layer = state.layer_memo(index);
    let identity = Memo::new(move |_| {
        let asset = state.asset.get();
        layer.with(|l| {
            l.as_ref()
                .map(|l| (l.token.clone(), l.protocol.clone(), asset))
        })
    });
    let token = move || identity.with(|i| i.as_ref().map(|i| i.0.clone()).unwrap_or_default());
    let subtitle = move || {
        let protocol = identity.with(|i| i.as_ref().map(|i| i.1.clone()).unwrap_or_default());
        format!(
            "{} · {}",
            words::kind_label(kind),
            data.protocol_name(&protocol)
        )
    };
    let move_by = move |delta: isize| {
        move |_| {
            state.reshape(|s| {
                let j = index as isize + delta;
                if j >= 0 && (j as usize) < s.layers.len() {
                    s.layers.swap(index, j as usize);
                }
            });
        }
    };
    let remove = move |_| {
        state.reshape(|s| {
            if index < s.layers.len() {
                s.layers.remove(index);
            }
        });
    };
    let token_id = format!("layers-{index}-token");
    let set_token = move |ev: leptos::ev::Event| {
        let v: String = event_target_value(&ev).chars().take(64).collect();
        state.edit(|s| {
            if let Some(l) = s.layers.get_mut(index) {
                l.token = v;
            }
        })
    };
    let product_id = move || {
        let asset = identity.with(|i| i.as_ref().map(|i| i.2));
        layer.with_untracked(|l| {
            l.as_ref()
                .zip(asset)
                .and_then(|(l, asset)| data.product_id_for(l, asset))
                .unwrap_or_default()
        })
    };
    let products = move || {
        let asset = identity.with(|i| i.as_ref().map(|i| i.2));
        asset
            .map(|a| data.products_for(kind, a))
            .unwrap_or_default()
    };
    let set_product = move |ev: leptos::ev::Event| {
        if let Some(layer) = data.product_layer(&event_target_value(&ev)) {
            state.reshape(|s| {
                if let Some(l) = s.layers.get_mut(index) {
                    *l = layer;
                }
            });
        }
    };
    // Open the risk section when the engine rejects one of its fields, so the user sees which.
    let risk_invalid = Memo::new(move |_| {
        state.invalid_path().is_some_and(|p| {
            LAYER
                .iter()
                .any(|r| p == format!("layers[{index}].{}", r.key))
        })
    });
    let cost_invalid = Memo::new(move |_| {
        state
            .invalid_path()
            .is_some_and(|p| cost_fields(kind).any(|f| p == format!("layers[{index}].{}", f.key())))
    });
    // Stake, restake and wrapper tokens are minted unless bought on their market.
    let buyable = matches!(kind, Kind::Stake | Kind::Restake | Kind::Lrt);
    let bought = move || layer.with(|l| l.as_ref().is_some_and(|l| l.costs.bought));
    let set_bought = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.edit(|s| {
            if let Some(l) = s.layers.get_mut(index) {
                l.costs.bought = on;
            }
        })
    };
    let product_sel = format!("layers-{index}-product");
    view! {
        <section class="layer-card" data-testid="layer-card" aria-labelledby=format!("layer-{index}-title")>
            <header>
                <div>
                    <h3 id=format!("layer-{index}-title")>{move || format!("{}. {}", index + 1, token())}</h3>
                    <span class="layer-kind">{subtitle}</span>
                </div>
                <div class="toolbar">
                    <button type="button" class="icon-btn" on:click=move_by(-1) disabled=move || index == 0
                        aria-label=format!("Move layer {} down the stack", index + 1)>"↑"</button>
                    <button type="button" class="icon-btn" on:click=move_by(1) disabled=is_last
                        aria-label=format!("Move layer {} up the stack", index + 1)>"↓"</button>
                    <button type="button" class="icon-btn" on:click=remove
                        aria-label=format!("Remove layer {}", index + 1)>"✕"</button>
                </div>
            </header>
            <div class="fields">
                <div class="field">
                    <label for=product_sel.clone()>"Protocol preset"</label>
                    <select id=product_sel data-testid="layer-product" prop:value=product_id on:change=set_product>
                        <option value="">"Custom values"</option>
                        {move || products().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=token_id.clone()>"Token held"</label>
                    <input id=token_id type="text" maxlength="64" prop:value=token on:input=set_token/>
                </div>
                {kind_fields(kind).map(|p| view! { <LayerField index=index layer=layer param=p/> }).collect_view()}
            </div>
            {(kind == Kind::Loop).then(|| view! { <LoopControls index=index layer=layer/> })}
            {(kind == Kind::Restake).then(|| view! { <AvsEditor index=index layer=layer/> })}
            <details prop:open=move || risk_invalid.get()>
                <summary>"Risk assumptions and points"</summary>
                <div class="fields">
                    {layer_fields().map(|p| view! { <LayerField index=index layer=layer param=p/> }).collect_view()}
                </div>
            </details>
            <details prop:open=move || cost_invalid.get()>
                <summary>"Costs"</summary>
                <div class="fields">
                    {cost_fields(kind).map(|p| view! { <LayerField index=index layer=layer param=p/> }).collect_view()}
                    {buyable.then(|| view! {
                        <label class="check"><input type="checkbox" data-testid="layer-bought" prop:checked=bought on:change=set_bought/>"Bought on its market"</label>
                    })}
                </div>
            </details>
        </section>
    }
}
