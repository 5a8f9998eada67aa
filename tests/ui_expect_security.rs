#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Writes `target/e2e/expected-security.json`: what the security view (`view=security`) must show
//! for each preset network and for an edited one, computed natively by the same engine and the
//! same text functions the view uses (`restack::ui::security::text`). The browser tests
//! (`tests/e2e/security.test.mjs`) compare the page against it. The presets' headline figures are
//! also checked against the hand-worked example (f) of docs/METHODOLOGY.md §13.

use restack::catalog::{NetworkPreset, NETWORK_PRESETS};
use restack::engine::security::{analyse, Network};
use restack::share::{self, Page, ViewOptions};
use restack::ui::security::text;
use serde_json::{json, Value};

fn network(p: &NetworkPreset) -> Network {
    p.network()
        .unwrap_or_else(|| panic!("preset {} decodes to a network", p.id))
}

fn figures(n: &Network) -> Value {
    let a = analyse(n).unwrap_or_else(|e| panic!("{e}"));
    json!(text::figures(n, &a))
}

fn preset(id: &str) -> &'static NetworkPreset {
    NetworkPreset::find(id).unwrap_or_else(|| panic!("preset {id}"))
}

/// The edit the browser test makes: Operator A's AI compute AVS magnitude from 20 % to 50 %.
const EDIT_OPERATOR: usize = 0;
const EDIT_SERVICE: usize = 1;
const EDIT_MAGNITUDE: f64 = 0.5;

#[test]
fn presets_match_the_hand_worked_example() {
    // docs/METHODOLOGY.md §13 (f), worked by hand there.
    // EigenLayer: γ* = 970.2 / 700 − 1 = 0.386; EigenDA alone costs 1,455.3 for 900, but its
    // margin counts the joint attack on both: (1,455.3 + 970.2) / (900 + 700) − 1 = 0.516;
    // the shock (A's and C's AI allocations, 1,386) then D's and E's (693) take the AI AVS:
    // 2,079 of 13,860 lost = 15.0 %; bound (1 + 1/0.386)·0.1 = 35.9 %.
    let n = network(preset("eigenlayer-unique"));
    let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
    let f = text::figures(&n, &a);
    assert!(
        f.network_margin.starts_with("0.386 "),
        "{}",
        f.network_margin
    );
    assert_eq!(f.services[0].margin, "0.516");
    assert_eq!(f.services[0].cost, "$1,455.3M");
    assert_eq!(f.services[1].cost, "$970.2M");
    assert_eq!(f.services[1].margin, "0.386");
    assert_eq!(f.cascade.loss, "$2,079M (15.0% of all stake)");
    assert_eq!(f.cascade.fallen, vec!["AI compute AVS".to_string()]);
    assert!(f.bound.starts_with("at most 35.9% "), "{}", f.bound);
    // Babylon: C + D + E (2,497) take all three for 2,100: γ* = 0.189; the shock takes E (554),
    // then C and D (1,943) take all three at once: 2,497 of 5,549 = 45.0 %; bound 62.9 %.
    let n = network(preset("babylon-full"));
    let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
    let f = text::figures(&n, &a);
    assert!(
        f.network_margin.starts_with("0.189 "),
        "{}",
        f.network_margin
    );
    assert_eq!(f.cascade.loss, "$2,497M (45.0% of all stake)");
    assert_eq!(f.cascade.fallen.len(), 3);
    assert!(f.bound.starts_with("at most 62.9% "), "{}", f.bound);
}

#[test]
fn writes_the_security_view_expectations() {
    let presets: Vec<Value> = NETWORK_PRESETS
        .iter()
        .map(|p| {
            let n = network(p);
            json!({
                "id": p.id,
                "query": p.link,
                "services": n.services.len(),
                "operators": n.operators.len(),
                "figures": figures(&n),
            })
        })
        .collect();
    let first = NETWORK_PRESETS
        .first()
        .unwrap_or_else(|| panic!("a preset"));
    let mut edited = network(first);
    let alloc = edited
        .operators
        .get_mut(EDIT_OPERATOR)
        .and_then(|o| o.allocations.iter_mut().find(|a| a.service == EDIT_SERVICE))
        .unwrap_or_else(|| panic!("the allocation to edit"));
    alloc.magnitude = EDIT_MAGNITUDE;
    let edited_figures = figures(&edited);
    // By hand: the AI AVS's securing stake becomes 2,079 + 693 + 554.4 + 415.8 + 277.2 =
    // 4,019.4; a third (0.33) is 1,326.4, and the cheapest allocations above it are B + D + E =
    // 1,386 (B + C + E 1,524.6; C + D + E 1,247.4 is short). γ* is then EigenDA's own
    // 1,455.3 / 900 − 1 = 0.617, below the AI AVS's and the joint attack's.
    assert_eq!(edited_figures["services"][1]["cost"], json!("$1,386M"));
    assert!(edited_figures["network_margin"]
        .as_str()
        .is_some_and(|m| m.starts_with("0.617 ")));
    assert_ne!(
        edited_figures,
        figures(&network(first)),
        "the edit changes the page"
    );
    let view = ViewOptions {
        page: Page::Security,
        ..Default::default()
    };
    // The engine's example stack beside the first preset: its exposure (§13 (f): the worst
    // cascade would slash 0.2 of its restaked backing).
    let stack = share::decode(restack::catalog::DEFAULT_LINK)
        .scenario
        .unwrap_or_else(|| panic!("default link"));
    let exposure_query = share::encode_with_network(Some(&stack), Some(&network(first)), &view);
    let n = network(first);
    let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
    let e = restack::engine::security::exposure(&stack, &n, &a);
    let cascade_slash: Vec<Value> = e
        .layers
        .iter()
        .map(|l| json!(l.cascade_slash_ratio.map(restack::ui::format::percent)))
        .collect();
    assert_eq!(cascade_slash, vec![json!("20.0%")]);
    let out = json!({
        "default_preset": first.id,
        "presets": presets,
        "edit": {
            "preset": first.id,
            "field": format!("alloc[{EDIT_OPERATOR}][{EDIT_SERVICE}]"),
            "text": "50",
            "figures": edited_figures,
        },
        "exposure": {
            "query": exposure_query,
            "cascade": cascade_slash,
        },
    });
    let text = serde_json::to_string_pretty(&out).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all("target/e2e").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write("target/e2e/expected-security.json", text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_drawing_marks_the_cascade_step_by_step_and_escapes_names() {
    use restack::ui::security::drawing::draw;
    // Guards against a drawing that disagrees with the steps table, marks steps it was asked not
    // to show, or lets a name through as markup.
    let mut n = network(preset("eigenlayer-unique"));
    if let Some(s) = n.services.get_mut(1) {
        s.name = "<b>AI</b>".into();
    }
    let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
    let all = draw(&n, &a, None);
    assert!(!all.contains("<b>"), "names are escaped");
    assert!(all.contains("&lt;b&gt;AI&lt;/b&gt;"));
    // The AI AVS falls at step 1: one fallen service node, two shocked links, two slashed ones.
    assert_eq!(all.matches("node service fallen").count(), 1);
    assert_eq!(all.matches("link shocked").count(), 2);
    assert_eq!(all.matches("link fallen").count(), 2);
    // Up to the shock only: the shock is marked, nothing has fallen yet.
    let shock = draw(&n, &a, Some(0));
    assert_eq!(shock.matches("fallen").count(), 0);
    assert_eq!(shock.matches("link shocked").count(), 2);
    assert!(!all.contains("NaN") && !all.contains("inf"));
}
