#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)] // a test fails by panicking
//! The security benchmark against the papers' own small examples, worked by hand, and against
//! the worked examples of docs/METHODOLOGY.md §13. Sources: Durvasula & Roughgarden, "Robust
//! Restaking Networks" (ITCS 2025, arXiv 2407.21785) — abstract (primary) and theorem statements
//! as transcribed by a third party (the full text was not reachable); EigenLayer ELIP-002.

use restack::catalog::{network_fields, Catalog, NetworkPreset, Strategy, NETWORK_PRESETS};
use restack::engine::example_scenario;
use restack::engine::security::{
    analyse, cascade_bound, exposure, validate_network, Allocation, Analysis, Basis, Cascade,
    Margin, Network, NetworkProblem, Operator, Reuse, Service, ServiceStatus, WorstCascade,
    EXACT_MAX_UNITS,
};
use restack::engine::Problem;

/// Sums of a few decimal stakes: equal on paper, equal to this.
const TOL: f64 = 1e-12;

fn svc(name: &str, pfc: f64, threshold: f64) -> Service {
    Service {
        name: name.into(),
        pfc_musd: pfc,
        threshold,
    }
}

/// An operator with allocations (service, magnitude).
fn op(name: &str, stake: f64, allocations: &[(usize, f64)]) -> Operator {
    Operator {
        name: name.into(),
        stake_musd: stake,
        allocations: allocations
            .iter()
            .map(|&(service, magnitude)| Allocation { service, magnitude })
            .collect(),
    }
}

fn network(reuse: Reuse, services: Vec<Service>, operators: Vec<Operator>, psi: f64) -> Network {
    Network {
        reuse,
        services,
        operators,
        shock_ratio: psi,
    }
}

fn run(n: &Network) -> Analysis {
    analyse(n).unwrap_or_else(|e| panic!("valid network: {e}"))
}

fn cascade(a: &Analysis) -> &WorstCascade {
    match &a.cascade {
        Cascade::Exact(c) => c,
        other => panic!("exact cascade expected, got {other:?}"),
    }
}

fn gamma(a: &Analysis) -> Margin {
    a.exact
        .as_ref()
        .map_or_else(|| panic!("exact"), |e| e.margin)
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < TOL
}

#[test]
fn abstract_example_the_bound_is_one_point_one_percent() {
    // DR24, abstract (primary): "if attack costs always exceed attack profits by 10%, then a
    // sudden loss of .1% of the overall stake ... cannot result in the ultimate loss of more
    // than 1.1% of the overall stake": (1 + 1/0.1) · 0.001 = 0.011.
    let bound = cascade_bound(Margin::Finite(0.1), 0.001).unwrap_or_default();
    assert!(close(bound, 0.011), "{bound}");
    // Theorem 1 needs γ > 0; without a profitable coalition the shock is all that is lost.
    assert_eq!(cascade_bound(Margin::Finite(0.0), 0.001), None);
    assert_eq!(cascade_bound(Margin::Finite(-0.2), 0.001), None);
    assert_eq!(cascade_bound(Margin::Unbounded, 0.001), Some(0.001));
}

/// DR24 Theorem 2's network: S = {x}, V = {a, b}, σ_a = ε, σ_b = 1 − ε, π_x = 1, α_x = 1.
fn theorem_2(epsilon: f64, psi: f64) -> Network {
    network(
        Reuse::Full,
        vec![svc("x", 1.0, 1.0)],
        vec![
            op("a", epsilon, &[(0, 1.0)]),
            op("b", 1.0 - epsilon, &[(0, 1.0)]),
        ],
        psi,
    )
}

