//! The stake's amount, price and horizon: in the stake panel and in an embed (a reader of a blog
//! post enters their own stake there).

use crate::engine::param::{ParamId, STAKE_FIELDS};
use crate::ui::data::use_data;
use crate::ui::field::{NumberField, Unit};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Amount, price and horizon fields.
#[component]
pub fn StakeFields() -> impl IntoView {
    let state = use_state();
    let data = use_data();
    let asset = state.asset;
    STAKE_FIELDS
        .iter()
        .map(|p| {
            let value = Memo::new(move |_| state.scenario.with(|s| (p.get)(s).unwrap_or(0.0)));
            let on_set = Callback::new(move |v| state.edit(|s| (p.set)(s, v)));
            let (label, hint) = crate::ui::words::param_label(p.id);
            match p.id {
                ParamId::StakeAmount => view! {
                    {move || {
                        let ticker = asset.get().ticker();
                        view! {
                            <NumberField label=label path=p.key value=value on_set=on_set
                                unit=Unit::Plain(ticker) hint=hint testid="stake-amount"/>
                        }
                    }}
                }
                .into_any(),
                ParamId::PriceUsd => {
                    let provenance = Signal::derive(move || data.price_provenance(asset.get()));
                    view! {
                        <NumberField label=label path=p.key value=value on_set=on_set
                            unit=Unit::of(p.unit, "") hint=hint provenance=provenance/>
                    }
                    .into_any()
                }
                _ => view! {
                    <NumberField label=label path=p.key value=value on_set=on_set
                        unit=Unit::of(p.unit, "") hint=hint/>
                }
                .into_any(),
            }
        })
        .collect_view()
}
