#![cfg(not(target_arch = "wasm32"))]
//! Decoding share links that are not what the encoder writes: other wrappers around the query,
//! other versions, over-long input, malformed and unknown parts. Each case says what it guards
//! against; every one must decode without panicking and say what it did.

use restack::engine::{example_scenario, Asset, LayerKind, LoopSize, Scenario};
use restack::share::{
    decode, encode, fits_in_link, Decoded, Notice, Page, ViewOptions, MAX_LINK_CHARS, MAX_NOTICES,
};

const BASE: &str = "v=1&asset=ETH&stake=32&price=3000&days=365";

fn said(d: &Decoded) -> Vec<String> {
    d.notices.iter().map(ToString::to_string).collect()
}

fn scenario_of(query: &str) -> Scenario {
    decode(query)
        .scenario
        .unwrap_or_else(|| unreachable!("{query} has a scenario"))
}

fn example_link() -> String {
    encode(&example_scenario(), &ViewOptions::default())
}

#[test]
fn nothing_usable_decodes_to_no_scenario_and_no_notices() {
    // Guards the page's default path: a bare page URL must open the default strategy silently.
    for input in [
        "",
        "?",
        "#",
        "&&&",
        "  \n",
        "https://example.org/restack/",
        "https://example.org/restack/?",
        "https://example.org/restack/#",
        "?utm_source=newsletter&fbclid=abc&utm_medium=x",
    ] {
        let d = decode(input);
        assert_eq!(d, Decoded::default(), "{input:?}");
    }
}

#[test]
fn the_query_is_found_in_urls_and_fragments() {
    // Guards the ways a link reaches `decode`: location.search, a pasted URL, a hash route.
    let q = example_link();
    let want = Some(example_scenario());
    let inputs = [
        q.clone(),
        format!("?{q}"),
        format!("https://example.org/restack/?{q}"),
        format!("https://example.org/restack/?{q}#results"),
        format!("#{q}"),
        format!("#?{q}"),
        format!("#/calculator?{q}"),
        format!("https://example.org/#{q}"),
        format!("  {q}\n"),
    ];
    for input in inputs {
        let d = decode(&input);
        assert_eq!(d.scenario, want, "{input}");
        assert!(d.notices.is_empty(), "{input}: {:?}", said(&d));
    }
}

#[test]
fn view_options_travel_beside_the_scenario() {
    // Guards that view options never leak into the scenario and are read even without one.
    let view = ViewOptions {
        embed: true,
        theme: Some(restack::share::Theme::Dark),
        strategy: Some("etherfi-eigen-yt".into()),
        page: restack::share::Page::Compare,
    };
    let q = encode(&example_scenario(), &view);
    assert!(
        q.ends_with("&strategy=etherfi-eigen-yt&theme=dark&view=compare&embed=1"),
        "{q}"
    );
    let d = decode(&q);
    assert_eq!(d.scenario, Some(example_scenario()));
    assert_eq!(d.view, view);

    // (what, query, view, notices)
    let cases: Vec<(&str, &str, ViewOptions, Vec<&str>)> = vec![
        (
            "view only: no scenario, no notice",
            "?strategy=jito-loop&embed=1&theme=DARK&view=Compare",
            ViewOptions {
                embed: true,
                theme: Some(restack::share::Theme::Dark),
                strategy: Some("jito-loop".into()),
                page: restack::share::Page::Compare,
            },
            vec![],
        ),
        (
            "bare embed",
            "embed",
            ViewOptions {
                embed: true,
                ..Default::default()
            },
            vec![],
        ),
        (
            "embed=0 and empty theme",
            "embed=0&theme=&strategy=&view=",
            ViewOptions::default(),
            vec![],
        ),
        (
            "the security view, any case",
            "view=SECURITY",
            ViewOptions {
                page: Page::Security,
                ..Default::default()
            },
            vec![],
        ),
        (
            "the compare view; an empty view is the calculator",
            "view=compare&view=",
            ViewOptions::default(),
            vec!["view: given more than once; using the last value"],
        ),
        (
            "an unknown view",
            "view=map",
            ViewOptions::default(),
            vec!["view: \"map\" is not one of calculator, compare, security; using the default calculator"],
        ),
        (
            "bad values",
            "embed=yes&theme=blue&view=chart",
            ViewOptions::default(),
            vec![
                "embed: \"yes\" is not 1 or 0; using the default 0",
                "theme: \"blue\" is not light or dark; using the default (the system theme)",
                "view: \"chart\" is not one of calculator, compare, security; using the default calculator",
            ],
        ),
    ];
    for (what, query, view, notices) in cases {
        let d = decode(query);
        assert_eq!(d.scenario, None, "{what}");
        assert_eq!(d.view, view, "{what}");
        assert_eq!(said(&d), notices, "{what}");
    }
}

