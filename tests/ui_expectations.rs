#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Writes `target/e2e/expected.json`: the figures the browser must show for given scenarios,
//! computed natively by the same engine and the same text functions the UI uses. The browser
//! tests (`tests/e2e/calculator.test.mjs`, `share.test.mjs`) compare the page against it, so a
//! wrong binding, a stale render or a lost digit fails there.

use restack::catalog::{Catalog, Strategy, STRATEGIES};
use restack::engine::{evaluate, LayerKind, Scenario};
use restack::share;
use restack::ui::results::{headline_values, layer_cells, CrisisRow};
use serde_json::{json, Map, Value};

fn figures(s: &Scenario) -> (Value, Value) {
    let report = evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    let headline: Map<String, Value> = headline_values(&report.summary, s.stake.asset.ticker())
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect();
    let cells: Vec<Value> = report
        .layers
        .iter()
        .map(|l| json!(layer_cells(l)))
        .collect();
    (Value::Object(headline), Value::Array(cells))
}

/// The historical crises' rows as the page shows them: [crisis, shock, equity after, change,
/// liquidated, breaks first, exit].
fn crises(s: &Scenario) -> Value {
    let report = evaluate(s).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<Value> = Catalog::shipped()
        .crises
        .iter()
        .map(|c| {
            let r = restack::engine::replay_crisis(s, &c.shock()).unwrap_or_else(|e| panic!("{e}"));
            let row = CrisisRow::new(c, &r, s.stake.asset.ticker(), &report.layers);
            json!([
                format!("{}{}", row.name, row.dates),
                row.profile,
                row.equity,
                row.change,
                if row.liquidated { "liquidated" } else { "no" },
                row.breaks,
                row.exit
            ])
        })
        .collect();
    Value::Array(rows)
}

fn strategy(id: &str) -> Scenario {
    Strategy::find(id)
        .and_then(|s| s.scenario(&Catalog::shipped()).ok())
        .unwrap_or_else(|| panic!("strategy {id}"))
}

fn case(name: &str, strategy_id: &str, s: &Scenario, edit: Value) -> Value {
    let (headline, layer_cells) = figures(s);
    json!({ "name": name, "strategy": strategy_id, "query": share::encode(s, &share::ViewOptions::default()),
            "headline": headline, "layer_cells": layer_cells, "crises": crises(s), "edit": edit })
}

#[test]
fn write_browser_expectations() {
    let default_id = STRATEGIES[0].id;
    let default = strategy(default_id);
    let mut cases = vec![case("default", default_id, &default, Value::Null)];

    let mut ten = default.clone();
    ten.stake.amount = 10.0;
    cases.push(case("default-amount-10", default_id, &ten, Value::Null));

    let loop_s = strategy("eth-weeth-loop");
    cases.push(case("loop", "eth-weeth-loop", &loop_s, Value::Null));
    let mut edited = loop_s.clone();
    let idx = edited
        .layers
        .iter()
        .position(|l| matches!(l.kind, LayerKind::Loop { .. }))
        .unwrap_or_else(|| panic!("the loop strategy has a loop"));
    if let Some(LayerKind::Loop { borrow_apr, .. }) =
        edited.layers.get_mut(idx).map(|l| &mut l.kind)
    {
        *borrow_apr = 0.035;
    }
    cases.push(case(
        "loop-edited",
        "eth-weeth-loop",
        &edited,
        json!({ "testid": format!("field-layers[{idx}].borrow_apr"), "text": "3.5" }),
    ));
    for s in &STRATEGIES {
        cases.push(case(
            &format!("strategy-{}", s.id),
            s.id,
            &strategy(s.id),
            Value::Null,
        ));
    }

    // Each kind of field: parse errors and engine range errors, and the text that restores it.
    let invalid = json!([
        { "testid": "stake-amount", "text": "abc", "message": "is not a number", "restore": "32" },
        { "testid": "stake-amount", "text": "-5", "message": "Enter a value above 0 ETH", "restore": "32" },
        { "testid": "stake-amount", "text": "1e308", "message": "Enter at most 1,000,000,000,000 ETH", "restore": "32" },
        { "testid": "field-stake.price_usd", "text": "1e400", "message": "too large", "restore": "3000" },
        { "testid": "field-horizon_days", "text": "0", "message": "Enter a value above 0 days", "restore": "365" },
        { "testid": "field-layers[0].base_apr", "text": "", "message": "enter a number", "restore": "3" },
        { "testid": "field-layers[3].implied_apy", "text": "5000", "message": "Enter at most 1,000%", "restore": "3" },
        { "testid": "field-layers[3].maturity_days", "text": "0", "message": "A YT at maturity is worth 0", "restore": "180" },
    ]);

    let mut golden = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir("tests/fixtures/links")
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let query = text.trim().trim_start_matches('?').to_string();
        let decoded = share::decode(&query);
        let Some(s) = decoded.scenario else { continue };
        // A link to another view (view=security) opens that view, not the calculator: its own
        // browser tests open it (tests/e2e/security.test.mjs).
        if decoded.view.page != share::Page::Calculator {
            continue;
        }
        if evaluate(&s).is_err() {
            continue;
        }
        let (headline, _) = figures(&s);
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        golden.push(
            json!({ "name": name, "query": query, "headline": headline, "layers": s.layers.len() }),
        );
    }
    assert!(golden.len() >= 6, "golden links evaluate");

    // The compare view for the default page: each row's id and its cells after the name.
    let compare: Vec<Value> = restack::ui::compare::text::rows(&Catalog::shipped(), &default)
        .into_iter()
        .map(|(row, _, _)| {
            json!({ "id": row.id, "name": row.cells.first(), "cells": row.cells.get(1..),
                    "point": [row.point.0, row.point.1] })
        })
        .collect();
    let out = json!({ "cases": cases, "invalid": invalid, "golden": golden, "compare": compare,
                      "compare_query": share::encode(&default, &share::ViewOptions {
                          page: share::Page::Compare, ..Default::default() }) });
    std::fs::create_dir_all("target/e2e").unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string_pretty(&out).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write("target/e2e/expected.json", text).unwrap_or_else(|e| panic!("{e}"));
}