#[test]
fn theorem_2_secure_and_meeting_the_eigenlayer_condition_yet_everything_is_lost() {
    // DR24 Theorem 2 (as transcribed): "for any 0 < ε < 1 there exists a restaking graph G that
    // is secure and meets the EigenLayer condition (Eq. 3), but has R_ψ(G) = 1 for all ψ ≥ ε".
    // By hand, ε = 0.1: the only coalition corrupting x is {a, b}, σ = 1 = π: not profitable
    // (strict), so secure, γ* = 0; Eq. 3: load = π_x/(α_x σ_N(x)) = 1 ≤ 1. A shock of ψ ≥ 0.1
    // destroys a; then b alone holds all of x's remaining stake (0.9 ≥ 1 · 0.9) and 1 > 0.9:
    // b corrupts x, and 0.1 + 0.9 = 100 % is lost.
    for psi in [0.1, 0.3, 1.0] {
        let a = run(&theorem_2(0.1, psi));
        let exact = a.exact.as_ref().unwrap_or_else(|| panic!("exact"));
        assert!(exact.secure, "ψ = {psi}");
        assert_eq!(exact.margin, Margin::Finite(0.0));
        assert!(a.sufficient.secure);
        assert_eq!(a.sufficient.max_load, Some(1.0));
        let c = cascade(&a);
        assert!(close(c.loss_ratio, 1.0), "ψ = {psi}: {}", c.loss_ratio);
        assert_eq!(c.steps.len(), 1);
        assert_eq!(c.steps.first().map(|s| s.services.clone()), Some(vec![0]));
        // γ = 0: Theorem 1 gives nothing.
        assert_eq!(a.bound, None);
    }
    // Below ε no validator fits in the shock: nothing is destroyed and nothing follows.
    let small = run(&theorem_2(0.1, 0.05));
    assert!(close(cascade(&small).loss_ratio, 0.0));
}

#[test]
fn theorem_3_tightness_the_exact_loss_comes_within_epsilon_of_the_bound() {
    // DR24 Theorem 3 (as transcribed): for ψ, γ, ε there is a network meeting Eq. 17 with
    // R_ψ ≥ (1 + 1/γ)ψ − ε. The transcription's numbers do not form a working network; this is
    // our reconstruction from its stakes (σ_b = σ_a(1/γ − ε/ψ), σ_V = σ_a/ψ): ψ = 0.1, γ = 0.5,
    // ε = 0.01, σ = (a 0.1, b 0.19, c 0.71), x on {a, b} with π_x = ψ/γ − ε/(1 + γ) = 0.193333…,
    // y on {c} with π_y = 0.1, α = 1.
    // By hand: γ* = min(0.29/0.19333, 0.71/0.1, 1/0.29333) − 1 = 0.5; Eq. 17 load of a and b is
    // 0.19333/0.29 = 2/3 = 1/(1 + 0.5). Shock a (0.1 ≤ ψ): b alone holds x's remaining stake and
    // π_x = 0.19333 > 0.19, so R = 0.1 + 0.19 = 0.29 = (1 + 1/γ)ψ − ε, below the bound 0.3.
    let n = network(
        Reuse::Full,
        vec![svc("x", 0.1 / 0.5 - 0.01 / 1.5, 1.0), svc("y", 0.1, 1.0)],
        vec![
            op("a", 0.1, &[(0, 1.0)]),
            op("b", 0.19, &[(0, 1.0)]),
            op("c", 0.71, &[(1, 1.0)]),
        ],
        0.1,
    );
    let a = run(&n);
    let g = gamma(&a).value().unwrap_or_default();
    assert!((g - 0.5).abs() < 1e-9, "{g}");
    let certified = a.sufficient.margin.value().unwrap_or_default();
    assert!((certified - 0.5).abs() < 1e-9, "{certified}");
    let c = cascade(&a);
    assert!((c.loss_ratio - 0.29).abs() < 1e-9, "{}", c.loss_ratio);
    assert!(close(c.shock_stake_musd, 0.1));
    let bound = a.bound.as_ref().map_or(0.0, |b| b.loss_ratio);
    assert!((bound - 0.3).abs() < 1e-9 && c.loss_ratio < bound);
    assert_eq!(a.bound.as_ref().map(|b| b.basis), Some(Basis::Exact));
}

