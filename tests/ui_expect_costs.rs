#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Writes `target/e2e/expected-costs.json`: the cost figures the page must show (entry and exit
//! cost, APY after costs, break-even day, per-layer cost cells; docs/METHODOLOGY.md §12),
//! computed natively by the engine and the same text functions the UI uses. The browser test
//! `tests/e2e/costs.test.mjs` compares the page against it.

use restack::catalog::{Catalog, Strategy, STRATEGIES};
use restack::engine::{evaluate, Scenario};
use restack::share;
use restack::ui::results::{cost_values, exit_text, layer_cost_text, min_stake_text};
use serde_json::{json, Map, Value};

fn strategy(id: &str) -> Scenario {
    Strategy::find(id)
        .and_then(|s| s.scenario(&Catalog::shipped()).ok())
        .unwrap_or_else(|| panic!("strategy {id}"))
}

/// The cost figures by `data-testid` and the per-layer cost cells, as the page shows them.
fn figures(s: &Scenario) -> (Map<String, Value>, Vec<String>) {
    let r = evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    let mut costs: Map<String, Value> = cost_values(&r)
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect();
    // The break-even stake, on the line under the break-even day.
    let min_stake = min_stake_text(
        &r.summary.costs.min_stake,
        s.stake.asset.ticker(),
        s.horizon_days,
    );
    if !costs.is_empty() {
        costs.insert("min-stake".into(), Value::String(min_stake));
        // Which exit the totals count, on the line under the exit cost.
        let exit = exit_text(&r.summary.costs, &r.layers);
        costs.insert("exit-path".into(), Value::String(exit));
    }
    let cells = r
        .layers
        .iter()
        .map(|l| layer_cost_text(l, &r.layers))
        .collect();
    (costs, cells)
}

fn case(name: &str, s: &Scenario, edit: Value) -> Value {
    let (costs, layer_costs) = figures(s);
    json!({ "name": name, "query": share::encode(s, &share::ViewOptions::default()),
            "costs": costs, "layer_costs": layer_costs, "edit": edit })
}

#[test]
fn a_native_stake_costs_its_deposit_gas_by_hand() {
    // METHODOLOGY §12: gas_usd = gas units × gas price × 1e-9 × P. The native ETH stake enters
    // with one deposit of 60,000 gas (the catalog's figure) at 1 gwei and $3,000:
    // 60,000 × 1 × 1e-9 × 3,000 = $0.18; it leaves with a signed message (0 gas), so its exit
    // costs nothing.
    let s = strategy("eth-native");
    let (costs, _) = figures(&s);
    assert_eq!(costs.get("entry-cost"), Some(&json!("$0.18")), "{costs:?}");
    assert_eq!(costs.get("exit-cost"), Some(&json!("$0")), "{costs:?}");
}

#[test]
fn write_cost_expectations() {
    let default_id = STRATEGIES[0].id;
    let default = strategy(default_id);
    let mut cases = vec![case("default", &default, Value::Null)];

    // A small stake: the gas (fixed in USD) now weighs on the yield, and the break-even matters.
    let mut small = default.clone();
    small.stake.amount = 0.05;
    cases.push(case("small-stake", &small, Value::Null));

    // A stake smaller than its gas: 740,000 gas to enter the default stack (70,000 + 250,000 +
    // 190,000 + 230,000, the catalog's figures) at 1 gwei and $3,000 is $2.22, more than the
    // $0.30 staked, so it never breaks even (METHODOLOGY §12).
    let mut tiny = default.clone();
    tiny.stake.amount = 0.0001;
    let (tiny_costs, _) = figures(&tiny);
    assert_eq!(tiny_costs.get("break-even-days"), Some(&json!("never")));
    cases.push(case("tiny-stake", &tiny, Value::Null));

    // Editing the gas price in the stake panel.
    let mut gas = default.clone();
    gas.costs.gas_price = 20.0;
    cases.push(case(
        "default-gas-20",
        &gas,
        json!({ "testid": "field-costs.gas_price", "text": "20" }),
    ));

    // Editing a layer's price impact in its cost group (the YT on top of the default stack).
    let top = default.layers.len() - 1;
    let mut impact = default.clone();
    if let Some(l) = impact.layers.get_mut(top) {
        l.costs.impact = 0.03;
    }
    cases.push(case(
        "default-yt-impact-3",
        &impact,
        json!({ "testid": format!("field-layers[{top}].impact"), "text": "3" }),
    ));

    // Today's ETH price from the prices API (tests/e2e/costs.test.mjs answers $3,100): the
    // untouched price moves, and with it the gas in USD.
    let mut priced = default.clone();
    priced.stake.price_usd = 3_100.0;
    cases.push(case("default-price-3100", &priced, Value::Null));

    let out = json!({ "cases": cases });
    let dir = std::path::Path::new("target/e2e");
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("expected-costs.json"),
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Sanity: the default page has costs, and no figure is a placeholder.
    for c in &cases {
        let text = c.to_string();
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    }
    assert!(
        cases
            .first()
            .and_then(|c| c.get("costs"))
            .and_then(|c| c.get("entry-cost"))
            .is_some_and(Value::is_string),
        "default costs"
    );
}
