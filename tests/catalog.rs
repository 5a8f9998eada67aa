#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Catalog: every preset and strategy evaluates; the shipped data file equals the compiled-in
//! snapshot; malformed data files and live answers are rejected with their reason; rebasing keeps
//! what the user typed.

use proptest::prelude::*;
use restack::catalog::live::{apply_live, MAPPINGS};
use restack::catalog::{
    parse_payload, rebase_scenario, Catalog, PayloadError, Strategy, STRATEGIES,
};
use restack::engine::{evaluate, Asset, LayerKind, RiskSettings, Scenario, Stake, StressSettings};

const DATA_FILE: &str = "public/data/protocols.json";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/catalog/{name}"))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The shipped data file with one fault (or one change) made to it, by name. The browser tests
/// use the same variants (written to `target/e2e/data/` by `write_data_file_variants`), so every
/// bad file is the good one with one thing wrong, and follows it when it changes.
fn variant(name: &str) -> String {
    let text = std::fs::read_to_string(DATA_FILE).unwrap_or_else(|e| panic!("{DATA_FILE}: {e}"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let product = |v: &mut serde_json::Value, id: &str| -> serde_json::Value {
        v["products"]
            .as_array()
            .and_then(|ps| ps.iter().position(|p| p["id"] == id))
            .map(|i| serde_json::json!(i))
            .unwrap_or_else(|| panic!("no product {id}"))
    };
    let at = |v: &mut serde_json::Value, id: &str| -> usize {
        product(v, id).as_u64().unwrap_or_else(|| panic!("{id}")) as usize
    };
    match name {
        "stale" => {
            // An older file: dated 2025-06, with EtherFi's staking APR at 3.4 %.
            v["as_of"] = "2025-06".into();
            let i = at(&mut v, "etherfi-eeth");
            v["products"][i]["params"]["base_apr"]["value"] = 0.034.into();
            v["products"][i]["params"]["base_apr"]["as_of"] = "2025-06".into();
        }
        "ltv-above-threshold" => {
            let i = at(&mut v, "aave-weeth-loop");
            v["products"][i]["params"]["ltv"]["value"] = 0.97.into();
        }
        "wrong-type" => {
            let i = at(&mut v, "etherfi-eeth");
            v["products"][i]["params"]["base_apr"]["value"] = "three percent".into();
        }
        "missing-figure" => {
            let i = at(&mut v, "etherfi-eeth");
            if let Some(params) = v["products"][i]["params"].as_object_mut() {
                params.remove("base_apr");
            }
        }
        "negative-price" => v["prices"]["ETH"]["value"] = (-1.0).into(),
        "gas-not-the-sum" => {
            let i = at(&mut v, "aave-weeth-loop");
            v["products"][i]["params"]["gas_in"]["value"] = 500_000.0.into();
        }
        "gas-unknown-operation" => {
            let i = at(&mut v, "etherfi-eeth");
            v["products"][i]["gas_ops"]["entry"] = serde_json::json!(["teleport"]);
        }
        "gas-price-not-an-asset" => {
            v["gas_prices"]["DOGE"] = v["gas_prices"]["ETH"].clone();
        }
        "gas-units-wrong-unit" => v["gas_units"]["pendle_swap"]["unit"] = "number".into(),
        "without-costs" => {
            // A data file written before the cost model: no gas sections, no cost figures.
            if let Some(top) = v.as_object_mut() {
                top.remove("gas_prices");
                top.remove("gas_units");
            }
            for p in v["products"].as_array_mut().into_iter().flatten() {
                if let Some(p) = p.as_object_mut() {
                    p.remove("gas_ops");
                }
                if let Some(params) = p["params"].as_object_mut() {
                    for key in ["gas_in", "gas_out", "swap_fee", "impact", "fee_tier"] {
                        params.remove(key);
                    }
                }
            }
        }
        "assumption-without-note" => {
            let i = at(&mut v, "etherfi-eeth");
            v["products"][i]["params"]["fee_ratio"]["assumption"] = true.into();
            v["products"][i]["params"]["fee_ratio"]["note"] = "".into();
        }
        other => panic!("no variant {other}"),
    }
    let mut out = serde_json::to_string_pretty(&v).unwrap_or_else(|e| panic!("{e}"));
    out.push('\n');
    out
}

/// The variants the browser tests serve.
const VARIANTS: [&str; 6] = [
    "stale",
    "ltv-above-threshold",
    "wrong-type",
    "missing-figure",
    "negative-price",
    "assumption-without-note",
];

#[test]
fn write_data_file_variants() {
    std::fs::create_dir_all("target/e2e/data").unwrap_or_else(|e| panic!("{e}"));
    for name in VARIANTS {
        std::fs::write(format!("target/e2e/data/{name}.json"), variant(name))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // The stale file is valid: the page uses it.
    assert!(parse_payload(&variant("stale")).is_ok());
}

fn shipped_file() -> String {
    std::fs::read_to_string(DATA_FILE).unwrap_or_else(|e| panic!("{DATA_FILE}: {e}"))
}

#[test]
fn every_product_evaluates_alone() {
    let cat = Catalog::shipped();
    for p in &cat.products {
        let layer = p.to_layer().unwrap_or_else(|e| panic!("{e}"));
        let scenario = Scenario {
            stake: Stake {
                amount: 1.0,
                asset: p.asset,
                price_usd: cat.price(p.asset).map_or(1.0, |f| f.value),
            },
            horizon_days: 365.0,
            layers: vec![layer],
            risk: RiskSettings::default(),
            stress: StressSettings::default(),
            mc: Default::default(),
            costs: Default::default(),
        };
        let report = evaluate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert!(report.summary.net.apy.is_finite(), "{}", p.id);
    }
}

#[test]
fn every_strategy_evaluates_with_sane_figures() {
    let cat = Catalog::shipped();
    for s in &STRATEGIES {
        let scenario = s.scenario(&cat).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        assert_eq!(scenario.stake.asset, s.asset);
        assert_eq!(scenario.layers.len(), s.products.len());
        let r = evaluate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        assert!(
            r.summary.net.apy > -0.5 && r.summary.net.apy < 1.0,
            "{}: {}",
            s.id,
            r.summary.net.apy
        );
        assert!((0.0..=1.0).contains(&r.summary.expected_loss), "{}", s.id);
    }
    // One strategy per asset at least, and the per-asset first exists.
    for a in Asset::ALL {
        assert!(Strategy::first_for(a).is_some(), "{a}");
    }
}

#[test]
fn seed_figures_are_carried_with_source_and_date() {
    let cat = Catalog::shipped();
    let jito = cat
        .product("jito-jitosol")
        .unwrap_or_else(|| panic!("jito"));
    let apr = jito.figure("base_apr").map_or(0.0, |f| f.value);
    // 5.94 % APY is 5.77 % APR with daily compounding.
    assert!((restack::engine::apr_to_apy(apr) - 0.0594).abs() < 5e-5);
    let eigen = cat
        .product("eigencloud-restake")
        .unwrap_or_else(|| panic!("eigen"));
    let share = eigen
        .figure("market_share")
        .unwrap_or_else(|| panic!("share"));
    assert_eq!(share.value, 0.68);
    assert!(!share.assumption);
    assert_eq!(share.as_of, "2026-01");
    assert_eq!(cat.price(Asset::Btc).map(|f| f.value), Some(89_430.0));
    // Every assumption says why.
    for p in &cat.products {
        for (k, f) in &p.params {
            assert!(!f.source.is_empty() && !f.as_of.is_empty(), "{}.{k}", p.id);
            assert!(!f.assumption || !f.note.is_empty(), "{}.{k}", p.id);
        }
    }
    // SUI → haSUI: the seed's exchange rate of 1.07 is 7.00 % cumulative (7.03 % in the article).
    let hasui = cat
        .product("haedal-hasui")
        .unwrap_or_else(|| panic!("haedal"));
    let rate = hasui.figure("exchange_rate").map_or(0.0, |f| f.value);
    assert!((restack::engine::cumulative_yield_from_exchange_rate(rate) - 0.07).abs() < 1e-12);
}

#[test]
fn the_data_file_is_valid_and_is_the_built_in_catalog() {
    // The one source of every figure: public/data/protocols.json, built into the app as the
    // fallback and shipped beside it. It must pass the same checks as any site's copy.
    let parsed = parse_payload(&shipped_file()).unwrap_or_else(|e| panic!("{DATA_FILE}: {e}"));
    assert_eq!(parsed, Catalog::shipped());
    assert!(!parsed.products.is_empty());
    // The serde shape (read by tools) and the app's reader agree on the file.
    let via_serde: Catalog =
        serde_json::from_str(&shipped_file()).unwrap_or_else(|e| panic!("serde: {e}"));
    assert_eq!(via_serde, parsed);
}

#[test]
fn malformed_data_files_are_rejected_with_their_reason() {
    let good = shipped_file();
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "not valid JSON"),
        ("not json", "<html>oops</html>".into(), "not valid JSON"),
        (
            "truncated",
            good.get(..good.len() / 2).unwrap_or("").into(),
            "not valid JSON",
        ),
        (
            "no schema",
            "{}".into(),
            "schema version 0 is not supported",
        ),
        (
            "future schema",
            good.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1),
            "schema version 2",
        ),
        (
            "huge",
            format!("{{\"pad\":\"{}\"}}", "x".repeat(2 << 20)),
            "limit",
        ),
        (
            "fixture: wrong type",
            variant("wrong-type"),
            "not in the expected format",
        ),
        (
            "fixture: ltv above threshold",
            variant("ltv-above-threshold"),
            "products[aave-weeth-loop]: ltv",
        ),
        (
            "fixture: missing figure",
            variant("missing-figure"),
            "products[etherfi-eeth].base_apr: missing",
        ),
        (
            "fixture: negative price",
            variant("negative-price"),
            "prices.ETH",
        ),
        (
            "fixture: assumption without reason",
            variant("assumption-without-note"),
            "must say why",
        ),
        (
            "gas not the sum of its operations",
            variant("gas-not-the-sum"),
            "products[aave-weeth-loop].gas_in: 500000 is not the sum of its operations' gas (507847)",
        ),
        (
            "gas of an unknown operation",
            variant("gas-unknown-operation"),
            "products[etherfi-eeth].gas_ops: no operation teleport in gas_units",
        ),
        (
            "gas price of no asset",
            variant("gas-price-not-an-asset"),
            "gas_prices.DOGE: not an asset",
        ),
        (
            "gas units in another unit",
            variant("gas-units-wrong-unit"),
            "gas_units.pendle_swap: its unit must be gas",
        ),
    ];
    for (name, text, reason) in cases {
        match parse_payload(&text) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(
                e.to_string().contains(reason),
                "{name}: {e} does not contain {reason:?}"
            ),
        }
    }
    assert!(matches!(
        parse_payload("[1,2]"),
        Err(PayloadError::WrongSchema { found: 0 })
    ));
}