#[test]
fn theorem_8_six_validators_meeting_eq_3_with_equality_lose_everything() {
    // DR24 Theorem 8 (as transcribed), n = 6: σ_v = 1; s6 on all six, t1 on v0–v2, t2 on
    // v3–v5; π = 2, α = 1. By hand: each validator's Eq. 3 load is 2/6 + 2/3 = 1 (equality);
    // the best coalition, all six against all three services, costs 6 for a profit of 6: not
    // profitable, so secure. Shock v0 (1/6): v1–v5 now hold all of every service's remaining
    // stake and 6 > 5, so 1/6 + 5/6 = 100 % is lost.
    let all: Vec<(usize, f64)> = vec![(0, 1.0)];
    let mut operators = Vec::new();
    for v in 0..6 {
        let mut allocations = all.clone();
        allocations.push((if v < 3 { 1 } else { 2 }, 1.0));
        operators.push(op(&format!("v{v}"), 1.0, &allocations));
    }
    let n = network(
        Reuse::Full,
        vec![
            svc("s6", 2.0, 1.0),
            svc("t1", 2.0, 1.0),
            svc("t2", 2.0, 1.0),
        ],
        operators,
        1.0 / 6.0,
    );
    let a = run(&n);
    assert!(a.exact.as_ref().is_some_and(|e| e.secure));
    let load = a.sufficient.max_load.unwrap_or_default();
    assert!((load - 1.0).abs() < 1e-12, "{load}");
    assert!(a.sufficient.secure);
    let c = cascade(&a);
    assert!(close(c.loss_ratio, 1.0), "{}", c.loss_ratio);
    assert!(close(c.shock_stake_musd, 1.0));
}

#[test]
fn elip_002_magnitudes_are_disjoint_stake() {
    // ELIP-002's worked table (after a deposit): 200 EIGEN, magnitudes 2,000 / 2,500 / 2,000
    // of a total 10,000 to AVS_1, AVS_2 and EigenDA, 3,500 unallocated: 40 / 50 / 40 EIGEN
    // slashable, 70 not. Each service is secured by its own allocation only.
    let n = network(
        Reuse::Unique,
        vec![
            svc("AVS_1", 1.0, 0.5),
            svc("AVS_2", 1.0, 0.5),
            svc("EigenDA", 1.0, 0.5),
        ],
        vec![op("Operator", 200.0, &[(0, 0.2), (1, 0.25), (2, 0.2)])],
        0.0,
    );
    let a = run(&n);
    let securing: Vec<f64> = a.services.iter().map(|s| s.securing_stake_musd).collect();
    assert!(close(securing.iter().sum::<f64>(), 130.0), "{securing:?}");
    for (got, want) in securing.iter().zip([40.0, 50.0, 40.0]) {
        assert!(close(*got, want), "{securing:?}");
    }
    assert!(close(a.total_stake_musd, 200.0));
    assert!(close(a.restaked_stake_musd, 130.0));
    assert_eq!(a.units, 3);
}

/// docs/METHODOLOGY.md §13 (e): the same per-service stake under both rules. Full: a, b, c with
/// σ = 1 each secure x and y; unique: each holds 2 and allocates 0.5 to each. π = 0.9, α = 0.5.
fn reuse_pair() -> (Network, Network) {
    let services = vec![svc("x", 0.9, 0.5), svc("y", 0.9, 0.5)];
    let full = network(
        Reuse::Full,
        services.clone(),
        ["a", "b", "c"]
            .iter()
            .map(|n| op(n, 1.0, &[(0, 1.0), (1, 1.0)]))
            .collect(),
        1.0 / 3.0,
    );
    let unique = network(
        Reuse::Unique,
        services,
        ["a", "b", "c"]
            .iter()
            .map(|n| op(n, 2.0, &[(0, 0.5), (1, 0.5)]))
            .collect(),
        1.0 / 6.0,
    );
    (full, unique)
}

#[test]
fn reuse_rules_the_same_shock_cascades_under_full_reuse_only() {
    // By hand. Full reuse: corrupting x alone needs 1.5 of its 3, so two operators, cost 2
    // against 0.9; both services together cost the same 2 against 1.8: γ* = 2/1.8 − 1 = 1/9.
    // A shock of 1 (ψ = 1/3) destroys a; x and y keep 2 each, one operator (1 ≥ 0.5 · 2)
    // corrupts both for 1 < 1.8: 2 of 3 lost (66.7 %), both services fall.
    // Unique stake: corrupting x needs 1.5 of its 3 allocated, two allocations, cost 2 against
    // 0.9: γ* = 2/0.9 − 1 = 1.222; both together cost 4 against 1.8. The same absolute shock of
    // 1 (ψ = 1/6 of 6) destroys one allocation, say a's to x: x keeps 2 and one allocation
    // (1 ≥ 1) corrupts it for 1 > 0.9, not profitable; y is untouched. Only the shock is lost.
    let (full, unique) = reuse_pair();
    let f = run(&full);
    assert!((gamma(&f).value().unwrap_or_default() - 1.0 / 9.0).abs() < 1e-12);
    let fc = cascade(&f);
    assert!(
        (fc.loss_ratio - 2.0 / 3.0).abs() < 1e-12,
        "{}",
        fc.loss_ratio
    );
    let fallen: Vec<usize> = fc.steps.iter().flat_map(|s| s.services.clone()).collect();
    assert_eq!(fallen, [0, 1]);

    let u = run(&unique);
    assert!((gamma(&u).value().unwrap_or_default() - (2.0 / 0.9 - 1.0)).abs() < 1e-12);
    let uc = cascade(&u);
    assert!(close(uc.stake_lost_musd, 1.0), "{}", uc.stake_lost_musd);
    assert!(uc.steps.is_empty());
}

