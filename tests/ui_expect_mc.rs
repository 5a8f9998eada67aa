#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Writes `target/e2e/expected-mc.json`: the Monte Carlo figures the browser must show, computed
//! natively by the same engine and the same text functions (`restack::ui::simulation::text`) the
//! worker build uses. Same scenario, seed and path count give the same bits natively and in
//! wasm32 (docs/METHODOLOGY.md §11, "Determinism"), so `tests/e2e/mc.test.mjs` compares the
//! page's text with these exactly. Also the query of the benchmark's stack, for
//! `scripts/mc-bench.mjs`.

use restack::catalog::{Catalog, Strategy, STRATEGIES};
use restack::engine::{default_volatility, simulate, Scenario};
use restack::share;
use restack::ui::simulation::text::{basis, causes, figures, result_markup};
use serde_json::{json, Map, Value};

#[path = "support/bench_stack.rs"]
mod bench_stack;

/// Paths of the browser cases: small enough to finish in well under a second in the browser.
const PATHS: u32 = 2_000;

fn strategy(id: &str) -> Scenario {
    Strategy::find(id)
        .and_then(|s| s.scenario(&Catalog::shipped()).ok())
        .unwrap_or_else(|| panic!("strategy {id}"))
}

/// `s` as the page simulates it: `paths` paths, the volatility it used written in (the page
/// writes it into the link before a run).
fn prepared(mut s: Scenario, paths: u32) -> Scenario {
    s.mc.paths = paths;
    if s.mc.volatility.is_none() {
        s.mc.volatility = Some(default_volatility(s.stake.asset));
    }
    s
}

fn case(name: &str, s: &Scenario) -> Value {
    let r = simulate(s).unwrap_or_else(|e| panic!("{name}: {e}"));
    let values: Map<String, Value> = figures(&r)
        .into_iter()
        .map(|f| (f.id.to_string(), json!([f.value, f.sub])))
        .collect();
    let html = result_markup(&r, s);
    for bad in ["NaN", "Infinity"] {
        assert!(!html.contains(bad), "{name}: {bad}");
    }
    let causes: Vec<Value> = causes(&r, s)
        .into_iter()
        .take(5)
        .map(|(label, share, paths)| json!(format!("{label}: {share} of loss paths ({paths})")))
        .collect();
    let bins: Vec<Value> = r.histogram.bins.iter().map(|b| json!(b.paths)).collect();
    json!({
        "name": name,
        "query": share::encode(s, &share::ViewOptions::default()),
        "paths": r.paths,
        "basis": basis(&r, s),
        "figures": values,
        "causes": causes,
        "bins": bins,
        "exact": { "p_loss": r.p_loss, "p_liquidation": r.p_liquidation, "var95": r.var95,
                   "cvar95": r.cvar95, "median_equity": r.median_equity },
    })
}

/// The benchmark's stack (tests/support/bench_stack.rs) as the page runs it.
fn bench_stack() -> Scenario {
    prepared(bench_stack::five_layers(), 100_000)
}

#[test]
fn write_browser_expectations_for_the_simulation() {
    let default = prepared(strategy(STRATEGIES[0].id), PATHS);
    let mut looped = prepared(strategy("eth-weeth-loop"), PATHS);
    looped.mc.p_crash = 0.1;
    looped.mc.crisis = true;
    let cases = vec![case("default", &default), case("loop", &looped)];
    // The long run the cancel test interrupts: the default page at the most paths.
    let long = prepared(strategy(STRATEGIES[0].id), restack::engine::MAX_MC_PATHS);
    let out = json!({
        "cases": cases,
        "long_query": share::encode(&long, &share::ViewOptions::default()),
        "bench_query": share::encode(&bench_stack(), &share::ViewOptions::default()),
    });
    std::fs::create_dir_all("target/e2e").unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string_pretty(&out).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write("target/e2e/expected-mc.json", text).unwrap_or_else(|e| panic!("{e}"));
}