#[test]
fn versions() {
    // Guards "an unknown value shows a notice, never a silent substitution": a future link is
    // not half-read as v1; a hand-written link without `v` is read as v1 and says so.
    // (what, query, has scenario, notices)
    let cases: Vec<(&str, String, bool, Vec<String>)> = vec![
        (
            "newer version: not read, its keys not reported, view still read",
            "v=2&asset=ETH&l=vault.x.y&newkey=1&strategy=abc".into(),
            false,
            vec![
                "v: link version 2 is newer than this app, which reads v=1; the scenario in the \
                 link was not read"
                    .into(),
            ],
        ),
        (
            "garbage version",
            format!("{}&v=abc", BASE.replacen("v=1&", "", 1)),
            false,
            vec![
                "v: \"abc\" is not a link version (this app reads v=1); the scenario in the link \
                 was not read"
                    .into(),
            ],
        ),
        (
            "version 0",
            "v=0&stake=1".into(),
            false,
            vec![
                "v: \"0\" is not a link version (this app reads v=1); the scenario in the link \
                 was not read"
                    .into(),
            ],
        ),
        (
            "no version: read as v1",
            BASE.replacen("v=1&", "", 1),
            true,
            vec!["v: missing; the link was read as v=1".into()],
        ),
        (
            "unknown keys only: no scenario, but named",
            "zzz=1&utm_source=x".into(),
            false,
            vec!["unknown key \"zzz\" ignored".into()],
        ),
    ];
    for (what, query, has_scenario, notices) in cases {
        let d = decode(&query);
        assert_eq!(d.scenario.is_some(), has_scenario, "{what}");
        assert_eq!(said(&d), notices, "{what}");
    }
    assert_eq!(
        decode("v=2&strategy=abc").view.strategy.as_deref(),
        Some("abc")
    );
}

#[test]
fn over_long_links_are_refused() {
    // Guards the length bound: a huge link is not parsed at all (no work, no notice flood).
    let at_limit = format!("{BASE}&{}", "x".repeat(MAX_LINK_CHARS - BASE.len() - 1));
    assert_eq!(at_limit.chars().count(), MAX_LINK_CHARS);
    let d = decode(&at_limit);
    assert!(d.scenario.is_some());

    let over = format!("{at_limit}x");
    let d = decode(&over);
    assert_eq!(d.scenario, None);
    assert_eq!(d.view, ViewOptions::default());
    assert_eq!(
        said(&d),
        ["this link is 4,097 characters long, over the limit of 4,096; it was not read"]
    );
    // Counted in characters, not bytes.
    assert!(decode(&"é".repeat(MAX_LINK_CHARS)).notices.len() <= 1);
    let huge = format!("v=1&stake=1&{}", "x".repeat(20_000));
    assert!(matches!(
        decode(&huge).notices.as_slice(),
        [Notice::TooLong { chars: 20_012 }]
    ));
}

