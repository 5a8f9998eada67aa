//! The network editor: the reuse rule, services (name, profit from corruption, threshold),
//! operators (name, stake) and each allocation's magnitude, and the shock ψ. Text that does not
//! parse stays in its box with a message beside it and never reaches the network; the engine's
//! objection to a parsed value is shown beside its field, and the last valid result stays on
//! screen.

use super::text::FieldUnit;
use super::Sec;
use crate::engine::security::{
    Allocation, Network, Operator, Reuse, Service, MAX_OPERATORS, MAX_SERVICES,
};
use crate::ui::format::{input_value, parse_input};
use leptos::prelude::*;
use std::sync::Arc;

/// The element id of a field path (`operators[1].stake` → `sec-operators-1--stake`).
fn field_id(path: &str) -> String {
    format!("sec-{}", path.replace(['[', ']', '.'], "-"))
}

/// How a stored number is shown in its box.
fn shown(unit: FieldUnit, x: f64) -> f64 {
    match unit {
        FieldUnit::Percent => x * 100.0,
        FieldUnit::Musd => x,
    }
}

fn stored(unit: FieldUnit, x: f64) -> f64 {
    match unit {
        FieldUnit::Percent => x / 100.0,
        FieldUnit::Musd => x,
    }
}

/// A number box bound to one number of the network. `read` gives the stored value (`None`: no
/// value, an empty box); `write` stores a parsed one (`None`: the box was emptied, where `empty`
/// allows it). `path` names the field as the engine's errors do; `key` names its parse errors.
/// (Generic only in its two closures, which it boxes: the view below is compiled once, not once
/// per call site, which keeps the on-demand build smaller.)
#[allow(clippy::too_many_arguments)]
fn number_box(
    sec: Sec,
    path: Signal<String>,
    key: String,
    label: String,
    unit: FieldUnit,
    empty_ok: bool,
    read: impl Fn(&Network) -> Option<f64> + Send + Sync + 'static,
    write: impl Fn(&mut Network, Option<f64>) + Send + Sync + 'static,
) -> AnyView {
    number_box_dyn(
        sec,
        path,
        key,
        label,
        unit,
        empty_ok,
        Arc::new(read),
        Arc::new(write),
    )
}

type ReadNumber = Arc<dyn Fn(&Network) -> Option<f64> + Send + Sync>;
type WriteNumber = Arc<dyn Fn(&mut Network, Option<f64>) + Send + Sync>;

#[allow(clippy::too_many_arguments)]
fn number_box_dyn(
    sec: Sec,
    path: Signal<String>,
    key: String,
    label: String,
    unit: FieldUnit,
    empty_ok: bool,
    read: ReadNumber,
    write: WriteNumber,
) -> AnyView {
    let id = field_id(&key);
    let err_id = format!("{id}-error");
    let text_of = move || {
        sec.network
            .with_untracked(|n| read(n).map_or_else(String::new, |x| input_value(shown(unit, x))))
    };
    let text = RwSignal::new(text_of());
    Effect::new(move |_| {
        sec.generation.track();
        text.set(text_of());
    });
    let key_for_input = key.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        let parsed = if empty_ok && raw.trim().is_empty() {
            Ok(None)
        } else {
            parse_input(&raw).map(|x| Some(stored(unit, x)))
        };
        match parsed {
            Ok(v) => {
                sec.input_errors.update(|e| {
                    e.remove(&key_for_input);
                });
                sec.network.update(|n| write(n, v));
            }
            Err(msg) => sec.input_errors.update(|e| {
                e.insert(key_for_input.clone(), msg);
            }),
        }
    };
    let key_for_msg = key.clone();
    let message = Memo::new(move |_| {
        sec.input_errors
            .with(|e| e.get(&key_for_msg).cloned())
            .or_else(|| path.with(|p| sec.problem_for(p)))
    });
    let message = move || message.get();
    let invalid = move || message().is_some().then_some("true");
    let suffix = match unit {
        FieldUnit::Percent => "%",
        FieldUnit::Musd => "$M",
    };
    let err_for_aria = err_id.clone();
    view! {
        <span class="sec-input">
            <span class="sec-box">
                <input id=id class="control" type="text" inputmode="decimal" aria-label=label
                    data-testid=format!("sec-field-{key}")
                    aria-invalid=invalid
                    aria-describedby=move || message().is_some().then(|| err_for_aria.clone())
                    prop:value=move || text.get() on:input=on_input/>
                <span class="unit" aria-hidden="true">{suffix}</span>
            </span>
            {move || message().map(|m| view! { <span class="field-error" id=err_id.clone() role="alert" data-testid="sec-field-error">{m}</span> })}
        </span>
    }
    .into_any()
}