#[test]
fn new_links_from_presets_write_their_costs() {
    // Guards "the catalog supplies sourced defaults that new links write": a strategy built from
    // the presets carries the chain's gas price and each product's costs into its link.
    let cat = Catalog::shipped();
    let s = Strategy::find("eth-weeth-loop")
        .and_then(|s| s.scenario(&cat).ok())
        .unwrap_or_else(|| panic!("strategy"));
    assert_eq!(s.costs.gas_price, 1.0);
    let link = restack::share::encode(&s, &Default::default());
    assert!(link.contains("&days=365&gas=1&l="), "{link}");
    // Per loop: Aave borrow 249,844 + Uniswap swap 111,248 + Aave supply 146,755 = 507,847;
    // unwinding: withdraw 165,226 + swap 111,248 + repay 176,521 = 452,995.
    assert!(
        link.contains("gin:507847,gout:452995,swap:0.0005,imp:0.0025"),
        "{link}"
    );
    let yt = cat
        .product("pendle-yt-weeth")
        .unwrap_or_else(|| panic!("yt"));
    assert_eq!(yt.figure("fee_tier").map(|f| f.value), Some(0.001));
    // Every cost figure is sourced and dated; the gas prices of the chains with products.
    for p in &cat.products {
        for key in ["gas_in", "gas_out", "swap_fee", "impact", "fee_tier"] {
            if let Some(f) = p.figure(key) {
                assert!(
                    !f.source.is_empty() && !f.as_of.is_empty(),
                    "{}.{key}",
                    p.id
                );
            }
        }
    }
    for a in [Asset::Eth, Asset::Sol, Asset::Sui] {
        assert!(cat.gas_price(a).is_some(), "{a}");
    }
    // The native exit's note says how long the queue has been.
    let exit = cat
        .product("eth-native")
        .and_then(|p| p.figure("exit_days"))
        .unwrap_or_else(|| panic!("eth-native exit"));
    assert!(exit.note.contains("46 days") && exit.note.contains("2025"));
}

