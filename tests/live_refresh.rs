#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Today's figures: DefiLlama's prices answer and beaconcha.in's exit queue are read totally
//! (any text gives an outcome or an error, never a panic), every entry is checked on its own with
//! a typed reason for what is skipped, and applying the result to a scenario moves only the
//! untouched price and exit-day fields.

use proptest::prelude::*;
use restack::catalog::payload::{check, PayloadError};
use restack::catalog::prices::{apply_prices, parse_prices, MAX_PRICES_BYTES};
use restack::catalog::queue::{apply_exit_queue, parse_exit_queue, NATIVE_ETH_PRODUCT};
use restack::catalog::refresh::{Refreshed, SkipReason};
use restack::catalog::{rebase_scenario, Catalog, Strategy};
use restack::engine::Asset;

/// The fixtures' clock: 2026-11-24 10:20 UTC, when the good answer was priced.
const NOW: f64 = 1_795_515_600.0;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/catalog/{name}"))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn price(c: &Catalog, a: Asset) -> f64 {
    c.price(a).map_or(f64::NAN, |f| f.value)
}

#[test]
fn a_good_prices_answer_updates_every_price_with_its_time() {
    let cat = Catalog::shipped();
    let out =
        apply_prices(&cat, &fixture("prices-good.json"), NOW).unwrap_or_else(|e| panic!("{e}"));
    assert!(out.skipped.is_empty(), "{:?}", out.skipped);
    assert_eq!(out.updated.len(), 4);
    for (a, want) in [
        (Asset::Eth, 3_012.5),
        (Asset::Btc, 97_250.0),
        (Asset::Sol, 171.2),
        (Asset::Sui, 3.4),
    ] {
        assert_eq!(price(&out.catalog, a), want, "{a}");
    }
    let eth = out
        .catalog
        .price(Asset::Eth)
        .unwrap_or_else(|| panic!("ETH"));
    // 1,795,515,600 s = 2026-11-24 10:20 UTC; BTC was priced a minute earlier.
    assert_eq!(eth.as_of, "2026-11-24 10:20 UTC");
    assert!(eth.source.contains("DefiLlama") && eth.source.contains("coingecko:ethereum"));
    assert!(!eth.assumption);
    assert_eq!(
        out.catalog.price(Asset::Btc).map(|f| f.as_of.as_str()),
        Some("2026-11-24 10:19 UTC")
    );
    assert_eq!(
        out.updated.first().map(|c| (&c.figure, c.old, c.new)),
        Some((&Refreshed::Price(Asset::Eth), Some(3_000.0), 3_012.5))
    );
    check(&out.catalog).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn bad_entries_are_skipped_one_by_one_with_their_reason() {
    let (prices, skipped) =
        parse_prices(&fixture("prices-malformed.json"), NOW).unwrap_or_else(|e| panic!("{e}"));
    assert!(prices.is_empty(), "{prices:?}");
    let reasons: Vec<(&str, &SkipReason)> = skipped
        .iter()
        .map(|s| (s.item.as_str(), &s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "ETH",
                &SkipReason::WrongType {
                    field: "price",
                    found: "a string"
                }
            ),
            ("BTC", &SkipReason::Missing),
            (
                "SOL",
                &SkipReason::WrongSymbol {
                    found: "USDC".into()
                }
            ),
            // (1,795,515,600 − 1,795,300,000) / 3,600 = 59.89 hours.
            (
                "SUI",
                &SkipReason::Stale {
                    hours: 215_600.0 / 3_600.0
                }
            ),
        ]
    );
    let said: Vec<String> = skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        said.get(1).map(String::as_str),
        Some("BTC: not in the answer")
    );
    assert_eq!(
        said.get(3).map(String::as_str),
        Some("SUI: the price is 59.9 hours old")
    );
}

