#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the share-link codec: encode ∘ decode is the identity on random scenarios
//! (bit-exact numbers, any unicode label), and decode never panics on random text or on valid
//! links mangled by deletions, insertions, replacements and truncation; whatever it returns
//! re-encodes to a link that decodes to the same thing without notices.

use proptest::collection::vec;
use proptest::prelude::*;
use restack::engine::{
    Asset, Avs, DebtAsset, Layer, LayerKind, LayerRisk, LoopSize, OracleKind, RiskSettings,
    Scenario, Stake, StressSettings,
};
use restack::share::{
    decode, encode, fits_in_link, Decoded, Notice, ViewOptions, MAX_LINK_CHARS, MAX_NOTICES,
};

/// A finite f64: mostly in realistic ranges (rates, fractions, days, prices), sometimes any
/// finite value (subnormals, huge magnitudes, −0).
fn finite() -> BoxedStrategy<f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        4 => 0.0..1.0f64,
        2 => -1.0..10.0f64,
        2 => 0.0..40_000.0f64,
        1 => (0u32..10_000).prop_map(|n| f64::from(n) / 1000.0),
        1 => Just(-0.0),
        1 => POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
    ]
    .boxed()
}

/// Free text: anything unicode, or the characters most likely to break the format.
fn label() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "\\PC{0,24}",
        2 => "[a-zA-Z0-9 ._~()%,:&=+#?/<>\"'-]{0,24}",
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("Ставка 🚀 = 100% ₿".to_string()),
        1 => Just(String::new()),
    ]
    .boxed()
}

fn avs() -> impl Strategy<Value = Avs> {
    (label(), finite(), finite(), finite(), finite()).prop_map(
        |(name, reward_apr, magnitude, p_slash, severity)| Avs {
            name,
            reward_apr,
            magnitude,
            p_slash,
            severity,
        },
    )
}

fn loop_size() -> impl Strategy<Value = LoopSize> {
    prop_oneof![
        any::<u32>().prop_map(LoopSize::Loops),
        (0u32..20).prop_map(LoopSize::Loops),
        finite().prop_map(LoopSize::Target),
    ]
}

fn kind() -> impl Strategy<Value = LayerKind> {
    prop_oneof![
        (finite(), finite()).prop_map(|(base_apr, fee_ratio)| LayerKind::Stake {
            base_apr,
            fee_ratio
        }),
        (vec(avs(), 0..5), finite()).prop_map(|(avs, commission_ratio)| LayerKind::Restake {
            avs,
            commission_ratio
        }),
        finite().prop_map(|fee_ratio| LayerKind::LiquidRestake { fee_ratio }),
        (finite(), finite()).prop_map(|(implied_apy, maturity_days)| LayerKind::PendlePt {
            implied_apy,
            maturity_days
        }),
        (finite(), finite(), finite(), finite()).prop_map(
            |(implied_apy, maturity_days, reward_apr, fee_ratio)| LayerKind::PendleYt {
                implied_apy,
                maturity_days,
                reward_apr,
                fee_ratio,
            }
        ),
        (
            (finite(), finite(), finite(), finite(), finite(), finite()),
            loop_size(),
            prop::sample::select(OracleKind::ALL.to_vec()),
            prop::sample::select(vec![DebtAsset::Base, DebtAsset::Usd]),
        )
            .prop_map(
                |(
                    (ltv, liq_threshold, liq_bonus, borrow_apr, supply_apr, close_factor),
                    size,
                    oracle,
                    debt,
                )| {
                    LayerKind::Loop {
                        ltv,
                        liq_threshold,
                        liq_bonus,
                        borrow_apr,
                        supply_apr,
                        close_factor,
                        size,
                        oracle,
                        debt,
                    }
                }
            ),
    ]
}

fn layer_risk() -> impl Strategy<Value = LayerRisk> {
    (
        (finite(), finite(), finite(), finite()),
        (finite(), any::<bool>(), finite()),
    )
        .prop_map(
            |(
                (p_exploit, exploit_loss, p_depeg, depeg_loss),
                (exit_days, instant_exit, market_share),
            )| {
                LayerRisk {
                    p_exploit,
                    exploit_loss,
                    p_depeg,
                    depeg_loss,
                    exit_days,
                    instant_exit,
                    market_share,
                }
            },
        )
}