/// A text box bound to a name.
fn name_box(
    sec: Sec,
    path: String,
    label: String,
    read: impl Fn(&Network) -> Option<String> + Send + Sync + 'static,
    write: impl Fn(&mut Network, String) + Send + Sync + 'static,
) -> AnyView {
    name_box_dyn(sec, path, label, Arc::new(read), Arc::new(write))
}

type ReadName = Arc<dyn Fn(&Network) -> Option<String> + Send + Sync>;
type WriteName = Arc<dyn Fn(&mut Network, String) + Send + Sync>;

fn name_box_dyn(
    sec: Sec,
    path: String,
    label: String,
    read: ReadName,
    write: WriteName,
) -> AnyView {
    let id = field_id(&path);
    let text = RwSignal::new(sec.network.with_untracked(|n| read(n).unwrap_or_default()));
    Effect::new(move |_| {
        sec.generation.track();
        text.set(sec.network.with_untracked(|n| read(n).unwrap_or_default()));
    });
    let p = path.clone();
    let message = Memo::new(move |_| sec.problem_for(&p));
    let message = move || message.get();
    view! {
        <span class="sec-input">
            <input id=id class="control name" type="text" aria-label=label data-testid=format!("sec-field-{path}")
                aria-invalid=move || message().is_some().then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    text.set(v.clone());
                    sec.network.update(|n| write(n, v));
                }/>
            {move || message().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </span>
    }
    .into_any()
}

/// Switch the reuse rule, keeping every allocation: to full reuse each becomes the whole stake;
/// to unique stake each operator's stake is split equally among the services it secures.
fn with_reuse(mut n: Network, reuse: Reuse) -> Network {
    if n.reuse == reuse {
        return n;
    }
    n.reuse = reuse;
    for o in &mut n.operators {
        let k = o.allocations.len().max(1) as f64;
        for a in &mut o.allocations {
            a.magnitude = match reuse {
                Reuse::Full => 1.0,
                Reuse::Unique => 1.0 / k,
            };
        }
    }
    n
}

