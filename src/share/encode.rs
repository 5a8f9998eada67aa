//! Scenario → v1 query string. The inverse of `decode` on every scenario: numbers are written
//! in their shortest exact form, free text is percent-encoded, fields equal to their pinned
//! default are left out.

use super::network;
use super::spec::{self, Flag, Num};
use super::text::{format_f64, push_text};
use super::view::{self, ViewOptions};
use crate::engine::param::{
    kind_params, ParamId, AVS, COSTS, COST_SETTINGS, LAYER, MC, SETTINGS, STAKE_FIELDS,
};
use crate::engine::security::Network;
use crate::engine::{Avs, Layer, LayerKind, LoopSize, Scenario};

/// The share-link query (without the leading `?`) for `scenario` shown with `view`.
///
/// Always written, in this order: `v`, `asset`, `stake`, `price`, `days`, then the gas price
/// when it is not 0, then one `l` per layer bottom to top, then the risk and stress settings that
/// differ from their defaults, then the Monte Carlo settings that differ from theirs (`mc.vol`
/// whenever set), then the view options. A non-finite number (which the engine never accepts) is written as `NaN` /
/// `inf`, and decoding reports it.
///
/// # Examples
/// ```
/// use restack::share::{decode, encode, ViewOptions};
/// let scenario = restack::engine::example_scenario();
/// let query = encode(&scenario, &ViewOptions::default());
/// assert!(query.starts_with("v=1&asset=ETH&stake=32&price=3000&days=365&l=stake.etherfi.eETH("));
/// assert_eq!(decode(&query).scenario, Some(scenario));
/// ```
pub fn encode(scenario: &Scenario, view: &ViewOptions) -> String {
    encode_with_network(Some(scenario), None, view)
}

/// The share-link query (without the leading `?`) for a scenario and/or a network (the security
/// view's), shown with `view`.
///
/// Written in this order: `v`, the scenario's keys as [`encode`] writes them (when there is a
/// scenario), the network's keys (`reuse`, each `svc`, each `op`, `shock` unless 0.1), then the
/// view options. A link with a network and no scenario decodes to a network and no scenario.
///
/// # Examples
/// ```
/// use restack::share::{decode, encode_with_network, Page, ViewOptions};
/// use restack::engine::security::{Allocation, Network, Operator, Reuse, Service};
/// let network = Network {
///     reuse: Reuse::Unique,
///     services: vec![Service { name: "EigenDA".into(), pfc_musd: 100.0, threshold: 0.33 }],
///     operators: vec![Operator {
///         name: "A".into(),
///         stake_musd: 900.0,
///         allocations: vec![Allocation { service: 0, magnitude: 0.3 }],
///     }],
///     shock_ratio: 0.1,
/// };
/// let view = ViewOptions { page: Page::Security, ..Default::default() };
/// let query = encode_with_network(None, Some(&network), &view);
/// assert_eq!(
///     query,
///     "v=1&reuse=unique&svc=EigenDA(pfc:100,thr:0.33)&op=A(stake:900,alloc:EigenDA(mag:0.3))&view=security"
/// );
/// let back = decode(&query);
/// assert_eq!((back.scenario, back.network), (None, Some(network)));
/// ```
pub fn encode_with_network(
    scenario: Option<&Scenario>,
    network: Option<&Network>,
    view: &ViewOptions,
) -> String {
    let mut out = String::with_capacity(512);
    out.push_str(spec::VERSION_KEY);
    out.push('=');
    out.push_str(&spec::VERSION.to_string());
    if let Some(scenario) = scenario {
        push_scenario(&mut out, scenario);
    }
    if let Some(network) = network {
        network::write(&mut out, network);
    }
    view::write(&mut out, view);
    out
}

/// The scenario's keys, from `asset` to the settings.
fn push_scenario(out: &mut String, scenario: &Scenario) {
    pair(out, spec::ASSET_KEY, spec::asset_code(scenario.stake.asset));
    for p in &STAKE_FIELDS {
        let x = (p.get)(scenario).unwrap_or(p.default);
        pair(out, spec::link_key(p.id), &format_f64(x));
    }
    for p in &COST_SETTINGS {
        if let Some(x) = (p.get)(scenario) {
            optional_pair(out, spec::num(p), x);
        }
    }
    for layer in &scenario.layers {
        out.push('&');
        out.push_str(spec::LAYER_KEY);
        out.push('=');
        push_layer(out, layer);
    }
    for (n, p) in SETTINGS.iter().enumerate() {
        if let Some(x) = (p.get)(scenario) {
            optional_pair(out, spec::num(p), x);
        }
        // `points` follows `corr`, as v1 has always written it.
        if n == 0 && scenario.risk.include_points != spec::INCLUDE_POINTS.default {
            pair(
                out,
                spec::INCLUDE_POINTS.key,
                flag_text(scenario.risk.include_points),
            );
        }
    }
    push_mc(out, scenario);
}

