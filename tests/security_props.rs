#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! Property tests of the security benchmark on random small networks: the exact cascade never
//! exceeds Theorem 1's bound; margins and losses are finite; the sufficient condition never
//! certifies more than the exact margin; the search agrees with a literal brute force of the
//! papers' definitions (attacks one after another, services removed once corrupted); network
//! links round-trip and decode totally.

use proptest::prelude::*;
use restack::engine::security::{
    analyse, Allocation, Cascade, Margin, Network, Operator, Reuse, Service,
};
use restack::share::{decode, encode_with_network, Page, ViewOptions, MAX_NOTICES};

/// Integer stakes and profits and thresholds in quarters keep every sum exact in f64, so the
/// comparisons below need no tolerance beyond the engine's own.
/// Most stake units of a generated network (see `small_network`).
const MAX_UNITS: usize = 12;

fn small_network() -> impl Strategy<Value = Network> {
    let services = prop::collection::vec((0u8..=30, 1u8..=4), 1..=3);
    (
        prop::bool::ANY,
        services,
        prop::collection::vec((1u8..=20, prop::collection::vec(0u8..=4, 3)), 1..=5),
        0u8..=10,
    )
        .prop_map(|(unique, services, operators, psi)| {
            let m = services.len();
            let services = services
                .into_iter()
                .enumerate()
                .map(|(i, (pfc, quarters))| Service {
                    name: format!("s{i}"),
                    pfc_musd: f64::from(pfc),
                    threshold: f64::from(quarters) / 4.0,
                })
                .collect();
            // At most MAX_UNITS stake units, so that every generated network is searched
            // exactly: the cascade's work is at most Σ_d 2^(k − |d|) ≤ 3^k, and 3^12 = 531,441
            // is within CASCADE_WORK_CAP = 2^20 (3^13 is not: such a network is reported
            // TooMuchWork, as it should be). Under unique stake each allocation is a unit.
            let mut units = 0usize;
            let operators = operators
                .into_iter()
                .enumerate()
                .map(|(i, (stake, parts))| {
                    let mut left = 4u8;
                    let allocations = parts
                        .into_iter()
                        .take(m)
                        .enumerate()
                        .filter_map(|(s, q)| {
                            if unique {
                                let q = if units < MAX_UNITS { q.min(left) } else { 0 };
                                left -= q;
                                units += usize::from(q > 0);
                                (q > 0).then(|| Allocation {
                                    service: s,
                                    magnitude: f64::from(q) / 4.0,
                                })
                            } else {
                                (q >= 2).then_some(Allocation {
                                    service: s,
                                    magnitude: 1.0,
                                })
                            }
                        })
                        .collect();
                    Operator {
                        name: format!("o{i}"),
                        stake_musd: f64::from(stake),
                        allocations,
                    }
                })
                .collect();
            Network {
                reuse: if unique { Reuse::Unique } else { Reuse::Full },
                services,
                operators,
                shock_ratio: f64::from(psi) / 10.0,
            }
        })
}

/// The papers' validators, built by hand: (stake, services mask).
fn validators(n: &Network) -> Vec<(f64, u32)> {
    let mut out = Vec::new();
    for o in &n.operators {
        match n.reuse {
            Reuse::Full => {
                let mask = o.allocations.iter().fold(0, |m, a| m | (1 << a.service));
                if mask != 0 {
                    out.push((o.stake_musd, mask));
                }
            }
            _ => {
                for a in &o.allocations {
                    out.push((o.stake_musd * a.magnitude, 1 << a.service));
                }
            }
        }
    }
    out
}

fn sum(v: &[(f64, u32)], mask: u32) -> f64 {
    (0..v.len())
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| v[i].0)
        .sum()
}

/// Whether (A, B) is an attacking coalition on the graph without `removed`: for every s in A,
/// σ(B ∩ N(s)) ≥ α_s σ(N(s) \ removed), and B is adjacent to A.
fn attacks(n: &Network, v: &[(f64, u32)], removed: u32, a: u32, b: u32) -> bool {
    let adjacent = (0..v.len())
        .filter(|i| b & (1 << i) != 0)
        .all(|i| v[i].1 & a != 0);
    adjacent
        && n.services.iter().enumerate().all(|(s, svc)| {
            if a & (1 << s) == 0 {
                return true;
            }
            let on = |mask: u32| {
                (0..v.len())
                    .filter(|i| mask & (1 << i) != 0 && v[*i].1 & (1 << s) != 0)
                    .map(|i| v[i].0)
                    .sum::<f64>()
            };
            let all = (1u32 << v.len()) - 1;
            on(b) >= svc.threshold * on(all & !removed) - 1e-9 * on(all & !removed)
        })
}

