//! One layer of the stack builder: its protocol, token, parameters, AVSs and risks, with move and
//! remove buttons. Every number is a [`NumberField`] bound by index into the scenario.

use crate::engine::param::AVS;
use crate::engine::{Avs, DebtAsset, Layer, LayerKind, LoopSize, OracleKind};
use crate::ui::field::{NumberField, Unit};
use crate::ui::params::{kind_fields, layer_fields, LayerParam};
use crate::ui::state::{use_state, AppState};
use crate::ui::words;
use leptos::prelude::*;

/// A field for one number of layer `index`.
fn param_field(state: AppState, index: usize, param: LayerParam) -> impl IntoView {
    let value = Signal::derive(move || {
        state.scenario.with(|s| {
            s.layers
                .get(index)
                .and_then(|l| param.get(l))
                .unwrap_or(0.0)
        })
    });
    let on_set = Callback::new(move |v: f64| {
        state.scenario.update(|s| {
            if let Some(l) = s.layers.get_mut(index) {
                param.set(l, v);
            }
        })
    });
    let key = param.key();
    let provenance = Signal::derive(move || {
        state.scenario.with(|s| {
            s.layers
                .get(index)
                .and_then(|l| crate::ui::catalog_glue::provenance(l, s.stake.asset, key))
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

/// Loop-only controls: size mode, oracle kind, debt asset.
fn loop_controls(state: AppState, index: usize) -> impl IntoView {
    let read = move |f: fn(&LayerKind) -> Option<String>| {
        move || {
            state
                .scenario
                .with(|s| s.layers.get(index).and_then(|l| f(&l.kind)))
                .unwrap_or_default()
        }
    };
    let write = move |f: fn(&mut LayerKind, &str)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.scenario.update(|s| {
                if let Some(l) = s.layers.get_mut(index) {
                    f(&mut l.kind, &v);
                }
            })
        }
    };
    let mode = read(|k| match k {
        LayerKind::Loop {
            size: LoopSize::Loops(_),
            ..
        } => Some("loops".into()),
        LayerKind::Loop { .. } => Some("target".into()),
        _ => None,
    });
    let set_mode = write(|k, v| {
        if let LayerKind::Loop { size, ltv, .. } = k {
            let leverage = crate::engine::loop_leverage(*ltv, *size);
            *size = if v == "target" {
                LoopSize::Target(leverage)
            } else {
                LoopSize::Loops(crate::engine::loops_for_target(*ltv, leverage))
            };
        }
    });
    let oracle = read(|k| match k {
        LayerKind::Loop { oracle, .. } => Some(oracle.code().into()),
        _ => None,
    });
    let set_oracle = write(|k, v| {
        if let (LayerKind::Loop { oracle, .. }, Ok(o)) = (k, v.parse::<OracleKind>()) {
            *oracle = o;
        }
    });
    let debt = read(|k| match k {
        LayerKind::Loop { debt, .. } => Some(debt.code().into()),
        _ => None,
    });
    let set_debt = write(|k, v| {
        if let (LayerKind::Loop { debt, .. }, Ok(d)) = (k, v.parse::<DebtAsset>()) {
            *debt = d;
        }
    });
    let id = format!("layers-{index}-");
    view! {
        <div class="fields">
            <div class="field">
                <label for=format!("{id}mode")>"Size by"</label>
                <select id=format!("{id}mode") prop:value=mode on:change=set_mode>
                    <option value="loops">"number of loops"</option>
                    <option value="target">"target leverage"</option>
                </select>
            </div>
            {param_field(state, index, LayerParam::LoopSize)}
            <div class="field">
                <label for=format!("{id}oracle")>"Collateral oracle"</label>
                <select id=format!("{id}oracle") prop:value=oracle on:change=set_oracle>
                    {OracleKind::ALL.map(|o| view! { <option value=o.code()>{words::oracle_label(o)}</option> })}
                </select>
            </div>
            <div class="field">
                <label for=format!("{id}debt")>"Borrow"</label>
                <select id=format!("{id}debt") prop:value=debt on:change=set_debt>
                    {[DebtAsset::Base, DebtAsset::Usd].map(|d| view! { <option value=d.code()>{words::debt_label(d)}</option> })}
                </select>
            </div>
        </div>
    }
}

/// An edit of a restake layer's AVS list.
type AvsEdit = Box<dyn FnOnce(&mut Vec<Avs>)>;

/// The AVS list of a restake layer.
fn avs_editor(state: AppState, index: usize) -> impl IntoView {
    let count = Memo::new(move |_| {
        state
            .scenario
            .with(|s| match s.layers.get(index).map(|l| &l.kind) {
                Some(LayerKind::Restake { avs, .. }) => avs.len(),
                _ => 0,
            })
    });
    let with_avs = move |f: AvsEdit| {
        state.scenario.update(|s| {
            if let Some(Layer {
                kind: LayerKind::Restake { avs, .. },
                ..
            }) = s.layers.get_mut(index)
            {
                f(avs)
            }
        })
    };
    let add = move |_| {
        with_avs(Box::new(|avs| {
            avs.push(Avs {
                name: format!("AVS {}", avs.len() + 1),
                reward_apr: 0.005,
                magnitude: 0.1,
                p_slash: 0.005,
                severity: 0.1,
            })
        }))
    };
    view! {
        <div class="avs-list">
            {move || (0..count.get()).map(|j| {
                let name = move || state.scenario.with(|s| match s.layers.get(index).map(|l| &l.kind) {
                    Some(LayerKind::Restake { avs, .. }) => avs.get(j).map(|a| a.name.clone()).unwrap_or_default(),
                    _ => String::new(),
                });
                let set_name = move |ev: leptos::ev::Event| {
                    let v: String = event_target_value(&ev).chars().take(64).collect();
                    with_avs(Box::new(move |avs| if let Some(a) = avs.get_mut(j) { a.name = v }))
                };
                let remove = move |_| with_avs(Box::new(move |avs| if j < avs.len() { avs.remove(j); }));
                let name_id = format!("layers-{index}-avs-{j}-name");
                view! {
                    <fieldset class="avs">
                        <legend class="visually-hidden">{format!("Service {}", j + 1)}</legend>
                        <div class="toolbar">
                            <label for=name_id.clone() class="visually-hidden">{format!("Service {} name", j + 1)}</label>
                            <input id=name_id class="control" type="text" maxlength="64" prop:value=name on:input=set_name/>
                            <button type="button" class="icon-btn" on:click=remove aria-label=format!("Remove service {}", j + 1)>"✕"</button>
                        </div>
                        <div class="fields">
                            {AVS.iter().map(|p| {
                                let value = Signal::derive(move || state.scenario.with(|s| match s.layers.get(index).map(|l| &l.kind) {
                                    Some(LayerKind::Restake { avs, .. }) => avs.get(j).and_then(p.get).unwrap_or(0.0),
                                    _ => 0.0,
                                }));
                                let on_set = Callback::new(move |v: f64| with_avs(Box::new(move |avs| if let Some(a) = avs.get_mut(j) { (p.set)(a, v) })));
                                view! {
                                    <NumberField
                                        label=words::param_label(p.id).0
                                        hint=words::param_label(p.id).1
                                        path=format!("layers[{index}].avs[{j}].{}", p.key)
                                        value=value
                                        on_set=on_set
                                        unit=Unit::of(p.unit, "")
                                    />
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" on:click=add>"+ Add a service (AVS)"</button>
        </div>
    }
}

/// A card for layer `index`.
#[component]
pub fn LayerCard(
    /// Position in the stack.
    index: usize,
    /// Number of layers (for disabling move buttons).
    #[prop(into)]
    count: Signal<usize>,
) -> impl IntoView {
    let state = use_state();
    let is_last = move || index + 1 >= count.get();
    let layer = move || state.scenario.with(|s| s.layers.get(index).cloned());
    let kind = layer().map(|l| l.kind);
    let title = move || layer().map(|l| l.token).unwrap_or_default();
    let subtitle = move || {
        layer()
            .map(|l| {
                format!(
                    "{} · {}",
                    words::kind_label(l.kind.kind()),
                    crate::ui::catalog_glue::protocol_name(&l.protocol)
                )
            })
            .unwrap_or_default()
    };
    let move_by = move |delta: isize| {
        move |_| {
            state.scenario.update(|s| {
                let j = index as isize + delta;
                if j >= 0 && (j as usize) < s.layers.len() {
                    s.layers.swap(index, j as usize);
                }
            });
            state.generation.update(|g| *g += 1);
        }
    };
    let remove = move |_| {
        state.scenario.update(|s| {
            if index < s.layers.len() {
                s.layers.remove(index);
            }
        });
        state.generation.update(|g| *g += 1);
    };
    let token_id = format!("layers-{index}-token");
    let set_token = move |ev: leptos::ev::Event| {
        let v: String = event_target_value(&ev).chars().take(64).collect();
        state.scenario.update(|s| {
            if let Some(l) = s.layers.get_mut(index) {
                l.token = v;
            }
        })
    };
    let kind_code = kind.as_ref().map(LayerKind::kind);
    let product_id = move || {
        state.scenario.with(|s| {
            s.layers
                .get(index)
                .and_then(|l| crate::ui::catalog_glue::product_id_for(l, s.stake.asset))
                .unwrap_or_default()
        })
    };
    let products = move || {
        let asset = state.scenario.with(|s| s.stake.asset);
        kind_code
            .map(|k| crate::ui::catalog_glue::products_for(k, asset))
            .unwrap_or_default()
    };
    let set_product = move |ev: leptos::ev::Event| {
        if let Some(layer) = crate::ui::catalog_glue::product_layer(&event_target_value(&ev)) {
            state.scenario.update(|s| {
                if let Some(l) = s.layers.get_mut(index) {
                    *l = layer;
                }
            });
            state.generation.update(|g| *g += 1);
        }
    };
    let product_sel = format!("layers-{index}-product");
    let kind_specs: Vec<LayerParam> = kind_code
        .map(|k| kind_fields(k).collect())
        .unwrap_or_default();
    let is_loop = matches!(kind, Some(LayerKind::Loop { .. }));
    let is_restake = matches!(kind, Some(LayerKind::Restake { .. }));
    view! {
        <section class="layer-card" data-testid="layer-card" aria-labelledby=format!("layer-{index}-title")>
            <header>
                <div>
                    <h3 id=format!("layer-{index}-title")>{move || format!("{}. {}", index + 1, title())}</h3>
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
                    <input id=token_id type="text" maxlength="64" prop:value=title on:input=set_token/>
                </div>
                {kind_specs.into_iter().map(|p| param_field(state, index, p)).collect_view()}
            </div>
            {is_loop.then(|| loop_controls(state, index))}
            {is_restake.then(|| avs_editor(state, index))}
            <details>
                <summary>"Risk assumptions and points"</summary>
                <div class="fields">
                    {layer_fields().map(|p| param_field(state, index, p)).collect_view()}
                </div>
            </details>
        </section>
    }
}