#[test]
fn services_and_attacks_are_reported_per_service() {
    // A service with no stake at all is free to corrupt (γ = −1); a service nobody profits
    // from has no finite margin.
    let n = network(
        Reuse::Full,
        vec![svc("orphan", 5.0, 0.5), svc("worthless", 0.0, 0.5)],
        vec![op("a", 10.0, &[(1, 1.0)])],
        0.0,
    );
    let a = run(&n);
    let orphan = a.services.first().and_then(|s| s.exact.as_ref());
    assert_eq!(orphan.map(|e| e.margin), Some(Margin::Finite(-1.0)));
    assert_eq!(orphan.map(|e| e.safe), Some(false));
    assert_eq!(orphan.map(|e| e.cost_of_corruption_musd), Some(0.0));
    // "worthless" needs a (10 ≥ 0.5 · 10); a corrupts "orphan" too, so the coalition takes a
    // profit of 5 for a cost of 10: γ = 10/5 − 1 = 1, and no valid attack includes it.
    let worthless = a.services.get(1).and_then(|s| s.exact.as_ref());
    assert_eq!(worthless.map(|e| e.margin), Some(Margin::Finite(1.0)));
    assert_eq!(worthless.map(|e| e.cost_of_corruption_musd), Some(10.0));
    assert_eq!(worthless.map(|e| e.safe), Some(true));
    let exact = a.exact.as_ref().unwrap_or_else(|| panic!("exact"));
    assert!(!exact.secure);
    assert!(exact.most_profitable.is_some());
    assert_eq!(a.sufficient.margin, Margin::Finite(-1.0));
    assert_eq!(a.sufficient.max_load, None);
    // Nothing profits at all: unbounded margins, and the bound is the shock itself.
    let calm = network(
        Reuse::Full,
        vec![svc("x", 0.0, 0.5)],
        vec![op("a", 1.0, &[(0, 1.0)]), op("b", 1.0, &[(0, 1.0)])],
        0.5,
    );
    let a = run(&calm);
    assert_eq!(gamma(&a), Margin::Unbounded);
    assert_eq!(a.sufficient.margin, Margin::Unbounded);
    assert_eq!(a.bound.as_ref().map(|b| b.loss_ratio), Some(0.5));
    assert!(close(cascade(&a).loss_ratio, 0.5));
}

#[test]
fn large_networks_get_the_sufficient_condition_only() {
    // 20 operators under full reuse: more units than the exact search takes.
    let operators = (0..20)
        .map(|i| op(&format!("o{i}"), 1.0, &[(0, 1.0)]))
        .collect();
    let n = network(Reuse::Full, vec![svc("x", 4.0, 0.5)], operators, 0.1);
    let a = run(&n);
    assert!(a.units > EXACT_MAX_UNITS);
    assert_eq!(a.exact, None);
    assert!(a.services.iter().all(|s| s.exact.is_none()));
    assert_eq!(
        a.cascade,
        Cascade::TooManyUnits {
            units: 20,
            max: EXACT_MAX_UNITS
        }
    );
    // Load 4/(0.5 · 20) = 0.4: certified margin 1.5, bound (1 + 1/1.5) · 0.1.
    assert_eq!(a.sufficient.max_load, Some(0.4));
    let bound = a.bound.unwrap_or_else(|| panic!("a certified bound"));
    assert_eq!(bound.basis, Basis::SufficientCondition);
    assert!((bound.loss_ratio - (1.0 + 1.0 / 1.5) * 0.1).abs() < 1e-12);
}