fn profit(n: &Network, a: u32) -> f64 {
    n.services
        .iter()
        .enumerate()
        .filter(|(s, _)| a & (1 << s) != 0)
        .map(|(_, s)| s.pfc_musd)
        .sum()
}

/// The most stake a sequence of valid attacks can destroy on the graph without `removed`, with
/// the services `fallen` gone: the definition of a cascade, literally.
fn cascade_from(n: &Network, v: &[(f64, u32)], removed: u32, fallen: u32) -> f64 {
    let all_units = (1u32 << v.len()) - 1;
    let all_services = (1u32 << n.services.len()) - 1;
    let mut best = 0.0f64;
    let free = all_units & !removed;
    let open = all_services & !fallen;
    let mut b = free;
    loop {
        let mut a = open;
        while a != 0 {
            if attacks(n, v, removed, a, b) && profit(n, a) - sum(v, b) > 1e-9 * profit(n, a) {
                let rest = cascade_from(n, v, removed | b, fallen | a);
                best = best.max(sum(v, b) + rest);
            }
            a = (a - 1) & open;
        }
        if b == 0 {
            break;
        }
        b = (b - 1) & free;
    }
    best
}

/// The worst loss by brute force: every shock within ψ σ_V, then every cascade.
fn brute_force_loss(n: &Network) -> f64 {
    let v = validators(n);
    let total: f64 = n.operators.iter().map(|o| o.stake_musd).sum();
    let budget = n.shock_ratio * total;
    let mut best = 0.0f64;
    for d in 0..(1u32 << v.len()) {
        let shock = sum(&v, d);
        if shock <= budget + 1e-9 * budget {
            best = best.max(shock + cascade_from(n, &v, d, 0));
        }
    }
    best / total
}

