//! The services (AVSs, networks, BSNs) of a restake layer: name and numbers of each, add and
//! remove.

use crate::engine::param::AVS;
use crate::engine::{Avs, Layer, LayerKind};
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::{use_state, AppState};
use crate::ui::words;
use leptos::prelude::*;

/// Change the AVS list of restake layer `index` (a no-op on another kind).
fn with_avs(state: AppState, index: usize, reshape: bool, f: impl FnOnce(&mut Vec<Avs>)) {
    let edit = |s: &mut crate::engine::Scenario| {
        if let Some(LayerKind::Restake { avs, .. }) = s.layers.get_mut(index).map(|l| &mut l.kind) {
            f(avs);
        }
    };
    if reshape {
        state.reshape(edit);
    } else {
        state.edit(edit);
    }
}

/// The AVS list of restake layer `index`.
#[component]
pub fn AvsEditor(
    /// Position of the restake layer in the stack.
    index: usize,
    /// The layer, as its card's memo.
    layer: Memo<Option<Layer>>,
) -> impl IntoView {
    let state = use_state();
    // The services of the layer, if it is a restake layer.
    let services = move |f: &mut dyn FnMut(&[Avs])| {
        layer.with(|l| match l.as_ref().map(|l| &l.kind) {
            Some(LayerKind::Restake { avs, .. }) => f(avs),
            _ => f(&[]),
        })
    };
    let count = Memo::new(move |_| {
        let mut n = 0;
        services(&mut |avs| n = avs.len());
        n
    });
    let add = move |_| {
        with_avs(state, index, true, |avs| {
            avs.push(Avs {
                name: format!("AVS {}", avs.len() + 1),
                reward_apr: 0.005,
                magnitude: 0.1,
                p_slash: 0.005,
                severity: 0.1,
            })
        })
    };
    let service = move |j: usize| {
        let name = Memo::new(move |_| {
            let mut name = String::new();
            services(&mut |avs| name = avs.get(j).map(|a| a.name.clone()).unwrap_or_default());
            name
        });
        let set_name = move |ev: leptos::ev::Event| {
            let v: String = event_target_value(&ev).chars().take(64).collect();
            with_avs(state, index, false, move |avs| {
                if let Some(a) = avs.get_mut(j) {
                    a.name = v;
                }
            })
        };
        let remove = move |_| {
            with_avs(state, index, true, move |avs| {
                if j < avs.len() {
                    avs.remove(j);
                }
            })
        };
        let name_id = format!("layers-{index}-avs-{j}-name");
        let fields = AVS
            .iter()
            .map(|p| {
                let value = Memo::new(move |_| {
                    let mut v = 0.0;
                    services(&mut |avs| v = avs.get(j).and_then(p.get).unwrap_or(0.0));
                    v
                });
                let on_set = Callback::new(move |v: f64| {
                    with_avs(state, index, false, move |avs| {
                        if let Some(a) = avs.get_mut(j) {
                            (p.set)(a, v)
                        }
                    })
                });
                let (label, hint) = words::param_label(p.id);
                view! {
                    <NumberField
                        label=label
                        hint=hint
                        path=format!("layers[{index}].avs[{j}].{}", p.key)
                        value=value
                        on_set=on_set
                        unit=Unit::of(p.unit, "")
                    />
                }
            })
            .collect_view();
        view! {
            <fieldset class="avs">
                <legend class="visually-hidden">{format!("Service {}", j + 1)}</legend>
                <div class="toolbar">
                    <label for=name_id.clone() class="visually-hidden">{format!("Service {} name", j + 1)}</label>
                    <input id=name_id class="control" type="text" maxlength="64" prop:value=move || name.get() on:input=set_name/>
                    <button type="button" class="icon-btn" on:click=remove aria-label=format!("Remove service {}", j + 1)>"✕"</button>
                </div>
                <div class="fields">{fields}</div>
            </fieldset>
        }
    };
    view! {
        <div class="avs-list">
            {move || (0..count.get()).map(service).collect_view()}
            <button type="button" on:click=add>"+ Add a service (AVS)"</button>
        </div>
    }
}
