//! The cascade drawn as markup (docs/METHODOLOGY.md §13): operators and services in two columns,
//! allocations as links (width by the stake allocated), the shock and the nodes that fall marked
//! with the step at which they fall. Pure; set with one `inner_html`, like the other charts. Its
//! text alternative is the steps table the view shows beside it.

use super::text::musd;
use crate::engine::security::{Analysis, Cascade, Network, Reuse, Slash};
use crate::ui::charts::geometry::coord;
use crate::ui::markup::Markup;

const WIDTH: f64 = 640.0;
const NODE_W: f64 = 190.0;
const NODE_H: f64 = 38.0;
const ROW: f64 = 50.0;
const TOP: f64 = 34.0;
const LEFT_X: f64 = 8.0;
const RIGHT_X: f64 = WIDTH - NODE_W - 8.0;
/// Longest name drawn in a node, in characters (the table has the whole name).
const NAME_CHARS: usize = 24;

/// What happened to a node or link: untouched, destroyed by the shock, or lost at step k (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Untouched,
    Shock,
    Step(usize),
}

impl Fate {
    fn class(self) -> &'static str {
        match self {
            Fate::Untouched => "",
            Fate::Shock => " shocked",
            Fate::Step(_) => " fallen",
        }
    }
    fn label(self) -> Option<String> {
        match self {
            Fate::Untouched => None,
            Fate::Shock => Some("shock".to_string()),
            Fate::Step(k) => Some(format!("step {k}")),
        }
    }
    fn step(self) -> String {
        match self {
            Fate::Untouched => String::new(),
            Fate::Shock => "0".to_string(),
            Fate::Step(k) => k.to_string(),
        }
    }
}

fn short(name: &str) -> String {
    if name.chars().count() > NAME_CHARS {
        let mut s: String = name.chars().take(NAME_CHARS - 1).collect();
        s.push('…');
        s
    } else {
        name.to_string()
    }
}

/// The fates of operators (full reuse), allocations (unique stake) and services.
struct Fates {
    operators: Vec<Fate>,
    /// Per operator, per allocation index.
    allocations: Vec<Vec<Fate>>,
    services: Vec<Fate>,
}

fn fates(network: &Network, analysis: &Analysis, upto: Option<usize>) -> Fates {
    let mut f = Fates {
        operators: vec![Fate::Untouched; network.operators.len()],
        allocations: network
            .operators
            .iter()
            .map(|o| vec![Fate::Untouched; o.allocations.len()])
            .collect(),
        services: vec![Fate::Untouched; network.services.len()],
    };
    let Cascade::Exact(c) = &analysis.cascade else {
        return f;
    };
    let mark = |f: &mut Fates, s: &Slash, fate: Fate| match s.service {
        None => {
            if let Some(o) = f.operators.get_mut(s.operator) {
                *o = fate;
            }
            if let Some(links) = f.allocations.get_mut(s.operator) {
                links.iter_mut().for_each(|l| *l = fate);
            }
        }
        Some(service) => {
            let j = network
                .operators
                .get(s.operator)
                .and_then(|o| o.allocations.iter().position(|a| a.service == service));
            if let Some(l) = j.and_then(|j| {
                f.allocations
                    .get_mut(s.operator)
                    .and_then(|links| links.get_mut(j))
            }) {
                *l = fate;
            }
        }
    };
    for s in &c.shock {
        mark(&mut f, s, Fate::Shock);
    }
    let shown = upto.unwrap_or(usize::MAX);
    for (k, step) in c.steps.iter().enumerate().take(shown) {
        for s in &step.slashed {
            mark(&mut f, s, Fate::Step(k + 1));
        }
        for &svc in &step.services {
            if let Some(x) = f.services.get_mut(svc) {
                *x = Fate::Step(k + 1);
            }
        }
    }
    f
}

fn node(m: &mut Markup, x: f64, y: f64, name: &str, detail: &str, fate: Fate, kind: &str) {
    let class = format!("node {kind}{}", fate.class());
    let step = fate.step();
    let mut attrs = vec![("class", class.as_str()), ("data-name", name)];
    if fate != Fate::Untouched {
        attrs.push(("data-step", step.as_str()));
    }
    m.open("g", &attrs);
    m.open(
        "rect",
        &[
            ("x", &coord(x)),
            ("y", &coord(y)),
            ("width", &coord(NODE_W)),
            ("height", &coord(NODE_H)),
            ("rx", "5"),
        ],
    )
    .element("title", &[], name)
    .close("rect");
    m.element(
        "text",
        &[
            ("class", "name"),
            ("x", &coord(x + 8.0)),
            ("y", &coord(y + 16.0)),
        ],
        &short(name),
    );
    m.element(
        "text",
        &[
            ("class", "detail"),
            ("x", &coord(x + 8.0)),
            ("y", &coord(y + 31.0)),
        ],
        detail,
    );
    if let Some(label) = fate.label() {
        let (bx, anchor) = (x + NODE_W - 6.0, "end");
        m.element(
            "text",
            &[
                ("class", "badge"),
                ("x", &coord(bx)),
                ("y", &coord(y + 16.0)),
                ("text-anchor", anchor),
            ],
            &label,
        );
    }
    m.close("g");
}