fn layer() -> impl Strategy<Value = Layer> {
    (label(), label(), kind(), layer_risk(), finite()).prop_map(
        |(protocol, token, kind, risk, points_apr)| Layer {
            protocol,
            token,
            kind,
            risk,
            points_apr,
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (
            finite(),
            prop::sample::select(Asset::ALL.to_vec()),
            finite(),
            finite(),
        ),
        vec(layer(), 0..7),
        (finite(), any::<bool>()),
        (finite(), finite(), finite(), finite(), finite(), finite()),
    )
        .prop_map(
            |(
                (amount, asset, price_usd, horizon_days),
                layers,
                (correlation, include_points),
                (price_drop, depeg_small, depeg_large, avs_slash, borrow_apr, yt_implied_apy),
            )| Scenario {
                stake: Stake {
                    amount,
                    asset,
                    price_usd,
                },
                horizon_days,
                layers,
                risk: RiskSettings {
                    correlation,
                    include_points,
                },
                stress: StressSettings {
                    price_drop,
                    depeg_small,
                    depeg_large,
                    avs_slash,
                    borrow_apr,
                    yt_implied_apy,
                },
            },
        )
}

fn view() -> impl Strategy<Value = ViewOptions> {
    (
        any::<bool>(),
        prop::option::of(prop::sample::select(restack::share::Theme::ALL.to_vec())),
        prop::option::of(prop_oneof!["[a-z0-9-]{1,24}", "\\PC{1,24}"]),
        prop::sample::select(restack::share::View::ALL.to_vec()),
    )
        .prop_map(|(embed, theme, strategy, view)| ViewOptions {
            embed,
            theme,
            strategy,
            view,
        })
}

/// A link mangled at random: (operation, position, replacement text).
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, String),
    Replace(usize, String),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = prop_oneof![
        "[&=().,:%+#?]",
        "[a-z0-9]{1,3}",
        "\\PC",
        Just("%FF".to_string()),
        Just("%E2%82".to_string()),
        Just("l=".to_string()),
        Just("avs:".to_string()),
        Just("1e999".to_string()),
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), text.clone()).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<usize>(), text).prop_map(|(i, t)| Edit::Replace(i, t)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// Apply an edit at a character position (positions wrap around the link's length).
fn apply(link: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    let n = chars.len().max(1);
    match edit {
        Edit::Delete(i) => {
            if !chars.is_empty() {
                chars.remove(i % n);
            }
        }
        Edit::Insert(i, t) => {
            let at = i % (chars.len() + 1);
            chars.splice(at..at, t.chars());
        }
        Edit::Replace(i, t) => {
            if !chars.is_empty() {
                let at = i % n;
                chars.splice(at..=at, t.chars());
            }
        }
        Edit::Truncate(i) => chars.truncate(i % (chars.len() + 1)),
    }
    chars.into_iter().collect()
}

/// `link` (written by `encode` for `s` and `v`) decodes back exactly, or, when it is too long
/// to be read back, is refused with the length notice.
fn check_round_trip(link: &str, s: &Scenario, v: &ViewOptions) -> Result<(), TestCaseError> {
    let d = decode(link);
    if link.chars().count() > MAX_LINK_CHARS {
        // Percent-encoding can grow a label twelvefold (4-byte characters): such a scenario is
        // too large to share, and the UI says so before offering the link.
        prop_assert_eq!(d.scenario, None);
        let refused = matches!(d.notices.as_slice(), [Notice::TooLong { .. }]);
        prop_assert!(refused, "{:?}", d.notices);
        return Ok(());
    }
    prop_assert!(d.notices.is_empty(), "{:?}", d.notices);
    prop_assert_eq!(d.scenario.as_ref(), Some(s));
    prop_assert_eq!(&d.view, v);
    // PartialEq says -0 == 0; re-encoding compares bits (the shortest text is injective on the
    // bits of finite f64s).
    prop_assert_eq!(encode(d.scenario.as_ref().unwrap_or(s), &d.view), link);
    Ok(())
}

/// Whatever decode returns is sane: bounded notices, and a scenario that re-encodes to a link
/// which decodes to the same scenario with no notices (the fuzz target's invariant).
fn check_decoded(d: &Decoded) -> Result<(), TestCaseError> {
    prop_assert!(d.notices.len() <= MAX_NOTICES + 1);
    for n in &d.notices {
        prop_assert!(!n.to_string().is_empty());
    }
    if let Some(s) = &d.scenario {
        check_round_trip(&encode(s, &d.view), s, &d.view)?;
    }
    Ok(())
}

fn words() -> impl Strategy<Value = String> {
    vec(
        prop::sample::select(vec![
            "v=1",
            "v=2",
            "&",
            "=",
            "l=",
            "stake.",
            "restake.",
            "lrt.",
            "pt.",
            "yt.",
            "loop.",
            "lido.",
            "stETH",
            "(",
            ")",
            ",",
            ":",
            "avs:",
            "apr:",
            "lev:",
            "loops:",
            "%",
            "%2",
            "%FF",
            "%C3%A9",
            "+",
            "#",
            "?",
            "é",
            "🚀",
            "0.5",
            "-0",
            "1e308",
            "NaN",
            "abc",
            "stake=",
            "asset=",
            "embed=1",
            "theme=",
            "strategy=",
            "stress.drop=",
            "\u{0}",
            " ",
        ]),
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_is_the_identity(s in scenario(), v in view()) {
        check_round_trip(&encode(&s, &v), &s, &v)?;
    }

    #[test]
    fn short_scenarios_always_fit(s in scenario(), v in view()) {
        // The identity above must not be vacuous: with ASCII labels a scenario of up to three
        // layers always fits, even with 23-character numbers everywhere.
        let mut s = s;
        s.layers.truncate(3);
        for l in &mut s.layers {
            l.protocol = l.protocol.chars().filter(char::is_ascii_alphanumeric).collect();
            l.token = l.token.chars().filter(char::is_ascii_alphanumeric).collect();
            if let LayerKind::Restake { avs, .. } = &mut l.kind {
                for a in avs {
                    a.name = a.name.chars().filter(char::is_ascii_alphanumeric).collect();
                }
            }
        }
        let link = encode(&s, &v);
        prop_assert!(fits_in_link(&link), "{} chars", link.len());
        check_round_trip(&link, &s, &v)?;
        // As the page reads it: `?` + query.
        prop_assert_eq!(decode(&format!("?{link}")).scenario, Some(s));
    }

    #[test]
    fn decode_never_panics_on_any_text(text in any::<String>()) {
        check_decoded(&decode(&text))?;
    }

    #[test]
    fn decode_never_panics_on_link_like_text(text in words()) {
        check_decoded(&decode(&text))?;
    }

    #[test]
    fn decode_never_panics_on_mangled_links(
        s in scenario(),
        v in view(),
        edits in vec(edit(), 1..6),
    ) {
        let mut link = encode(&s, &v);
        for e in &edits {
            link = apply(&link, e);
        }
        check_decoded(&decode(&link))?;
    }
}