#[test]
fn invalid_networks_name_the_field() {
    let ok = || {
        network(
            Reuse::Unique,
            vec![svc("x", 1.0, 0.5), svc("y", 1.0, 0.5)],
            vec![op("a", 10.0, &[(0, 0.5), (1, 0.5)])],
            0.1,
        )
    };
    assert_eq!(validate_network(&ok()), Ok(()));
    type Edit = fn(&mut Network);
    // (what, edit, field, problem)
    let cases: [(&str, Edit, &str, NetworkProblem); 10] = [
        (
            "no services",
            |n| n.services.clear(),
            "services",
            NetworkProblem::Empty,
        ),
        (
            "no operators",
            |n| n.operators.clear(),
            "operators",
            NetworkProblem::Empty,
        ),
        (
            "a name twice, other case",
            |n| {
                if let Some(s) = n.services.get_mut(1) {
                    s.name = " X ".into();
                }
            },
            "services[1].name",
            NetworkProblem::DuplicateName { first: 0 },
        ),
        (
            "threshold 0",
            |n| {
                if let Some(s) = n.services.first_mut() {
                    s.threshold = 0.0;
                }
            },
            "services[0].thr",
            NetworkProblem::Range(Problem::BelowMin {
                min: 0.0,
                open: true,
            }),
        ),
        (
            "profit not finite",
            |n| {
                if let Some(s) = n.services.first_mut() {
                    s.pfc_musd = f64::NAN;
                }
            },
            "services[0].pfc",
            NetworkProblem::Range(Problem::NotFinite),
        ),
        (
            "no stake",
            |n| {
                if let Some(o) = n.operators.first_mut() {
                    o.stake_musd = 0.0;
                }
            },
            "operators[0].stake",
            NetworkProblem::Range(Problem::BelowMin {
                min: 0.0,
                open: true,
            }),
        ),
        (
            "unique magnitudes above 1",
            |n| {
                if let Some(a) = n
                    .operators
                    .first_mut()
                    .and_then(|o| o.allocations.get_mut(1))
                {
                    a.magnitude = 0.75;
                }
            },
            "operators[0].alloc",
            NetworkProblem::MagnitudesAboveOne { total: 1.25 },
        ),
        (
            "a partial allocation under full reuse",
            |n| n.reuse = Reuse::Full,
            "operators[0].alloc[0].mag",
            NetworkProblem::PartialUnderFullReuse { magnitude: 0.5 },
        ),
        (
            "the same service twice",
            |n| {
                if let Some(a) = n
                    .operators
                    .first_mut()
                    .and_then(|o| o.allocations.get_mut(1))
                {
                    a.service = 0;
                }
            },
            "operators[0].alloc[1]",
            NetworkProblem::DuplicateAllocation { first: 0 },
        ),
        (
            "a shock above 1",
            |n| n.shock_ratio = 1.5,
            "shock",
            NetworkProblem::Range(Problem::AboveMax {
                max: 1.0,
                open: false,
            }),
        ),
    ];
    for (what, edit, field, problem) in cases {
        let mut n = ok();
        edit(&mut n);
        let e = validate_network(&n).err();
        assert_eq!(e.as_ref().map(|e| e.field.as_str()), Some(field), "{what}");
        assert_eq!(e.map(|e| e.problem), Some(problem), "{what}");
    }
    let mut unknown = ok();
    if let Some(a) = unknown
        .operators
        .first_mut()
        .and_then(|o| o.allocations.first_mut())
    {
        a.service = 7;
    }
    assert_eq!(
        analyse(&unknown).err().map(|e| e.to_string()),
        Some("operators[0].alloc[0]: points at service 7, which does not exist".into())
    );
}

fn preset(id: &str) -> Network {
    NetworkPreset::find(id)
        .and_then(NetworkPreset::network)
        .unwrap_or_else(|| panic!("preset {id}"))
}