/// The drawing of `network`'s worst cascade as markup (an `<svg>`), marked up to step `upto`
/// (`Some(0)`: the shock alone; `None`: every step).
pub fn draw(network: &Network, analysis: &Analysis, upto: Option<usize>) -> String {
    let f = fates(network, analysis, upto);
    let rows = network.operators.len().max(network.services.len()).max(1);
    let height = TOP + rows as f64 * ROW + 8.0;
    let center = |i: usize, n: usize| {
        // Centre the shorter column against the taller one.
        let offset = (rows - n.min(rows)) as f64 * ROW / 2.0;
        TOP + offset + i as f64 * ROW
    };
    let n_ops = network.operators.len();
    let n_svc = network.services.len();
    let max_link = network
        .operators
        .iter()
        .flat_map(|o| {
            o.allocations
                .iter()
                .map(move |a| o.stake_musd * a.magnitude)
        })
        .fold(0.0_f64, f64::max);
    let fallen = f.services.iter().filter(|x| **x != Fate::Untouched).count();
    let summary = match &analysis.cascade {
        Cascade::Exact(c) => format!(
            "The worst cascade: {} operators, {} services; the shock destroys {}, then {} of {} services fall. The table below lists each step.",
            n_ops,
            n_svc,
            musd(c.shock_stake_musd),
            fallen,
            n_svc
        ),
        Cascade::TooManyUnits { .. } | Cascade::TooMuchWork { .. } => format!(
            "The network: {n_ops} operators and {n_svc} services with their allocations; the cascade was not computed."
        ),
    };
    let view_box = format!("0 0 {} {}", coord(WIDTH), coord(height));
    let mut m = Markup::new();
    m.open(
        "svg",
        &[
            ("class", "cascade-svg"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", &summary),
        ],
    );
    m.element(
        "text",
        &[("class", "column"), ("x", &coord(LEFT_X)), ("y", "18")],
        "Operators (stake)",
    );
    m.element(
        "text",
        &[
            ("class", "column"),
            ("x", &coord(RIGHT_X + NODE_W)),
            ("y", "18"),
            ("text-anchor", "end"),
        ],
        "Services (profit from corruption)",
    );
    for (i, o) in network.operators.iter().enumerate() {
        let y0 = center(i, n_ops) + NODE_H / 2.0;
        for (j, a) in o.allocations.iter().enumerate() {
            if a.service >= n_svc {
                continue;
            }
            let y1 = center(a.service, n_svc) + NODE_H / 2.0;
            let fate = f
                .allocations
                .get(i)
                .and_then(|l| l.get(j))
                .copied()
                .unwrap_or(Fate::Untouched);
            let stake = o.stake_musd * a.magnitude;
            let width = if max_link > 0.0 {
                1.5 + 6.5 * (stake / max_link).clamp(0.0, 1.0)
            } else {
                1.5
            };
            let (x0, x1) = (LEFT_X + NODE_W, RIGHT_X);
            let mid = (x0 + x1) / 2.0;
            let d = format!(
                "M{},{}C{},{} {},{} {},{}",
                coord(x0),
                coord(y0),
                coord(mid),
                coord(y0),
                coord(mid),
                coord(y1),
                coord(x1),
                coord(y1)
            );
            let class = format!("link{}", fate.class());
            let service = network
                .services
                .get(a.service)
                .map_or("", |s| s.name.as_str());
            let title = match network.reuse {
                Reuse::Unique => format!(
                    "{} → {}: {} ({}% of its stake)",
                    o.name,
                    service,
                    musd(stake),
                    crate::ui::format::number(a.magnitude * 100.0, 2)
                ),
                Reuse::Full => format!(
                    "{} → {}: the whole stake, {}",
                    o.name,
                    service,
                    musd(o.stake_musd)
                ),
            };
            let sw = coord(width);
            m.open(
                "path",
                &[("class", &class), ("d", &d), ("stroke-width", &sw)],
            )
            .element("title", &[], &title)
            .close("path");
        }
    }
    for (i, o) in network.operators.iter().enumerate() {
        let fate = f.operators.get(i).copied().unwrap_or(Fate::Untouched);
        node(
            &mut m,
            LEFT_X,
            center(i, n_ops),
            &o.name,
            &musd(o.stake_musd),
            fate,
            "operator",
        );
    }
    for (s, svc) in network.services.iter().enumerate() {
        let fate = f.services.get(s).copied().unwrap_or(Fate::Untouched);
        node(
            &mut m,
            RIGHT_X,
            center(s, n_svc),
            &svc.name,
            &format!("π {}", musd(svc.pfc_musd)),
            fate,
            "service",
        );
    }
    m.close("svg");
    m.finish()
}