#[test]
fn each_check_of_an_entry() {
    // (what, entry for ETH, reason); the clock is NOW.
    let cases: Vec<(&str, &str, SkipReason)> = vec![
        (
            "negative",
            r#"{"price":-1,"symbol":"ETH","timestamp":1795515600}"#,
            SkipReason::OutOfRange {
                field: "price",
                value: -1.0,
                min: f64::MIN_POSITIVE,
                max: 1e12,
            },
        ),
        (
            "zero",
            r#"{"price":0,"symbol":"ETH","timestamp":1795515600}"#,
            SkipReason::OutOfRange {
                field: "price",
                value: 0.0,
                min: f64::MIN_POSITIVE,
                max: 1e12,
            },
        ),
        (
            "absurd",
            r#"{"price":1e300,"symbol":"ETH","timestamp":1795515600}"#,
            SkipReason::OutOfRange {
                field: "price",
                value: 1e300,
                min: f64::MIN_POSITIVE,
                max: 1e12,
            },
        ),
        (
            "null price",
            r#"{"price":null,"symbol":"ETH","timestamp":1795515600}"#,
            SkipReason::WrongType {
                field: "price",
                found: "null",
            },
        ),
        (
            "no price",
            r#"{"symbol":"ETH","timestamp":1795515600}"#,
            SkipReason::MissingField("price"),
        ),
        (
            "no symbol",
            r#"{"price":3000,"timestamp":1795515600}"#,
            SkipReason::MissingField("symbol"),
        ),
        (
            "no timestamp",
            r#"{"price":3000,"symbol":"ETH"}"#,
            SkipReason::MissingField("timestamp"),
        ),
        (
            "timestamp in milliseconds",
            r#"{"price":3000,"symbol":"ETH","timestamp":1795515600000}"#,
            SkipReason::OutOfRange {
                field: "timestamp",
                value: 1_795_515_600_000.0,
                min: 1_420_070_400.0,
                max: 253_402_300_799.0,
            },
        ),
        (
            // Two hours ahead of the clock, beyond the hour of skew allowed.
            "future",
            r#"{"price":3000,"symbol":"ETH","timestamp":1795522800}"#,
            SkipReason::InTheFuture { hours: 2.0 },
        ),
        (
            "low confidence",
            r#"{"price":3000,"symbol":"ETH","timestamp":1795515600,"confidence":0.2}"#,
            SkipReason::LowConfidence { confidence: 0.2 },
        ),
        (
            "confidence above 1",
            r#"{"price":3000,"symbol":"ETH","timestamp":1795515600,"confidence":7}"#,
            SkipReason::OutOfRange {
                field: "confidence",
                value: 7.0,
                min: 0.0,
                max: 1.0,
            },
        ),
        (
            "not an object",
            r#"[3000]"#,
            SkipReason::WrongType {
                field: "entry",
                found: "an array",
            },
        ),
    ];
    for (what, entry, reason) in cases {
        let body = format!(r#"{{"coins":{{"coingecko:ethereum":{entry}}}}}"#);
        let (prices, skipped) = parse_prices(&body, NOW).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(prices.is_empty(), "{what}");
        assert_eq!(skipped.first().map(|s| &s.reason), Some(&reason), "{what}");
        // Every skip is said in words.
        assert!(skipped.iter().all(|s| !s.to_string().is_empty()));
    }
    // Without a clock, the age is not checked; a null confidence is no confidence.
    let body = r#"{"coins":{"coingecko:ethereum":{"price":3000,"symbol":"eth","timestamp":1500000000,"confidence":null}}}"#;
    let (prices, _) = parse_prices(body, f64::NAN).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        prices.first().map(|p| (p.usd, p.confidence)),
        Some((3_000.0, None))
    );
}

#[test]
fn an_implausible_move_is_skipped_against_the_price_in_use() {
    // ETH at $3,000 in the catalog: $61,000 is more than 20 × above it, $140 more than 20 ×
    // below; $59,000 is within.
    let cat = Catalog::shipped();
    for (usd, skipped) in [(61_000.0, true), (140.0, true), (59_000.0, false)] {
        let body = format!(
            r#"{{"coins":{{"coingecko:ethereum":{{"price":{usd},"symbol":"ETH","timestamp":1795515600}}}}}}"#
        );
        let out = apply_prices(&cat, &body, NOW).unwrap_or_else(|e| panic!("{e}"));
        let moved = out.skipped.iter().any(|s| {
            s.reason
                == SkipReason::ImplausibleMove {
                    old: 3_000.0,
                    new: usd,
                }
        });
        assert_eq!(moved, skipped, "{usd}");
        assert_eq!(
            price(&out.catalog, Asset::Eth),
            if skipped { 3_000.0 } else { usd }
        );
    }
}

