//! One number of one layer, bound by index into the scenario, with its preset's provenance.

use crate::engine::Layer;
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
    /// The layer, as its card's memo ([`crate::ui::state::AppState::layer_memo`]).
    layer: Memo<Option<Layer>>,
    /// Which number.
    param: LayerParam,
) -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let value =
        Memo::new(move |_| layer.with(|l| l.as_ref().and_then(|l| param.get(l)).unwrap_or(0.0)));
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
        let asset = state.asset.get();
        layer.with(|l| {
            l.as_ref()
                .map(|l| (l.protocol.clone(), l.kind.kind(), asset))
        })
    });
    let provenance = Signal::derive(move || {
        let asset = identity.with(|i| i.as_ref().map(|i| i.2))?;
        layer.with_untracked(|l| l.as_ref().and_then(|l| data.provenance(l, asset, key)))
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