#[test]
fn a_data_file_without_costs_is_still_read_and_costs_nothing() {
    // Guards site copies of the data file written before the cost model: they stay valid, and
    // their strategies cost nothing.
    let cat = parse_payload(&variant("without-costs")).unwrap_or_else(|e| panic!("{e}"));
    assert!(cat.gas_prices.is_empty() && cat.gas_units.is_empty());
    for s in &STRATEGIES {
        let scenario = s.scenario(&cat).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        let r = evaluate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        assert_eq!(r.summary.costs.total.total_usd, 0.0, "{}", s.id);
    }
}

#[test]
fn live_answer_updates_mapped_presets_and_lists_the_rest() {
    let cat = Catalog::shipped();
    let out = apply_live(&cat, &fixture("live-good.json"), "2026-11-24 10:00 UTC")
        .unwrap_or_else(|e| panic!("{e}"));
    let jito = out
        .catalog
        .product("jito-jitosol")
        .and_then(|p| p.figure("base_apr"))
        .unwrap_or_else(|| panic!("jito"));
    // apyBase 7.12 % → APR 6.88 %, Jito's fee is 0.
    assert!((jito.value - 0.0688).abs() < 1e-9, "{}", jito.value);
    assert!(jito.source.contains("DefiLlama"));
    assert_eq!(jito.as_of, "2026-11-24 10:00 UTC");
    // EtherFi: apyBase 2.70 % → APR 2.6641 %, grossed up for its 10 % fee → 2.96 %.
    let eeth = out
        .catalog
        .product("etherfi-eeth")
        .and_then(|p| p.figure("base_apr"))
        .map(|f| f.value);
    assert_eq!(eeth, Some(0.0296));
    // The fixture's haSUI entry has a string APY and the lido entry an absurd one: skipped, listed.
    assert!(
        out.skipped.iter().any(|s| s.starts_with("haedal-hasui")),
        "{:?}",
        out.skipped
    );
    assert!(
        out.skipped
            .iter()
            .any(|s| s.starts_with("lido-wsteth") && s.contains("outside")),
        "{:?}",
        out.skipped
    );
    assert_eq!(out.updated.len() + out.skipped.len(), MAPPINGS.len());
    // The result is still a valid catalog.
    restack::catalog::payload::check(&out.catalog).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn bad_live_answers_change_nothing() {
    let cat = Catalog::shipped();
    for body in ["", "nope", "{\"status\":\"error\"}", "{\"data\":{}}", "[1]"] {
        assert!(apply_live(&cat, body, "now").is_err(), "{body:?}");
    }
    let empty = apply_live(&cat, "{\"data\":[]}", "now").unwrap_or_else(|e| panic!("{e}"));
    assert!(empty.updated.is_empty());
    assert_eq!(empty.catalog, cat);
}

#[test]
fn rebase_moves_untouched_presets_only() {
    let old = Catalog::shipped();
    let out = apply_live(&old, &fixture("live-good.json"), "2026-11-24")
        .unwrap_or_else(|e| panic!("{e}"));
    let s = Strategy::find("eth-etherfi-yt")
        .and_then(|s| s.scenario(&old).ok())
        .unwrap_or_else(|| panic!("strategy"));
    let (moved, n) = rebase_scenario(&old, &out.catalog, &s);
    assert_eq!(n, 1);
    assert!(
        matches!(moved.layers[0].kind, LayerKind::Stake { base_apr, .. } if base_apr == 0.0296)
    );
    // A value the user typed stays.
    let mut typed = s.clone();
    if let LayerKind::Stake { base_apr, .. } = &mut typed.layers[0].kind {
        *base_apr = 0.05;
    }
    let (kept, n) = rebase_scenario(&old, &out.catalog, &typed);
    assert_eq!(n, 0);
    assert_eq!(kept, typed);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = parse_payload(&text);
        let _ = apply_live(&Catalog::shipped(), &text, "now");
    }

    #[test]
    fn mutated_data_files_are_rejected_or_valid(cut in 0usize..40_000, byte in 0u8..128, at in 0usize..40_000) {
        let good = shipped_file();
        let mut bytes = good.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        let cut = cut % bytes.len();
        bytes.truncate(bytes.len() - cut / 2);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(cat) = parse_payload(&text) {
            // Whatever was accepted evaluates everywhere without error.
            for s in &STRATEGIES {
                let sc = s.scenario(&cat);
                prop_assert!(sc.is_ok());
                if let Ok(sc) = sc {
                    prop_assert!(evaluate(&sc).is_ok());
                }
            }
        }
    }
}

#[test]
fn the_readme_example_is_the_page_the_app_opens() {
    // Guards "the README shows what the page does, from one source": the link-format example is
    // the default strategy with the catalog's figures, exactly as the app encodes it.
    let default = STRATEGIES
        .first()
        .unwrap_or_else(|| panic!("a default strategy"));
    let scenario = default
        .scenario(&Catalog::shipped())
        .unwrap_or_else(|e| panic!("{e}"));
    let link = restack::share::encode(
        &scenario,
        &restack::share::ViewOptions {
            strategy: Some(default.id.to_string()),
            ..Default::default()
        },
    );
    assert_eq!(
        restack::catalog::DEFAULT_LINK,
        link,
        "update catalog::DEFAULT_LINK (and the README example) to the shipped figures"
    );
    let readme = include_str!("../src/share/README-format.md");
    let block: String = readme
        .split("```")
        .nth(1)
        .unwrap_or_else(|| panic!("an example block"))
        .lines()
        .map(str::trim)
        .collect();
    assert_eq!(
        block,
        format!("?{link}"),
        "update src/share/README-format.md"
    );
    let stated = format!("{} characters", link.chars().count() + 1);
    assert!(readme.contains(&stated), "the example's length: {stated}");
}
