//! The network of the security view in a link: `reuse`, `svc`, `op` and `shock` beside the
//! scenario (README-format.md, "The network of the security view"). Decoding is total, as for
//! layers: every problem becomes a notice and a default; an allocation to a service the link
//! does not name is skipped with a notice. Decoding does not validate the network; the engine
//! does (`engine::security::validate_network`).

use super::decode::item_fields;
use super::encode::{pair, Params};
use super::fields::{Fields, Notes};
use super::grammar::split_item;
use super::notice::Notice;
use super::spec::{
    self, ALLOC_KEY, MAGNITUDE, OPERATOR_KEY, OPERATOR_STAKE, PFC, REUSE_KEY, SERVICE_KEY, SHOCK,
    THRESHOLD,
};
use super::text::{clip, decode_text, format_f64, push_text};
use crate::engine::security::{Allocation, Network, Operator, Service};

/// Whether `key` is one of the network's top-level keys.
pub(crate) fn is_network_key(key: &str) -> bool {
    [REUSE_KEY, SERVICE_KEY, OPERATOR_KEY, SHOCK.key].contains(&key)
}

/// The network in the top-level pairs, or `None` when none of its keys is there.
pub(crate) fn read(f: &mut Fields<'_>, notes: &mut Notes) -> Option<Network> {
    if !f.any_unread(is_network_key) {
        return None;
    }
    let reuse = f.choice(
        REUSE_KEY,
        &spec::REUSES,
        spec::reuse_code,
        spec::DEFAULT_REUSE,
        true,
        notes,
    );
    let services: Vec<Service> = f
        .take_all(SERVICE_KEY)
        .into_iter()
        .enumerate()
        .map(|(i, raw)| read_service(i, raw, notes))
        .collect();
    let operators = f
        .take_all(OPERATOR_KEY)
        .into_iter()
        .enumerate()
        .map(|(i, raw)| read_operator(i, raw, &services, notes))
        .collect();
    let shock_ratio = f.num(SHOCK, notes);
    Some(Network {
        reuse,
        services,
        operators,
        shock_ratio,
    })
}

/// The percent-decoded name of an item, with a notice for invalid UTF-8.
fn read_name(at: &str, raw_head: &str, notes: &mut Notes) -> String {
    let (name, invalid) = decode_text(raw_head);
    if invalid {
        notes.push(Notice::InvalidText {
            field: format!("{at}.name"),
        });
    }
    name
}

/// One `svc=` value: `name(pfc:…,thr:…)`.
fn read_service(index: usize, raw: &str, notes: &mut Notes) -> Service {
    let at = format!("services[{index}]");
    let item = split_item(raw);
    let name = read_name(&at, item.head, notes);
    let mut f = item_fields(&at, &item, notes);
    let service = Service {
        name,
        pfc_musd: f.num(PFC, notes),
        threshold: f.num(THRESHOLD, notes),
    };
    f.finish(notes);
    service
}

/// One `op=` value: `name(stake:…,alloc:…,…)`.
fn read_operator(index: usize, raw: &str, services: &[Service], notes: &mut Notes) -> Operator {
    let at = format!("operators[{index}]");
    let item = split_item(raw);
    let name = read_name(&at, item.head, notes);
    let mut f = item_fields(&at, &item, notes);
    let stake_musd = f.num(OPERATOR_STAKE, notes);
    let allocations = f
        .take_all(ALLOC_KEY)
        .into_iter()
        .enumerate()
        .filter_map(|(j, raw)| read_allocation(&format!("{at}.alloc[{j}]"), raw, services, notes))
        .collect();
    f.finish(notes);
    Operator {
        name,
        stake_musd,
        allocations,
    }
}

/// One `alloc:` value: `service name(mag:…)`. `None` (with a notice) when no service has that
/// name: the exact name first, then ignoring ASCII case and surrounding spaces.
fn read_allocation(
    at: &str,
    raw: &str,
    services: &[Service],
    notes: &mut Notes,
) -> Option<Allocation> {
    let item = split_item(raw);
    let name = read_name(at, item.head, notes);
    let mut f = item_fields(at, &item, notes);
    let magnitude = f.num(MAGNITUDE, notes);
    f.finish(notes);
    let loose = |s: &Service| s.name.trim().eq_ignore_ascii_case(name.trim());
    let service = services
        .iter()
        .position(|s| s.name == name)
        .or_else(|| services.iter().position(loose));
    if service.is_none() {
        notes.push(Notice::Syntax {
            field: at.to_string(),
            message: format!(
                "no service named {:?} (services are listed with svc=); allocation skipped",
                clip(&name)
            ),
        });
    }
    service.map(|service| Allocation { service, magnitude })
}

/// Append the network's keys: `&reuse=…`, one `&svc=` per service, one `&op=` per operator, and
/// `&shock=` when not the default. An allocation to a service index the network does not have
/// cannot be named and is left out (validation rejects such a network).
pub(crate) fn write(out: &mut String, network: &Network) {
    pair(out, REUSE_KEY, spec::reuse_code(network.reuse));
    for s in &network.services {
        let mut p = Params::default();
        p.num(PFC, s.pfc_musd);
        p.num(THRESHOLD, s.threshold);
        let mut item = String::new();
        push_text(&mut item, &s.name);
        p.push_to(&mut item);
        pair(out, SERVICE_KEY, &item);
    }
    for o in &network.operators {
        let mut p = Params::default();
        p.num(OPERATOR_STAKE, o.stake_musd);
        for a in &o.allocations {
            let Some(service) = network.services.get(a.service) else {
                continue;
            };
            let mut alloc = String::new();
            push_text(&mut alloc, &service.name);
            let mut q = Params::default();
            q.num(MAGNITUDE, a.magnitude);
            q.push_to(&mut alloc);
            p.raw(ALLOC_KEY, &alloc);
        }
        let mut item = String::new();
        push_text(&mut item, &o.name);
        p.push_to(&mut item);
        pair(out, OPERATOR_KEY, &item);
    }
    if network.shock_ratio.to_bits() != SHOCK.default.to_bits() {
        pair(out, SHOCK.key, &format_f64(network.shock_ratio));
    }
}
