//! The form field bound to one number of the scenario. The text the user types is kept as typed;
//! only text that parses reaches the scenario. The message next to the field is either the
//! parse error or the engine's validation error for the same field path.

use crate::ui::format::{input_value, parse_input};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// How a stored number is shown in its input box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Stored as a fraction, shown as a percentage (0.032 ↔ "3.2" %).
    Percent,
    /// Shown as stored, with a unit label ("ETH", "days", "×", "$").
    Plain(&'static str),
}

impl Unit {
    /// How a number of the engine's `unit` is shown; `amount` labels an amount of the asset.
    pub fn of(unit: crate::engine::param::Unit, amount: &'static str) -> Unit {
        use crate::engine::param::Unit as U;
        match unit {
            U::Fraction | U::Rate => Unit::Percent,
            U::Days => Unit::Plain("days"),
            U::Amount => Unit::Plain(amount),
            U::Usd => Unit::Plain("USD"),
            U::Gas => Unit::Plain("gas"),
            U::GasPrice => Unit::Plain("gwei"),
        }
    }

    fn to_display(self, stored: f64) -> f64 {
        match self {
            Unit::Percent => stored * 100.0,
            _ => stored,
        }
    }
    fn to_stored(self, shown: f64) -> f64 {
        match self {
            Unit::Percent => shown / 100.0,
            Unit::Plain(_) => shown,
        }
    }
    fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Plain(u) => u,
        }
    }

    /// What the field measures, for wording its validation messages.
    fn measure(self) -> crate::engine::param::Unit {
        use crate::engine::param::Unit as U;
        match self {
            Unit::Percent => U::Fraction,
            Unit::Plain("days") => U::Days,
            Unit::Plain("USD") => U::Usd,
            Unit::Plain(_) => U::Amount,
        }
    }
}

/// Where a prefilled figure came from: shown under the field and in its tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// Source (article, docs page).
    pub source: String,
    /// Date of the figure.
    pub as_of: String,
    /// No published figure: an editable assumption.
    pub assumption: bool,
    /// Why this value, or how it was derived.
    pub note: String,
}

/// The element id of the input for a field path (`layers[1].ltv` → `layers-1--ltv`).
pub fn field_id(path: &str) -> String {
    path.replace(['[', ']', '.'], "-")
}

/// A numeric input bound to one number of the scenario.
#[component]
pub fn NumberField(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Field path, matching the engine's error paths (`layers[1].ltv`); also the element id.
    #[prop(into)]
    path: String,
    /// The stored value.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with the stored (not displayed) value when the text parses.
    on_set: Callback<f64>,
    /// Display unit.
    unit: Unit,
    /// One-line hint: range, meaning.
    #[prop(optional, into)]
    hint: String,
    /// Preset provenance, if the value came from the catalog.
    #[prop(optional, into)]
    provenance: Signal<Option<Provenance>>,
    /// `data-testid` for the input; defaults to `field-<path>` (`field-layers[1].ltv`).
    #[prop(optional, into)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let state = use_state();
    let id = field_id(&path);
    let testid = testid.map_or_else(|| format!("field-{path}"), str::to_string);
    let text = RwSignal::new(input_value(unit.to_display(value.get_untracked())));
    // Follow external changes (strategy, link, reorder) unless the typed text already means it.
    Effect::new(move |_| {
        let v = value.get();
        state.generation.track();
        let typed = parse_input(&text.get_untracked()).map(|x| unit.to_stored(x));
        if typed != Ok(v) {
            text.set(input_value(unit.to_display(v)));
        }
    });
    let local_error = RwSignal::new(None::<String>);
    let path_for_engine = path.clone();
    let path_for_input = path.clone();
    let error = Signal::derive(move || {
        local_error.get().or_else(|| {
            state
                .engine_problem_for(&path_for_engine)
                .map(|p| crate::ui::words::problem_text(&p, unit.measure(), unit.label()))
        })
    });
    // A field that disappears (layer removed) takes its parse error with it.
    let path_for_cleanup = path.clone();
    on_cleanup(move || state.set_input_error(&path_for_cleanup, None));
    Effect::new(move |_| {
        state.generation.track();
        local_error.set(None);
    });

    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        match parse_input(&raw) {
            Ok(x) => {
                local_error.set(None);
                state.set_input_error(&path_for_input, None);
                on_set.run(unit.to_stored(x));
            }
            Err(msg) => {
                state.set_input_error(&path_for_input, Some(msg.clone()));
                local_error.set(Some(msg));
            }
        }
    };
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let describedby = format!("{hint_id} {err_id}");
    let title = move || {
        provenance.get().map(|p| {
            format!(
                "{}Source: {} (as of {}){}{}",
                if p.assumption { "Assumption. " } else { "" },
                p.source,
                p.as_of,
                if p.note.is_empty() { "" } else { ". " },
                p.note
            )
        })
    };
    let unit_label = unit.label();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <div class="unit-wrap">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=testid
                    data-path=path.clone()
                    prop:value=move || text.get()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=describedby
                    title=title
                    on:input=on_input
                />
                {(!unit_label.is_empty()).then(|| view! { <span class="unit" aria-hidden="true">{unit_label}</span> })}
            </div>
            <p class="source" id=hint_id>
                {(!hint.is_empty()).then(|| hint.clone())}
                {move || provenance.get().map(|p| view! {
                    " "
                    {p.assumption.then(|| view! { <span class="badge" title="No published figure: an editable assumption">"assumption"</span> " " })}
                    {format!("{} · {}", p.source, p.as_of)}
                })}
            </p>
            {move || error.get().map(|e| view! {
                <p class="field-error" id=err_id.clone() data-testid="field-error" role="alert">{e}</p>
            })}
        </div>
    }
}