#[test]
fn presets_are_valid_sourced_canonical_links() {
    // Guards the presets' promise: each link decodes without notices to a valid network that
    // re-encodes to the same link, and every number of it has a figure with a source.
    assert!(NETWORK_PRESETS.len() >= 2);
    let mut rules = Vec::new();
    for p in &NETWORK_PRESETS {
        let d = restack::share::decode(p.link);
        assert!(d.notices.is_empty(), "{}: {:?}", p.id, d.notices);
        assert_eq!(d.scenario, None, "{}", p.id);
        assert_eq!(d.view.page, restack::share::Page::Security, "{}", p.id);
        let n = d.network.unwrap_or_else(|| panic!("{}: a network", p.id));
        assert_eq!(validate_network(&n), Ok(()), "{}", p.id);
        assert!(n.services.len() >= 2, "{}", p.id);
        assert_eq!(
            restack::share::encode_with_network(None, Some(&n), &d.view),
            p.link,
            "{}",
            p.id
        );
        for (field, value) in network_fields(&n) {
            let f = p
                .figure(&field)
                .unwrap_or_else(|| panic!("{}: no figure for {field}", p.id));
            assert_eq!(f.value, value, "{}: {field}", p.id);
            assert!(
                !f.source.is_empty() && !f.as_of.is_empty(),
                "{}: {field}",
                p.id
            );
            assert!(!f.assumption || !f.note.is_empty(), "{}: {field}", p.id);
        }
        for f in p.figures {
            let used = network_fields(&n)
                .iter()
                .any(|(field, _)| restack::catalog::path_matches(f.field, field));
            assert!(used, "{}: figure {} names no field", p.id, f.field);
        }
        // Profits from corruption are never public.
        for i in 0..n.services.len() {
            let pfc = p.figure(&format!("services[{i}].pfc"));
            assert!(
                pfc.is_some_and(|f| f.assumption),
                "{}: services[{i}].pfc",
                p.id
            );
        }
        assert!(!p.reuse_source.is_empty());
        rules.push(n.reuse);
    }
    assert!(rules.contains(&Reuse::Unique) && rules.contains(&Reuse::Full));
    assert_eq!(
        restack::catalog::DEFAULT_NETWORK_LINK,
        NETWORK_PRESETS.first().map(|p| p.link).unwrap_or_default()
    );
}

#[test]
fn the_presets_show_what_reuse_does_to_a_cascade() {
    // docs/METHODOLOGY.md §13 (f). EigenLayer (unique stake), ψ = 10 % of $13,860M: the worst
    // shock takes Operator A's and C's AI compute allocations (831.6 + 554.4 = 1,386); the AI
    // AVS keeps 1,386, of which 33 % is 457.4, and D's and E's allocations (415.8 + 277.2 =
    // 693) corrupt it for a profit of 700 > 693. EigenDA is untouched: 2,079 lost, 15 %.
    let eigen = run(&preset("eigenlayer-unique"));
    let g = gamma(&eigen).value().unwrap_or_default();
    assert!((g - (970.2 / 700.0 - 1.0)).abs() < 1e-9, "{g}");
    let c = cascade(&eigen);
    assert!(
        (c.stake_lost_musd - 2079.0).abs() < 1e-9,
        "{}",
        c.stake_lost_musd
    );
    assert!((c.loss_ratio - 0.15).abs() < 1e-12);
    let fallen: Vec<usize> = c.steps.iter().flat_map(|s| s.services.clone()).collect();
    assert_eq!(fallen, [1]);
    assert!(c.shock.iter().all(|s| s.service == Some(1)));
    // Babylon (full reuse), ψ = 10 % of $5,549M: the shock takes FP E (554), which secured all
    // three services; then FP C and FP D (1,110 + 833 = 1,943) hold a third of each service's
    // remaining stake (Genesis 1,943 ≥ 0.33 · 4,995; Cosmos 1,110 ≥ 0.33 · 2,775; Rollup 833 ≥
    // 0.33 · 2,220) and the three profits add to 2,100 > 1,943: everything they secure falls at
    // once, 2,497 lost (45 %). Before the shock the same attack needed E too (2,497 > 2,100), and
    // the margin is γ* = 2,497/2,100 − 1 = 0.189.
    let babylon = run(&preset("babylon-full"));
    let g = gamma(&babylon).value().unwrap_or_default();
    assert!((g - (2497.0 / 2100.0 - 1.0)).abs() < 1e-9, "{g}");
    let c = cascade(&babylon);
    assert!((c.stake_lost_musd - 2497.0).abs() < 1e-9);
    assert!((c.loss_ratio - 0.45).abs() < 1e-3);
    let fallen: Vec<usize> = c.steps.iter().flat_map(|s| s.services.clone()).collect();
    assert_eq!(fallen, [0, 1, 2]);
    for a in [&eigen, &babylon] {
        let bound = a.bound.as_ref().map_or(0.0, |b| b.loss_ratio);
        assert!(cascade(a).loss_ratio < bound);
    }
}