/// The Monte Carlo settings that differ from their defaults: `mc.seed`, `mc.paths`, then the
/// numbers (`mc.vol` whenever the scenario carries one: its default depends on the asset), then
/// `mc.crisis`.
fn push_mc(out: &mut String, scenario: &Scenario) {
    let mc = &scenario.mc;
    if mc.seed != spec::MC_SEED.default {
        pair(out, spec::MC_SEED.key, &mc.seed.to_string());
    }
    if u64::from(mc.paths) != spec::MC_PATHS.default {
        pair(out, spec::MC_PATHS.key, &mc.paths.to_string());
    }
    for p in &MC {
        match ((p.get)(scenario), p.id) {
            (Some(x), ParamId::McVolatility) => pair(out, spec::link_key(p.id), &format_f64(x)),
            (Some(x), _) => optional_pair(out, spec::num(p), x),
            (None, _) => {}
        }
    }
    if mc.crisis != spec::MC_CRISIS.default {
        pair(out, spec::MC_CRISIS.key, flag_text(mc.crisis));
    }
}

fn flag_text(x: bool) -> &'static str {
    if x {
        "1"
    } else {
        "0"
    }
}

/// Bit-equality, so that `-0` (≠ `0` in bits) is written and comes back as `-0`.
fn is_default(spec: Num, x: f64) -> bool {
    x.to_bits() == spec.default.to_bits()
}

pub(super) fn pair(out: &mut String, key: &str, value: &str) {
    out.push('&');
    out.push_str(key);
    out.push('=');
    out.push_str(value);
}

fn optional_pair(out: &mut String, spec: Num, x: f64) {
    if !is_default(spec, x) {
        pair(out, spec.key, &format_f64(x));
    }
}

/// The `key:value` parameters of one item, defaults left out.
#[derive(Default)]
pub(super) struct Params(Vec<String>);

impl Params {
    pub(super) fn raw(&mut self, key: &str, value: &str) {
        self.0.push(format!("{key}:{value}"));
    }

    pub(super) fn num(&mut self, spec: Num, x: f64) {
        if !is_default(spec, x) {
            self.raw(spec.key, &format_f64(x));
        }
    }

    fn flag(&mut self, spec: Flag, x: bool) {
        if x != spec.default {
            self.raw(spec.key, flag_text(x));
        }
    }

    /// `(a:1,b:2)`, or nothing when every field is at its default.
    pub(super) fn push_to(&self, out: &mut String) {
        if !self.0.is_empty() {
            out.push('(');
            out.push_str(&self.0.join(","));
            out.push(')');
        }
    }
}

fn push_layer(out: &mut String, layer: &Layer) {
    let mut p = Params::default();
    let kind = layer.kind.kind();
    for param in kind_params(kind) {
        if let Some(x) = (param.get)(&layer.kind) {
            p.num(spec::num(param), x);
        }
    }
    match &layer.kind {
        LayerKind::Restake { avs, .. } => {
            for a in avs {
                p.raw(spec::AVS_KEY, &avs_item(a));
            }
        }
        LayerKind::Loop {
            size, oracle, debt, ..
        } => {
            match size {
                LoopSize::Loops(n) => p.raw(spec::LOOPS_KEY, &n.to_string()),
                LoopSize::Target(t) => p.raw(spec::LEVERAGE_KEY, &format_f64(*t)),
            }
            if *oracle != spec::DEFAULT_ORACLE {
                p.raw(spec::ORACLE_KEY, spec::oracle_code(*oracle));
            }
            if *debt != spec::DEFAULT_DEBT {
                p.raw(spec::DEBT_KEY, spec::debt_code(*debt));
            }
        }
        LayerKind::Stake { .. }
        | LayerKind::LiquidRestake { .. }
        | LayerKind::PendlePt { .. }
        | LayerKind::PendleYt { .. } => {}
    }
    for param in &LAYER {
        if let Some(x) = (param.get)(layer) {
            p.num(spec::num(param), x);
        }
        if param.id == ParamId::ExitDays {
            p.flag(spec::INSTANT_EXIT, layer.risk.instant_exit);
        }
    }
    for param in &COSTS {
        if let Some(x) = (param.get)(layer) {
            p.num(spec::num(param), x);
        }
    }
    p.flag(spec::BOUGHT, layer.costs.bought);
    out.push_str(kind.code());
    out.push('.');
    push_text(out, &layer.protocol);
    out.push('.');
    push_text(out, &layer.token);
    p.push_to(out);
}

/// `<name>(apr:…,mag:…,p:…,sev:…)`.
fn avs_item(a: &Avs) -> String {
    let mut out = String::new();
    push_text(&mut out, &a.name);
    let mut p = Params::default();
    for param in &AVS {
        if let Some(x) = (param.get)(a) {
            p.num(spec::num(param), x);
        }
    }
    p.push_to(&mut out);
    out
}