#[test]
fn malformed_values_are_named_and_replaced_by_their_defaults() {
    // Guards the notice contract: the field by its link key, the value as given, the default
    // used. (what, query suffix after BASE, notices)
    let cases: Vec<(&str, &str, Vec<&str>)> = vec![
        (
            "the brief's example",
            "&l=stake.a.b&l=loop.aave.weETH(ltv:abc,loops:2)",
            vec!["layers[1].ltv: \"abc\" is not a number; using the default 0.8"],
        ),
        (
            "non-finite numbers",
            "&l=stake.a.b(apr:NaN,fee:inf,pex:1e999)",
            vec![
                "layers[0].apr: \"NaN\" is not a finite number; using the default 0",
                "layers[0].fee: \"inf\" is not a finite number; using the default 0",
                "layers[0].pex: \"1e999\" is not a finite number; using the default 0",
            ],
        ),
        (
            "flags, codes and loop counts",
            "&l=loop.a.b(loops:3.5,oracle:chainlink,debt:eur,inst:maybe)&points=2",
            vec![
                "layers[0].loops: \"3.5\" is not a whole number of loops; using the default 3",
                "layers[0].oracle: \"chainlink\" is not one of mkt, rate, lin; using the default mkt",
                "layers[0].debt: \"eur\" is not one of base, usd; using the default base",
                "layers[0].inst: \"maybe\" is not 1 or 0; using the default 0",
                "points: \"2\" is not 1 or 0; using the default 0",
            ],
        ),
        (
            "loop count out of range",
            "&l=loop.a.b(loops:-1)&l=loop.a.b(loops:99999999999)",
            vec![
                "layers[0].loops: \"-1\" is not a whole number of loops; using the default 3",
                "layers[1].loops: \"99999999999\" is not a whole number of loops; using the default 3",
            ],
        ),
        (
            "loop size missing, doubled, malformed",
            "&l=loop.a.b&l=loop.a.b(loops:2,lev:2.5)&l=loop.a.b(lev:x)",
            vec![
                "layers[0].loops: missing; using the default 3",
                "layers[1]: both loops and lev are given; using lev",
                "layers[2].lev: \"x\" is not a number; using the default loops:3",
            ],
        ),
        (
            "stress and risk settings",
            "&stress.drop=%&corr=1,5",
            vec![
                "corr: \"1,5\" is not a number; using the default 0",
                "stress.drop: \"%\" is not a number; using the default 0.3",
            ],
        ),
        (
            "AVS fields",
            "&l=restake.eigencloud.eETH(avs:A(mag:x,zz:1),avs:B(sev:0.1)",
            vec![
                "layers[0]: missing \")\"; read to the end",
                "layers[0].avs[0].mag: \"x\" is not a number; using the default 0",
                "layers[0].avs[0]: unknown key \"zz\" ignored",
            ],
        ),
    ];
    for (what, suffix, notices) in cases {
        let d = decode(&format!("{BASE}{suffix}"));
        assert!(d.scenario.is_some(), "{what}");
        assert_eq!(said(&d), notices, "{what}");
    }
    let s = scenario_of(&format!("{BASE}&l=loop.a.b(loops:2,lev:2.5)"));
    assert!(matches!(
        s.layers.first().map(|l| &l.kind),
        Some(LayerKind::Loop {
            size: LoopSize::Target(t),
            ..
        }) if *t == 2.5
    ));
}

#[test]
fn top_level_fields_fall_back_per_asset() {
    // Guards the always-written fields: their absence is reported, and a missing price follows
    // the asset (a BTC link without a price must not assume an ETH price).
    let d = decode("v=1&asset=btc");
    let s = d.scenario.clone().unwrap_or_else(|| unreachable!("v=1"));
    assert_eq!(s.stake.asset, Asset::Btc);
    assert_eq!(s.stake.price_usd, 89_430.0);
    assert_eq!(
        said(&d),
        [
            "stake: missing; using the default 1",
            "price: missing; using the default 89430",
            "days: missing; using the default 365",
        ]
    );
    let d = decode("v=1&asset=DOGE&stake=lots&price=-&days=%F0%9F%92%A5");
    assert_eq!(
        said(&d),
        [
            "asset: \"DOGE\" is not one of ETH, BTC, SOL, SUI; using the default ETH",
            "stake: \"lots\" is not a number; using the default 1",
            "price: \"-\" is not a number; using the default 3000",
            "days: \"💥\" is not a number; using the default 365",
        ]
    );
    assert_eq!(d.scenario.map(|s| s.layers.len()), Some(0));
}