#[test]
fn the_users_restake_layers_against_a_network() {
    // The engine's example stack restakes into EigenDA (m 0.3) and "AI compute AVS" (m 0.2).
    // Against the EigenLayer preset the AI AVS falls in the worst cascade: the layer could lose
    // its 0.2 magnitude; nothing is unsafe today.
    let scenario = example_scenario();
    let n = preset("eigenlayer-unique");
    let a = run(&n);
    let e = exposure(&scenario, &n, &a);
    assert_eq!(e.layers.len(), 1);
    let layer = e
        .layers
        .first()
        .unwrap_or_else(|| panic!("one restake layer"));
    assert_eq!(layer.layer, 1);
    let statuses: Vec<ServiceStatus> = layer.avs.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [ServiceStatus::Safe, ServiceStatus::Safe]);
    let falls: Vec<Option<usize>> = layer.avs.iter().map(|a| a.falls_at_step).collect();
    assert_eq!(falls, [None, Some(0)]);
    assert_eq!(layer.unsafe_slash_ratio, 0.0);
    assert_eq!(layer.cascade_slash_ratio, Some(0.2));
    assert!(e.is_exposed());

    // The same stack against the Babylon network: no service of the stack is in it.
    let b = preset("babylon-full");
    let e = exposure(&scenario, &b, &run(&b));
    let statuses: Vec<ServiceStatus> = e
        .layers
        .iter()
        .flat_map(|l| l.avs.iter().map(|a| a.status))
        .collect();
    assert_eq!(statuses, [ServiceStatus::NotInNetwork; 2]);
    assert!(!e.is_exposed());

    // Babylon staking (Babylon Genesis, m 1) against the Babylon network: Genesis falls in the
    // cascade, the whole restaked backing could go.
    let btc = Strategy::find("btc-babylon")
        .and_then(|s| s.scenario(&Catalog::shipped()).ok())
        .unwrap_or_else(|| panic!("btc-babylon"));
    let e = exposure(&btc, &b, &run(&b));
    assert_eq!(
        e.layers.first().and_then(|l| l.cascade_slash_ratio),
        Some(1.0)
    );
}

#[test]
fn the_cascade_can_feed_the_risk_models_slashing() {
    // Fed in at the user's request, the AI AVS (falls at step 1, magnitude 0.2) is slashed of its
    // whole allocation: severity 0.1 → 0.2, its p_slash (0.02) unchanged; EigenDA does not fall
    // and keeps severity 0.05. The stack stays valid and its expected loss can only grow.
    let scenario = example_scenario();
    let n = preset("eigenlayer-unique");
    let fed = exposure(&scenario, &n, &run(&n)).slashes_as_severities(&scenario);
    let avs = |s: &restack::engine::Scenario| -> Vec<(f64, f64, f64)> {
        match s.layers.get(1).map(|l| &l.kind) {
            Some(restack::engine::LayerKind::Restake { avs, .. }) => avs
                .iter()
                .map(|a| (a.magnitude, a.p_slash, a.severity))
                .collect(),
            _ => Vec::new(),
        }
    };
    assert_eq!(avs(&scenario), [(0.3, 0.01, 0.05), (0.2, 0.02, 0.1)]);
    assert_eq!(avs(&fed), [(0.3, 0.01, 0.05), (0.2, 0.02, 0.2)]);
    let loss = |s| {
        restack::engine::evaluate(s)
            .map(|r| r.summary.expected_loss)
            .unwrap_or_else(|e| panic!("valid: {e:?}"))
    };
    // Through the YT on top, a 10 % slash already costs the whole YT: no more to lose.
    assert!(loss(&fed) >= loss(&scenario));
    // On the stake and the restake layer alone, a backing loss reaches equity one for one
    // (no leverage, METHODOLOGY §3), so the expected loss grows by p · Δseverity =
    // 0.02 · (0.2 − 0.1) = 0.002.
    let mut low = scenario.clone();
    low.layers.truncate(2);
    let low_fed = exposure(&low, &n, &run(&n)).slashes_as_severities(&low);
    assert!((loss(&low_fed) - loss(&low) - 0.002).abs() < 1e-12);
    // Against a network none of its AVSs is in, nothing changes.
    let b = preset("babylon-full");
    assert_eq!(
        exposure(&scenario, &b, &run(&b)).slashes_as_severities(&scenario),
        scenario
    );
}
