//! A loop layer's non-numeric controls: size mode (loop count or target leverage), the collateral
//! oracle and the debt asset, plus the size field.

use crate::engine::{
    loop_leverage, loops_for_target, DebtAsset, Layer, LayerKind, LoopSize, OracleKind,
};
use crate::ui::layer_field::LayerField;
use crate::ui::params::LayerParam;
use crate::ui::state::use_state;
use crate::ui::words;
use leptos::prelude::*;

/// A change of a loop's oracle and debt asset.
type LoopEdit = Box<dyn FnOnce(&mut OracleKind, &mut DebtAsset)>;

/// The loop-only controls of layer `index`.
#[component]
pub fn LoopControls(
    /// Position of the loop layer in the stack.
    index: usize,
    /// The layer, as its card's memo.
    layer: Memo<Option<Layer>>,
) -> impl IntoView {
    let state = use_state();
    // (size is a target, oracle, debt) of the loop, if layer `index` is a loop.
    let settings = Memo::new(move |_| {
        layer.with(|l| {
            let Some(LayerKind::Loop {
                size, oracle, debt, ..
            }) = l.as_ref().map(|l| &l.kind)
            else {
                return None;
            };
            Some((matches!(size, LoopSize::Target(_)), *oracle, *debt))
        })
    });
    let edit_loop = move |f: LoopEdit| {
        state.edit(|s| {
            if let Some(LayerKind::Loop { oracle, debt, .. }) =
                s.layers.get_mut(index).map(|l| &mut l.kind)
            {
                f(oracle, debt);
            }
        })
    };
    let set_mode = move |ev: leptos::ev::Event| {
        let target = event_target_value(&ev) == "target";
        // The size field then shows the other measure: a reshape, not an edit.
        state.reshape(|s| {
            if let Some(LayerKind::Loop { size, ltv, .. }) =
                s.layers.get_mut(index).map(|l| &mut l.kind)
            {
                let leverage = loop_leverage(*ltv, *size);
                *size = if target {
                    LoopSize::Target(leverage)
                } else {
                    LoopSize::Loops(loops_for_target(*ltv, leverage))
                };
            }
        });
    };
    let set_oracle = move |ev: leptos::ev::Event| {
        if let Ok(o) = event_target_value(&ev).parse::<OracleKind>() {
            edit_loop(Box::new(move |oracle, _| *oracle = o));
        }
    };
    let set_debt = move |ev: leptos::ev::Event| {
        if let Ok(d) = event_target_value(&ev).parse::<DebtAsset>() {
            edit_loop(Box::new(move |_, debt| *debt = d));
        }
    };
    let id = format!("layers-{index}-");
    let mode = move || match settings.get() {
        Some((true, _, _)) => "target",
        _ => "loops",
    };
    view! {
        <div class="fields">
            <div class="field">
                <label for=format!("{id}mode")>"Size by"</label>
                <select id=format!("{id}mode") prop:value=mode on:change=set_mode>
                    <option value="loops">"number of loops"</option>
                    <option value="target">"target leverage"</option>
                </select>
            </div>
            <LayerField index=index layer=layer param=LayerParam::LoopSize/>
            <div class="field">
                <label for=format!("{id}oracle")>"Collateral oracle"</label>
                <select id=format!("{id}oracle") prop:value=move || settings.get().map(|s| s.1.code()).unwrap_or_default() on:change=set_oracle>
                    {OracleKind::ALL.map(|o| view! { <option value=o.code()>{words::oracle_label(o)}</option> })}
                </select>
            </div>
            <div class="field">
                <label for=format!("{id}debt")>"Borrow"</label>
                <select id=format!("{id}debt") prop:value=move || settings.get().map(|s| s.2.code()).unwrap_or_default() on:change=set_debt>
                    {[DebtAsset::Base, DebtAsset::Usd].map(|d| view! { <option value=d.code()>{words::debt_label(d)}</option> })}
                </select>
            </div>
        </div>
    }
}