#[test]
fn monte_carlo_keys_are_optional_and_fall_back_with_notices() {
    // Guards the optional `mc.*` keys: absent, each reads silently as its v1 default (the
    // volatility as none: the asset's); malformed, as its default with a notice naming it.
    let d = decode(BASE);
    let s = d.scenario.clone().unwrap_or_else(|| unreachable!("v=1"));
    assert_eq!(s.mc, restack::engine::McSettings::default());
    assert_eq!((s.mc.seed, s.mc.paths, s.mc.volatility), (1, 10_000, None));
    assert!(said(&d).is_empty());
    let d = decode(&format!(
        "{BASE}&mc.seed=-3&mc.paths=1e5&mc.vol=fast&mc.crash=x&mc.crisis=yes"
    ));
    assert_eq!(
        said(&d),
        [
            "mc.seed: \"-3\" is not a whole number; using the default 1",
            "mc.paths: \"1e5\" is not a whole number; using the default 10000",
            "mc.vol: \"fast\" is not a number; using the default 0.75 (the asset's)",
            "mc.crash: \"x\" is not a number; using the default 0",
            "mc.crisis: \"yes\" is not 1 or 0; using the default 0",
        ]
    );
    let s = d.scenario.unwrap_or_else(|| unreachable!("v=1"));
    assert_eq!(s.mc, restack::engine::McSettings::default());
    // A link with only Monte Carlo keys is a v1 scenario without its version.
    let d = decode("mc.seed=7");
    assert_eq!(d.scenario.map(|s| s.mc.seed), Some(7));
}

#[test]
fn structural_problems() {
    // (what, query suffix after BASE, layers decoded, notices)
    let cases: Vec<(&str, &str, usize, Vec<&str>)> = vec![
        (
            "truncated link (the browser test's case)",
            "&l=stake.ethereum.ETH(apr:0.03",
            1,
            vec!["layers[0]: missing \")\"; read to the end"],
        ),
        (
            "unknown and empty kinds are skipped; indices count l= in the link",
            "&l=vault.x.y&l=&l=lrt.etherfi.weETH(zz:1)",
            1,
            vec![
                "layers[0]: unknown layer kind \"vault\" (expected one of stake, restake, lrt, pt, yt, loop); layer skipped",
                "layers[1]: unknown layer kind \"\" (expected one of stake, restake, lrt, pt, yt, loop); layer skipped",
                "layers[2]: unknown key \"zz\" ignored",
            ],
        ),
        (
            "missing protocol and token",
            "&l=stake",
            1,
            vec![
                "layers[0].protocol: missing; using the default \"\" (empty)",
                "layers[0].token: missing; using the default \"\" (empty)",
            ],
        ),
        (
            "a key of another kind",
            "&l=stake.lido.stETH(ltv:0.8)",
            1,
            vec!["layers[0]: unknown key \"ltv\" ignored"],
        ),
        (
            "a parameter without a value, text after the parameters",
            "&l=stake.lido.stETH(apr)x",
            1,
            vec![
                "layers[0]: text \"x\" after \")\" ignored",
                "layers[0]: \"apr\" is not key:value; ignored",
            ],
        ),
        (
            "duplicates: last wins",
            "&l=stake.lido.stETH(apr:0.01,apr:0.02)&days=30",
            1,
            vec![
                "days: given more than once; using the last value",
                "layers[0].apr: given more than once; using the last value",
            ],
        ),
        (
            "invalid UTF-8 in a label",
            "&l=stake.%FF.x",
            1,
            vec!["layers[0].protocol: not valid UTF-8 text; invalid bytes were replaced with \u{FFFD}"],
        ),
    ];
    for (what, suffix, layers, notices) in cases {
        let d = decode(&format!("{BASE}{suffix}"));
        assert_eq!(
            d.scenario.as_ref().map(|s| s.layers.len()),
            Some(layers),
            "{what}"
        );
        assert_eq!(said(&d), notices, "{what}");
    }
}

