//! One number of one layer, bound by index into the scenario, with its preset's provenance.

use crate::ui::data::use_data;
use crate::ui::field::NumberField;
use crate::ui::params::LayerParam;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// A field for `param` of layer `index`.
#[component]
pub fn LayerField(
    /// Position of the layer in the stack.
    index: usize,
    /// Which number.
    param: LayerParam,
) -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let value = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.layers
                .get(index)
                .and_then(|l| param.get(l))
                .unwrap_or(0.0)
        })
    });
    let on_set = Callback::new(move |v: f64| {
        state.edit(|s| {
            if let Some(l) = s.layers.get_mut(index) {
                param.set(l, v);
            }
        })
    });
    let key = param.key();
    // What the provenance depends on: the layer's protocol, kind and the asset.
    let identity = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.layers
                .get(index)
                .map(|l| (l.protocol.clone(), l.kind.kind(), s.stake.asset))
        })
    });
    let provenance = Signal::derive(move || {
        identity.track();
        state.scenario.with_untracked(|s| {
            s.layers
                .get(index)
                .and_then(|l| data.provenance(l, s.stake.asset, key))
        })
    });
    let (label, hint) = param.label();
    view! {
        <NumberField
            label=label
            path=format!("layers[{index}].{key}")
            value=value
            on_set=on_set
            unit=param.unit()
            hint=hint
            provenance=provenance
        />
    }
}
