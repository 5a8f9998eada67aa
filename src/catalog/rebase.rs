//! Moving a scenario to newer figures (after the data file loads or a live refresh) without
//! overwriting what the user typed: a value moves only if it still equals the old preset.

use super::Catalog;
use crate::engine::{Layer, LayerKind, Scenario};

/// The number of a layer that a product parameter key names, if the layer has it.
fn value_mut<'a>(layer: &'a mut Layer, key: &str) -> Option<&'a mut f64> {
    let r = &mut layer.risk;
    match key {
        "p_exploit" => return Some(&mut r.p_exploit),
        "exploit_loss" => return Some(&mut r.exploit_loss),
        "p_depeg" => return Some(&mut r.p_depeg),
        "depeg_loss" => return Some(&mut r.depeg_loss),
        "exit_days" => return Some(&mut r.exit_days),
        "market_share" => return Some(&mut r.market_share),
        "points_apr" => return Some(&mut layer.points_apr),
        _ => {}
    }
    match (&mut layer.kind, key) {
        (LayerKind::Stake { base_apr, .. }, "base_apr") => Some(base_apr),
        (
            LayerKind::Stake { fee_ratio, .. } | LayerKind::LiquidRestake { fee_ratio },
            "fee_ratio",
        ) => Some(fee_ratio),
        (
            LayerKind::Restake {
                commission_ratio, ..
            },
            "commission_ratio",
        ) => Some(commission_ratio),
        (
            LayerKind::PendlePt { implied_apy, .. } | LayerKind::PendleYt { implied_apy, .. },
            "implied_apy",
        ) => Some(implied_apy),
        (
            LayerKind::PendlePt { maturity_days, .. } | LayerKind::PendleYt { maturity_days, .. },
            "maturity_days",
        ) => Some(maturity_days),
        (LayerKind::PendleYt { reward_apr, .. }, "reward_apr") => Some(reward_apr),
        (LayerKind::Loop { ltv, .. }, "ltv") => Some(ltv),
        (LayerKind::Loop { liq_threshold, .. }, "liq_threshold") => Some(liq_threshold),
        (LayerKind::Loop { liq_bonus, .. }, "liq_bonus") => Some(liq_bonus),
        (LayerKind::Loop { borrow_apr, .. }, "borrow_apr") => Some(borrow_apr),
        (LayerKind::Loop { supply_apr, .. }, "supply_apr") => Some(supply_apr),
        _ => None,
    }
}

/// `scenario` with every value that still equals its `old` preset moved to the `new` preset's
/// value (stake price included), and how many values moved.
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
            if let Some(v) = value_mut(layer, key) {
                if *v == of.value && nf.value != of.value {
                    *v = nf.value;
                    moved += 1;
                }
            }
        }
    }
    (out, moved)
}