#[test]
fn hand_written_labels_come_back_as_plain_text() {
    // Guards the browser test's injection case: labels decode to inert text (the UI escapes
    // it), raw parentheses typed in a label stay in the label, and problems are reported.
    let q = "v=1&asset=ETH&stake=1&price=3000&days=365\
             &l=stake.ethereum.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E(apr:0.03)\
             &l=restake.eigencloud.%3Cscript%3Ealert(1)%3C%2Fscript%3E(avs:%3Cscript%3Ealert(2)%3C%2Fscript%3E)";
    let d = decode(q);
    let s = d.scenario.clone().unwrap_or_else(|| unreachable!("v=1"));
    let tokens: Vec<&str> = s.layers.iter().map(|l| l.token.as_str()).collect();
    assert_eq!(
        tokens,
        ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"]
    );
    assert!(matches!(
        s.layers.first().map(|l| &l.kind),
        Some(LayerKind::Stake { base_apr, .. }) if *base_apr == 0.03
    ));
    assert_eq!(
        said(&d),
        [
            "layers[1].avs[0]: text \"</script>\" after \")\" ignored",
            "layers[1].avs[0]: \"2\" is not key:value; ignored",
        ]
    );
}

#[test]
fn notices_are_capped() {
    // Guards the UI against a wall of notices from a link of junk.
    let junk: Vec<String> = (0..50).map(|i| format!("k{i}=1")).collect();
    let d = decode(&format!("{BASE}&{}", junk.join("&")));
    assert_eq!(d.notices.len(), MAX_NOTICES + 1);
    assert_eq!(d.notices.last(), Some(&Notice::More { count: 30 }));
}

#[test]
fn encoded_links_are_plain_ascii_without_ambiguous_characters() {
    // Guards copy-paste survival: nothing a chat app or browser would re-encode or read as a
    // space, and no fragment or query delimiter inside a value.
    let mut s = example_scenario();
    if let Some(l) = s.layers.first_mut() {
        l.token = "a+b #c?d/e é\"'<>`".into();
    }
    let q = encode(&s, &ViewOptions::default());
    assert!(
        q.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_~.%&=(),:".contains(c)),
        "{q}"
    );
    assert_eq!(decode(&q).scenario, Some(s));
    assert!(fits_in_link(&q));
    assert!(!fits_in_link(&"x".repeat(MAX_LINK_CHARS)));
}

#[test]
fn numbers_are_exact_and_readable() {
    // Guards bit-exact round-trips at the edges a property test rarely draws.
    for x in [
        0.1 + 0.2,
        -0.0,
        5e-324,
        1e-7,
        1e12,
        123_456.789,
        f64::MAX,
        f64::MIN_POSITIVE,
    ] {
        let mut s = example_scenario();
        s.stake.amount = x;
        s.risk.correlation = x;
        let back = scenario_of(&encode(&s, &ViewOptions::default()));
        assert_eq!(back.stake.amount.to_bits(), x.to_bits(), "{x}");
        assert_eq!(back.risk.correlation.to_bits(), x.to_bits(), "{x}");
    }
    let q = encode(&example_scenario(), &ViewOptions::default());
    assert!(q.contains("&stake=32&price=3000&days=365&"), "{q}");
    assert!(q.contains("apr:0.03,fee:0.1,"), "{q}");
}

#[test]
fn the_length_limit_at_its_boundary() {
    // Guards the off-by-one the fuzzer found in the harness: `fits_in_link` counts the `?` the
    // page puts in front, `decode` counts exactly what it is given.
    let mut s = example_scenario();
    let base = encode(&s, &ViewOptions::default()).chars().count();
    if let Some(l) = s.layers.first_mut() {
        l.token.push_str(&"a".repeat(MAX_LINK_CHARS - base));
    }
    let link = encode(&s, &ViewOptions::default());
    assert_eq!(link.chars().count(), MAX_LINK_CHARS);
    assert_eq!(decode(&link).scenario.as_ref(), Some(&s));
    assert!(!fits_in_link(&link));
    assert_eq!(decode(&format!("?{link}")).scenario, None);

    if let Some(l) = s.layers.first_mut() {
        l.token.pop();
    }
    let link = encode(&s, &ViewOptions::default());
    assert!(fits_in_link(&link));
    assert_eq!(decode(&format!("?{link}")).scenario, Some(s));
}