/// The editor of one network.
#[component]
pub(super) fn NetworkEditor(
    /// The view's state.
    sec: Sec,
) -> impl IntoView {
    let reuse = Memo::new(move |_| sec.network.with(|n| n.reuse));
    let on_reuse = move |ev: leptos::ev::Event| {
        if let Ok(r) = event_target_value(&ev).parse::<Reuse>() {
            sec.replace(with_reuse(sec.network.get_untracked(), r));
        }
    };
    // The editor's shape (how many services and operators) changes only on a replace.
    let shape = Memo::new(move |_| {
        sec.generation.track();
        sec.network
            .with_untracked(|n| (n.services.len(), n.operators.len(), n.reuse))
    });
    let services = move || {
        let (m, _, _) = shape.get();
        (0..m)
            .map(|s| {
                let name = name_box(
                    sec,
                    format!("services[{s}].name"),
                    format!("Name of service {}", s + 1),
                    move |n| n.services.get(s).map(|x| x.name.clone()),
                    move |n, v| {
                        if let Some(x) = n.services.get_mut(s) {
                            x.name = v;
                        }
                    },
                );
                let label = move |what: &str| {
                    sec.network.with_untracked(|n| {
                        format!(
                            "{what} of {}",
                            n.services.get(s).map_or("the service", |x| x.name.as_str())
                        )
                    })
                };
                let pfc = number_box(
                    sec,
                    Signal::derive(move || format!("services[{s}].pfc")),
                    format!("services[{s}].pfc"),
                    label("Profit from corruption"),
                    FieldUnit::Musd,
                    false,
                    move |n| n.services.get(s).map(|x| x.pfc_musd),
                    move |n, v| {
                        if let (Some(x), Some(v)) = (n.services.get_mut(s), v) {
                            x.pfc_musd = v;
                        }
                    },
                );
                let thr = number_box(
                    sec,
                    Signal::derive(move || format!("services[{s}].thr")),
                    format!("services[{s}].thr"),
                    label("Attack threshold"),
                    FieldUnit::Percent,
                    false,
                    move |n| n.services.get(s).map(|x| x.threshold),
                    move |n, v| {
                        if let (Some(x), Some(v)) = (n.services.get_mut(s), v) {
                            x.threshold = v;
                        }
                    },
                );
                let remove = move |_| {
                    let mut n = sec.network.get_untracked();
                    if n.services.len() > 1 && s < n.services.len() {
                        n.services.remove(s);
                        for o in &mut n.operators {
                            o.allocations.retain(|a| a.service != s);
                            for a in &mut o.allocations {
                                if a.service > s {
                                    a.service -= 1;
                                }
                            }
                        }
                        sec.replace(n);
                    }
                };
                view! {
                    <tr>
                        <td>{name}</td>
                        <td>{pfc}</td>
                        <td>{thr}</td>
                        <td><button type="button" class="icon" aria-label=format!("Remove service {}", s + 1) on:click=remove disabled=m <= 1>"×"</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let service_heads = move || {
        let (m, _, _) = shape.get();
        (0..m)
            .map(|s| {
                let name = move || {
                    sec.network.with(|n| {
                        n.services
                            .get(s)
                            .map(|x| x.name.clone())
                            .unwrap_or_default()
                    })
                };
                view! { <th scope="col">{name}</th> }
            })
            .collect_view()
    };
    let operators = move || {
        let (m, k, reuse) = shape.get();
        (0..k)
            .map(|i| {
                let name = name_box(
                    sec,
                    format!("operators[{i}].name"),
                    format!("Name of operator {}", i + 1),
                    move |n| n.operators.get(i).map(|x| x.name.clone()),
                    move |n, v| {
                        if let Some(x) = n.operators.get_mut(i) {
                            x.name = v;
                        }
                    },
                );
                let op_name = move || {
                    sec.network.with_untracked(|n| {
                        n.operators
                            .get(i)
                            .map_or_else(|| format!("operator {}", i + 1), |x| x.name.clone())
                    })
                };
                let stake = number_box(
                    sec,
                    Signal::derive(move || format!("operators[{i}].stake")),
                    format!("operators[{i}].stake"),
                    format!("Stake of {}", op_name()),
                    FieldUnit::Musd,
                    false,
                    move |n| n.operators.get(i).map(|x| x.stake_musd),
                    move |n, v| {
                        if let (Some(x), Some(v)) = (n.operators.get_mut(i), v) {
                            x.stake_musd = v;
                        }
                    },
                );
                let cells = (0..m)
                    .map(|s| {
                        let svc_name = sec.network.with_untracked(|n| {
                            n.services.get(s).map(|x| x.name.clone()).unwrap_or_default()
                        });
                        let position = move |n: &Network| {
                            n.operators
                                .get(i)
                                .and_then(|o| o.allocations.iter().position(|a| a.service == s))
                        };
                        match reuse {
                            Reuse::Unique => {
                                let path = Signal::derive(move || {
                                    let j = sec.network.with(position).unwrap_or(usize::MAX);
                                    format!("operators[{i}].alloc[{j}].mag")
                                });
                                number_box(
                                    sec,
                                    path,
                                    format!("alloc[{i}][{s}]"),
                                    format!("Magnitude {} allocates to {svc_name} (empty or 0: none)", op_name()),
                                    FieldUnit::Percent,
                                    true,
                                    move |n| {
                                        let j = position(n)?;
                                        n.operators.get(i)?.allocations.get(j).map(|a| a.magnitude)
                                    },
                                    move |n, v| set_allocation(n, i, s, v.filter(|m| *m != 0.0)),
                                )
                                .into_any()
                            }
                            Reuse::Full => {
                                let checked = move || sec.network.with(|n| position(n).is_some());
                                view! {
                                    <input type="checkbox" class="alloc-check"
                                        aria-label=format!("{} secures {svc_name} with its whole stake", op_name())
                                        data-testid=format!("sec-field-alloc[{i}][{s}]")
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            sec.network.update(|n| set_allocation(n, i, s, on.then_some(1.0)));
                                        }/>
                                }
                                .into_any()
                            }
                        }
                    })
                    .map(|cell| view! { <td>{cell}</td> })
                    .collect_view();
                let sum_path = format!("operators[{i}].alloc");
                let sum_message = move || sec.problem_for(&sum_path);
                let remove = move |_| {
                    let mut n = sec.network.get_untracked();
                    if n.operators.len() > 1 && i < n.operators.len() {
                        n.operators.remove(i);
                        sec.replace(n);
                    }
                };
                view! {
                    <tr>
                        <td>{name}</td>
                        <td>{stake}</td>
                        {cells}
                        <td>
                            <button type="button" class="icon" aria-label=format!("Remove operator {}", i + 1) on:click=remove disabled=k <= 1>"×"</button>
                            {move || sum_message().map(|m| view! { <span class="field-error" role="alert" data-testid="sec-field-error">{m}</span> })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let add_service = move |_| {
        let mut n = sec.network.get_untracked();
        if n.services.len() < MAX_SERVICES {
            let mut k = n.services.len() + 1;
            while n.service_index(&format!("Service {k}")).is_some() {
                k += 1;
            }
            n.services.push(Service {
                name: format!("Service {k}"),
                pfc_musd: 100.0,
                threshold: 0.33,
            });
            sec.replace(n);
        }
    };
    let add_operator = move |_| {
        let mut n = sec.network.get_untracked();
        if n.operators.len() < MAX_OPERATORS {
            let k = n.operators.len() + 1;
            n.operators.push(Operator {
                name: format!("Operator {k}"),
                stake_musd: 1000.0,
                allocations: Vec::new(),
            });
            sec.replace(n);
        }
    };
    let shock = number_box(
        sec,
        Signal::derive(|| "shock".to_string()),
        "shock".to_string(),
        "Shock ψ: largest share of all stake destroyed at once".to_string(),
        FieldUnit::Percent,
        false,
        |n| Some(n.shock_ratio),
        |n, v| {
            if let Some(v) = v {
                n.shock_ratio = v;
            }
        },
    );
    view! {
        <div class="sec-editor">
            <div class="field">
                <label for="sec-reuse">"Stake reuse rule"</label>
                <select id="sec-reuse" data-testid="security-reuse" prop:value=move || reuse.get().code() on:change=on_reuse>
                    {Reuse::ALL.map(|r| view! { <option value=r.code()>{super::text::reuse_name(r)}</option> })}
                </select>
                <p class="hint">"Switching keeps every allocation: to full reuse each becomes the whole stake; to unique stake each operator's stake is split equally among its services."</p>
            </div>
            <h3>"Services"</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Services (scrolls sideways)">
                <table class="sec-edit-table" data-testid="security-services-editor">
                    <thead><tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Profit from corruption ($M, an assumption)"</th>
                        <th scope="col">"Attack threshold α (% of its stake)"</th>
                        <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>{services}</tbody>
                </table>
            </div>
            <button type="button" on:click=add_service data-testid="add-service">"Add a service"</button>
            <h3>"Operators and allocations"</h3>
            <p class="hint">{move || match reuse.get() {
                Reuse::Unique => "Each cell is the magnitude (% of the operator's stake) the service can slash; an operator's magnitudes sum to at most 100%. Empty or 0: not allocated.",
                Reuse::Full => "A tick: the operator's whole stake secures the service (and the service can slash all of it).",
            }}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Operators and allocations (scrolls sideways)">
                <table class="sec-edit-table" data-testid="security-operators-editor">
                    <thead><tr>
                        <th scope="col">"Operator"</th>
                        <th scope="col">"Stake ($M)"</th>
                        {service_heads}
                        <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>{operators}</tbody>
                </table>
            </div>
            <button type="button" on:click=add_operator data-testid="add-operator">"Add an operator"</button>
            <div class="field shock-field">
                <label for="sec-shock">"Shock ψ (% of all stake destroyed at once)"</label>
                {shock}
            </div>
        </div>
    }
}

/// Set operator `i`'s allocation to service `s` (`None`: remove it).
fn set_allocation(n: &mut Network, i: usize, s: usize, magnitude: Option<f64>) {
    let Some(o) = n.operators.get_mut(i) else {
        return;
    };
    let at = o.allocations.iter().position(|a| a.service == s);
    match (at, magnitude) {
        (Some(j), Some(m)) => {
            if let Some(a) = o.allocations.get_mut(j) {
                a.magnitude = m;
            }
        }
        (Some(j), None) => {
            o.allocations.remove(j);
        }
        (None, Some(m)) => o.allocations.push(Allocation {
            service: s,
            magnitude: m,
        }),
        (None, None) => {}
    }
}
