#![cfg(not(target_arch = "wasm32"))]
//! Golden share links: every link in `tests/fixtures/links/` must decode, forever, to the
//! scenario, view options and notices recorded beside it, and a canonical golden must be exactly
//! what `encode` writes for that scenario today. A failure here means old shared links would open
//! differently: fix the codec, never the fixture (except to add a field the engine gained, with
//! the value v1 decodes it to). Goldens of the security view carry a network too (and may have no
//! scenario: `"scenario": null`).

use restack::engine::security::{validate_network, Network, Reuse};
use restack::engine::{validate::validate, LayerKind, LoopSize, OracleKind, Scenario};
use restack::share::{decode, encode_with_network, Page, ViewOptions};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a golden link decodes to (`<name>.json` beside `<name>.txt`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// What the golden covers.
    about: String,
    /// `true` when `encode(scenario, view)` is exactly the link.
    canonical: bool,
    /// `null` for a link with a network and no scenario.
    scenario: Option<Scenario>,
    /// The security view's network; absent in goldens without one.
    #[serde(default)]
    network: Option<Network>,
    view: ViewOptions,
    /// The notices' sentences, in order.
    notices: Vec<String>,
}

struct Golden {
    name: String,
    link: String,
    expected: Expected,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links")
}

fn goldens() -> Vec<Golden> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap_or_else(|e| unreachable!("tests/fixtures/links is readable: {e}"))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let read = |ext: &str| {
                std::fs::read_to_string(fixtures().join(format!("{name}.{ext}")))
                    .unwrap_or_else(|e| unreachable!("{name}.{ext} is readable: {e}"))
            };
            let expected: Expected = serde_json::from_str(&read("json"))
                .unwrap_or_else(|e| unreachable!("{name}.json is a golden: {e}"));
            let link = read("txt").trim_end_matches(['\n', '\r']).to_string();
            Golden {
                name,
                link,
                expected,
            }
        })
        .collect()
}

#[test]
fn every_golden_link_decodes_to_its_recorded_scenario() {
    // Guards against any change that would make an old link open a different scenario (or with
    // different notices).
    let all = goldens();
    assert!(all.len() >= 6, "at least six goldens, found {}", all.len());
    for g in &all {
        let d = decode(&g.link);
        assert_eq!(d.scenario, g.expected.scenario, "{}", g.name);
        assert_eq!(d.network, g.expected.network, "{}", g.name);
        assert_eq!(d.view, g.expected.view, "{}", g.name);
        let notices: Vec<String> = d.notices.iter().map(ToString::to_string).collect();
        assert_eq!(notices, g.expected.notices, "{}", g.name);
        assert!(!g.expected.about.is_empty(), "{}", g.name);
    }
}

#[test]
fn canonical_goldens_are_what_encode_writes() {
    // Guards against encoder drift: a canonical golden is byte-for-byte today's encoding. The
    // non-canonical ones (hand-edited links) must still re-encode to a link that decodes to the
    // same scenario without notices.
    for g in goldens() {
        let encoded = encode_with_network(
            g.expected.scenario.as_ref(),
            g.expected.network.as_ref(),
            &g.expected.view,
        );
        if g.expected.canonical {
            assert_eq!(encoded, g.link, "{}", g.name);
        } else {
            assert_ne!(encoded, g.link, "{} is marked non-canonical", g.name);
            let again = decode(&encoded);
            assert_eq!(again.scenario, g.expected.scenario, "{}", g.name);
            assert_eq!(again.network, g.expected.network, "{}", g.name);
            assert!(again.notices.is_empty(), "{}: {:?}", g.name, again.notices);
        }
    }
}

#[test]
fn golden_scenarios_are_valid_for_the_engine() {
    // The browser tests open every golden and expect figures, not an error.
    for g in goldens() {
        if let Some(scenario) = &g.expected.scenario {
            assert_eq!(validate(scenario), Ok(()), "{}", g.name);
        }
        if let Some(network) = &g.expected.network {
            assert_eq!(validate_network(network), Ok(()), "{}", g.name);
        }
    }
}

