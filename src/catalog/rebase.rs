//! Moving a scenario to newer figures (after the data file loads or a live refresh) without
//! overwriting what the user typed: a value moves only if it still equals the old preset.

use super::Catalog;
use crate::engine::param::{layer_value, set_layer_value};
use crate::engine::Scenario;

/// `scenario` with every value that still equals its `old` preset moved to the `new` preset's
/// value (stake price and gas price included), and how many values moved.
pub fn rebase_scenario(old: &Catalog, new: &Catalog, scenario: &Scenario) -> (Scenario, usize) {
    let mut out = scenario.clone();
    let mut moved = 0;
    let asset = out.stake.asset;
    if let (Some(o), Some(n)) = (old.price(asset), new.price(asset)) {
        if out.stake.price_usd == o.value && n.value != o.value {
            out.stake.price_usd = n.value;
            moved += 1;
        }
    }
    if let (Some(o), Some(n)) = (old.gas_price(asset), new.gas_price(asset)) {
        if out.costs.gas_price == o.value && n.value != o.value {
            out.costs.gas_price = n.value;
            moved += 1;
        }
    }
    for layer in &mut out.layers {
        let (Some(o), Some(n)) = (old.product_for(layer, asset), new.product_for(layer, asset))
        else {
            continue;
        };
        if o.id != n.id {
            continue;
        }
        for (key, nf) in &n.params {
            let Some(of) = o.params.get(key) else {
                continue;
            };
            if layer_value(layer, key) == Some(of.value)
                && nf.value != of.value
                && set_layer_value(layer, key, nf.value)
            {
                moved += 1;
            }
        }
    }
    (out, moved)
}