#[test]
fn unreadable_answers_change_nothing() {
    let cat = Catalog::shipped();
    let huge = format!(
        "{{\"coins\":{{}},\"pad\":\"{}\"}}",
        "x".repeat(MAX_PRICES_BYTES)
    );
    for (body, kind) in [
        ("", "json"),
        ("<html>502 Bad Gateway</html>", "json"),
        ("{\"coins\":[]}", "shape"),
        ("{\"data\":{}}", "shape"),
        ("[1]", "shape"),
        (
            "{\"coins\":{\"coingecko:ethereum\":{\"price\":1e999}}}",
            "json",
        ),
        (huge.as_str(), "size"),
    ] {
        let e = apply_prices(&cat, body, NOW);
        let ok = matches!(
            (&e, kind),
            (Err(PayloadError::NotJson(_)), "json")
                | (Err(PayloadError::WrongShape(_)), "shape")
                | (Err(PayloadError::TooLarge { .. }), "size")
        );
        assert!(ok, "{}: {e:?}", body.chars().take(40).collect::<String>());
    }
    // An empty coins object reads, and skips all four.
    let out = apply_prices(&cat, "{\"coins\":{}}", NOW).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.catalog, cat);
    assert_eq!(out.skipped.len(), 4);
}

#[test]
fn new_prices_move_only_untouched_price_fields() {
    let old = Catalog::shipped();
    let out =
        apply_prices(&old, &fixture("prices-good.json"), NOW).unwrap_or_else(|e| panic!("{e}"));
    let s = Strategy::find("eth-etherfi-yt")
        .and_then(|s| s.scenario(&old).ok())
        .unwrap_or_else(|| panic!("strategy"));
    let (moved, n) = rebase_scenario(&old, &out.catalog, &s);
    assert_eq!((n, moved.stake.price_usd), (1, 3_012.5));
    let mut typed = s.clone();
    typed.stake.price_usd = 2_500.0;
    let (kept, n) = rebase_scenario(&old, &out.catalog, &typed);
    assert_eq!((n, kept), (0, typed));
}

#[test]
fn the_exit_queue_sets_the_native_exit_days() {
    let old = Catalog::shipped();
    let out = apply_exit_queue(&old, &fixture("queue-good.json"), "2026-11-24 10:20 UTC")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.skipped.is_empty(), "{:?}", out.skipped);
    // 640,000,000,000,000 Gwei = 640,000 ETH: 640,000 / 57,600 = 11.1111 days of queue,
    // + 261 · 384 s = 1.16 days, + 1,000,000 / 16 · 12 s / 2 = 4.3403 days of sweep
    // = 16.6114, rounded to 16.6.
    let days = out
        .catalog
        .product(NATIVE_ETH_PRODUCT)
        .and_then(|p| p.figure("exit_days"))
        .unwrap_or_else(|| panic!("exit days"));
    assert_eq!(days.value, 16.6);
    assert_eq!(days.as_of, "2026-11-24 10:20 UTC");
    assert!(days.source.contains("beaconcha.in"));
    assert_eq!(
        out.catalog
            .protocol("ethereum")
            .and_then(|p| p.figures.get("exit_days"))
            .map(|f| f.value),
        Some(16.6)
    );
    check(&out.catalog).unwrap_or_else(|e| panic!("{e}"));
    // The native staking strategy's exit moves from the preset's 14 days; a typed one stays.
    let s = Strategy::find("eth-native")
        .and_then(|s| s.scenario(&old).ok())
        .unwrap_or_else(|| panic!("strategy"));
    let (moved, n) = rebase_scenario(&old, &out.catalog, &s);
    assert_eq!(n, 1);
    assert_eq!(moved.layers.first().map(|l| l.risk.exit_days), Some(16.6));
    let mut typed = s.clone();
    if let Some(l) = typed.layers.first_mut() {
        l.risk.exit_days = 30.0;
    }
    assert_eq!(rebase_scenario(&old, &out.catalog, &typed).1, 0);
}