#[test]
fn the_goldens_cover_the_format() {
    // Guards the coverage the goldens promise: every layer kind, both debt assets, every oracle,
    // both loop sizes, several AVSs on one layer, every asset, odd labels, settings, view options,
    // both reuse rules of a network, a network without a scenario.
    let all = goldens();
    let mut seen = BTreeSet::new();
    for g in &all {
        if let Some(n) = &g.expected.network {
            seen.insert(format!("network {}", n.reuse.code()));
        }
        if g.expected.view.page == Page::Security {
            seen.insert("security view".into());
        }
        if g.expected.view != ViewOptions::default() {
            seen.insert("view options".into());
        }
        if !g.expected.canonical {
            seen.insert("hand-edited".into());
        }
        if !g.expected.notices.is_empty() {
            seen.insert("notices".into());
        }
        let Some(s) = &g.expected.scenario else {
            seen.insert("network without scenario".into());
            continue;
        };
        seen.insert(format!("asset {}", s.stake.asset));
        for l in &s.layers {
            seen.insert(format!("kind {}", l.kind.kind()));
            match &l.kind {
                LayerKind::Restake { avs, .. } if avs.len() >= 2 => {
                    seen.insert("several AVSs".into());
                }
                LayerKind::PendleYt {
                    fee_ratio,
                    fee_tier,
                    ..
                } => {
                    if *fee_ratio != 0.03 {
                        seen.insert("yt fee".into());
                    }
                    if *fee_tier != 0.0 {
                        seen.insert("pendle fee tier".into());
                    }
                }
                LayerKind::Loop {
                    size,
                    oracle,
                    debt,
                    close_factor,
                    ..
                } => {
                    if *close_factor != 1.0 {
                        seen.insert("close factor".into());
                    }
                    seen.insert(format!("oracle {}", oracle.code()));
                    seen.insert(format!("debt {}", debt.code()));
                    if matches!(size, LoopSize::Loops(_)) {
                        seen.insert("loops".into());
                    }
                    if matches!(size, LoopSize::Target(_)) {
                        seen.insert("target".into());
                    }
                }
                _ => {}
            }
            if l.costs != Default::default() {
                seen.insert("layer costs".into());
            }
            if l.costs.bought {
                seen.insert("bought".into());
            }
            let labels = [l.protocol.as_str(), l.token.as_str()];
            if labels.iter().any(|t| t.contains('<')) {
                seen.insert("markup label".into());
            }
            if labels.iter().any(|t| t.contains(' ')) {
                seen.insert("label with spaces".into());
            }
            if labels.iter().any(|t| !t.is_ascii()) {
                seen.insert("unicode label".into());
            }
        }
        if s.risk != Default::default() {
            seen.insert("risk settings".into());
        }
        if s.costs != Default::default() {
            seen.insert("gas price".into());
        }
        if s.stress != Default::default() {
            seen.insert("stress settings".into());
        }
        if s.mc != Default::default() {
            seen.insert("monte carlo settings".into());
        }
    }
    let mut want: BTreeSet<String> = [
        "kind stake",
        "kind restake",
        "kind lrt",
        "kind pt",
        "kind yt",
        "kind loop",
        "debt base",
        "debt usd",
        "loops",
        "target",
        "several AVSs",
        "yt fee",
        "close factor",
        "pendle fee tier",
        "layer costs",
        "bought",
        "gas price",
        "markup label",
        "label with spaces",
        "unicode label",
        "risk settings",
        "stress settings",
        "monte carlo settings",
        "view options",
        "hand-edited",
        "notices",
        "asset ETH",
        "asset BTC",
        "asset SOL",
        "asset SUI",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for o in OracleKind::ALL {
        want.insert(format!("oracle {}", o.code()));
    }
    for r in Reuse::ALL {
        want.insert(format!("network {}", r.code()));
    }
    want.insert("security view".into());
    want.insert("network without scenario".into());
    let missing: Vec<&String> = want.difference(&seen).collect();
    assert!(missing.is_empty(), "goldens miss {missing:?}");
}