/// γ* by brute force over every (A, B).
fn brute_force_margin(n: &Network) -> Option<f64> {
    let v = validators(n);
    let mut best: Option<f64> = None;
    for a in 1..(1u32 << n.services.len()) {
        let p = profit(n, a);
        if p <= 0.0 {
            continue;
        }
        for b in 0..(1u32 << v.len()) {
            // The margin's minimum never needs stake outside N(A); `attacks` requires B ⊆ N(A).
            if attacks(n, &v, 0, a, b) {
                let r = sum(&v, b) / p - 1.0;
                best = Some(best.map_or(r, |x: f64| x.min(r)));
            }
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_exact_cascade_never_exceeds_the_bound(n in small_network()) {
        // Guards Theorem 1 on our search: with γ* > 0, R_ψ < (1 + 1/γ*) ψ.
        let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
        let Cascade::Exact(c) = &a.cascade else { panic!("small networks are exact") };
        prop_assert!(c.loss_ratio.is_finite() && (0.0..=1.0).contains(&c.loss_ratio));
        let exact = a.exact.as_ref().unwrap_or_else(|| panic!("exact"));
        if exact.margin.is_positive() {
            let bound = a.bound.as_ref().map(|b| b.loss_ratio).unwrap_or_else(|| panic!("a bound"));
            if exact.margin == Margin::Unbounded {
                prop_assert!(c.loss_ratio <= bound + 1e-12);
            } else {
                prop_assert!(c.loss_ratio < bound + 1e-12, "{} vs {bound}", c.loss_ratio);
            }
        } else {
            prop_assert_eq!(&a.bound, &None);
        }
    }

    #[test]
    fn margins_are_finite_and_consistent(n in small_network()) {
        // Guards "everything finite" and the agreement of the margin with validity and with the
        // sufficient condition (a lower bound on γ*).
        let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
        let exact = a.exact.as_ref().unwrap_or_else(|| panic!("exact"));
        let finite = |m: Margin| m.value().is_none_or(|x| x.is_finite() && x >= -1.0);
        prop_assert!(finite(exact.margin) && finite(a.sufficient.margin));
        prop_assert_eq!(exact.secure, exact.margin.value().is_none_or(|g| g >= 0.0));
        if let (Some(cert), Some(g)) = (a.sufficient.margin.value(), exact.margin.value()) {
            prop_assert!(cert <= g + 1e-9, "certified {cert} above exact {g}");
        }
        if a.sufficient.secure {
            prop_assert!(exact.secure);
        }
        for s in &a.services {
            let e = s.exact.as_ref().unwrap_or_else(|| panic!("exact"));
            prop_assert!(finite(e.margin) && e.cost_of_corruption_musd.is_finite());
            prop_assert_eq!(e.safe, e.margin.value().is_none_or(|g| g >= 0.0));
            if let (Some(gs), Some(g)) = (e.margin.value(), exact.margin.value()) {
                prop_assert!(gs >= g - 1e-12);
            }
        }
    }

    #[test]
    fn the_search_agrees_with_the_definitions_by_brute_force(n in small_network()) {
        // Guards the shortcut of the search (the worst cascade is one valid attack after the
        // shock, by Lemma 1 / Corollary 1) against cascades enumerated step by step.
        prop_assume!(validators(&n).len() <= 5);
        let a = analyse(&n).unwrap_or_else(|e| panic!("{e}"));
        let Cascade::Exact(c) = &a.cascade else { panic!("exact") };
        let want = brute_force_loss(&n);
        prop_assert!((c.loss_ratio - want).abs() < 1e-9, "search {} brute force {want}", c.loss_ratio);
        let lost: f64 = c.shock_stake_musd + c.steps.iter().map(|s| s.stake_lost_musd).sum::<f64>();
        prop_assert!((lost - c.stake_lost_musd).abs() < 1e-9);
        let exact = a.exact.as_ref().unwrap_or_else(|| panic!("exact"));
        match (exact.margin, brute_force_margin(&n)) {
            (Margin::Unbounded, None) => {}
            (Margin::Finite(g), Some(want)) => prop_assert!((g - want.clamp(-1.0, 1e12)).abs() < 1e-9, "{g} vs {want}"),
            (got, want) => prop_assert!(false, "{got:?} vs {want:?}"),
        }
    }

    #[test]
    fn network_links_round_trip(n in small_network(), names in prop::collection::vec("\\PC{0,12}", 8)) {
        // Guards the link codec of the network: any valid network, odd names included, comes
        // back unchanged and without notices.
        let mut n = n;
        for (i, s) in n.services.iter_mut().enumerate() {
            // Unique names (the engine requires it): a distinct suffix.
            s.name = format!("{}#{i}", names.get(i).cloned().unwrap_or_default());
        }
        for (o, name) in n.operators.iter_mut().zip(names.iter().rev()) {
            o.name = name.clone();
        }
        let view = ViewOptions { page: Page::Security, ..ViewOptions::default() };
        let link = encode_with_network(None, Some(&n), &view);
        let d = decode(&link);
        prop_assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
        prop_assert_eq!(d.network.as_ref(), Some(&n));
        prop_assert_eq!(d.scenario, None);
        prop_assert_eq!(encode_with_network(None, d.network.as_ref(), &d.view), link);
    }

    #[test]
    fn mangled_network_links_decode_totally(
        n in small_network(),
        cuts in prop::collection::vec((any::<usize>(), "[&=().,:%+#?a-z0-9]{0,3}"), 1..6),
    ) {
        // Guards total decoding of the network keys: any edit of a network link decodes without
        // panicking, with bounded notices, and what it decodes to analyses without panicking.
        let mut link = encode_with_network(None, Some(&n), &ViewOptions::default());
        for (at, text) in cuts {
            let mut at = at % (link.len() + 1);
            while !link.is_char_boundary(at) {
                at -= 1;
            }
            link.replace_range(at..(at + 1).min(link.len()).max(at), &text);
        }
        let d = decode(&link);
        prop_assert!(d.notices.len() <= MAX_NOTICES + 1);
        if let Some(n) = &d.network {
            if let Ok(a) = analyse(n) {
                if let Cascade::Exact(c) = &a.cascade {
                    prop_assert!(c.loss_ratio.is_finite());
                }
            }
        }
    }
}