#[test]
fn bad_queue_answers_are_skipped_with_their_reason() {
    // (what, answer, reason; `None` when the queue still applies without the sweep)
    let cases: Vec<(&str, &str, SkipReason, bool)> = vec![
        (
            "status",
            r#"{"status":"ERROR: rate limited","data":{}}"#,
            SkipReason::NotOk {
                status: "ERROR: rate limi".into(),
            },
            false,
        ),
        (
            "no balance",
            r#"{"status":"OK","data":{"beaconchain_exiting":20000}}"#,
            SkipReason::MissingField("beaconchain_exiting_balance"),
            false,
        ),
        (
            "balance as text",
            r#"{"status":"OK","data":{"beaconchain_exiting_balance":"640000000000000"}}"#,
            SkipReason::WrongType {
                field: "beaconchain_exiting_balance",
                found: "a string",
            },
            false,
        ),
        (
            "negative balance",
            r#"{"status":"OK","data":{"beaconchain_exiting_balance":-1}}"#,
            SkipReason::OutOfRange {
                field: "beaconchain_exiting_balance",
                value: -1.0,
                min: 0.0,
                max: 1.5e17,
            },
            false,
        ),
        (
            "more ETH than exists",
            r#"{"status":"OK","data":{"beaconchain_exiting_balance":2e17}}"#,
            SkipReason::OutOfRange {
                field: "beaconchain_exiting_balance",
                value: 2e17,
                min: 0.0,
                max: 1.5e17,
            },
            false,
        ),
        (
            "bad validator count",
            r#"{"status":"OK","data":{"beaconchain_exiting_balance":0,"validatorscount":-5}}"#,
            SkipReason::OutOfRange {
                field: "validatorscount",
                value: -5.0,
                min: 0.0,
                max: 1e8,
            },
            true,
        ),
    ];
    let cat = Catalog::shipped();
    for (what, body, reason, applies) in cases {
        let out = apply_exit_queue(&cat, body, "now").unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(
            out.skipped.first().map(|s| &s.reason),
            Some(&reason),
            "{what}"
        );
        assert_eq!(!out.updated.is_empty(), applies, "{what}");
    }
    // A bad validator count leaves the sweep out: 0 ETH queued gives the 1.16 days, 1.2 rounded.
    let (queue, _) = parse_exit_queue(
        r#"{"status":"OK","data":{"beaconchain_exiting_balance":0,"validatorscount":"many"}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        queue.map(|q| (q.validators, q.queue_days)),
        Some((None, 0.0))
    );
    for body in ["", "{}", "{\"status\":\"OK\",\"data\":[]}", "null"] {
        assert!(apply_exit_queue(&cat, body, "now").is_err(), "{body:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_reads_without_panicking(text in ".{0,300}") {
        let cat = Catalog::shipped();
        let _ = apply_prices(&cat, &text, NOW);
        let _ = apply_exit_queue(&cat, &text, "now");
    }

    #[test]
    fn mutated_answers_are_read_or_refused_and_keep_the_catalog_valid(
        which in 0usize..2,
        at in 0usize..400,
        byte in 32u8..127,
    ) {
        // Guards totality on near-valid answers: one byte changed anywhere in a good answer.
        let good = fixture(if which == 0 { "prices-good.json" } else { "queue-good.json" });
        let mut bytes = good.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let cat = Catalog::shipped();
        let out = if which == 0 {
            apply_prices(&cat, &text, NOW)
        } else {
            apply_exit_queue(&cat, &text, "now")
        };
        if let Ok(out) = out {
            prop_assert!(check(&out.catalog).is_ok());
            for c in &out.updated {
                prop_assert!(c.new.is_finite() && c.new > 0.0);
            }
        }
    }
}
