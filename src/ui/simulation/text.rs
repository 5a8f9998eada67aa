//! The simulation's figures as text and as markup (docs/METHODOLOGY.md §11, "Outputs"), with no
//! Leptos: the worker build (`src/bin/mc.rs`) renders a finished [`McReport`] here and posts the
//! markup, so the calculator's own wasm only sets it with one `inner_html`; the native test
//! (`tests/ui_expect_mc.rs`) writes the browser tests' expectations from the same functions.
//! Every text and attribute value goes through [`Markup`], so a layer named `<b>` stays text.

use crate::engine::{McReport, Scenario};
use crate::ui::charts::frame::{line, open_svg, rect, tick_text};
use crate::ui::charts::geometry::{nice_ticks, Linear, WIDTH};
use crate::ui::format::{number, percent, signed_percent, usd};
use crate::ui::markup::Markup;
use crate::ui::words;

/// One figure of a finished simulation: its test id, label, value and the line under it.
#[derive(Debug, Clone, PartialEq)]
pub struct McFigure {
    /// `data-testid` of the value.
    pub id: &'static str,
    /// What it is.
    pub label: &'static str,
    /// The value as shown.
    pub value: String,
    /// The line under it (a count of paths, an amount in USD).
    pub sub: String,
    /// Whether it is bad news (shown in the negative colour).
    pub negative: bool,
}

/// Paths a share of `paths` stands for (shares are counts over `paths`, so this is exact).
fn count(share: f64, paths: u32) -> u32 {
    let c = (share * f64::from(paths)).round();
    // A share is in [0, 1]: the cast saturates on anything else.
    c.clamp(0.0, f64::from(paths)) as u32
}

/// "247 of 2,000 paths".
fn of_paths(share: f64, paths: u32) -> String {
    format!(
        "{} of {} paths",
        number(f64::from(count(share, paths)), 0),
        number(f64::from(paths), 0)
    )
}

/// The figures, in the order the page shows them.
pub fn figures(r: &McReport) -> Vec<McFigure> {
    let dollars = |equity: f64| usd(equity * r.equity_usd);
    let loss = |fraction: f64| {
        if fraction > 0.0 {
            format!("{} lost", usd(fraction * r.equity_usd))
        } else {
            format!("{} gained", usd(-fraction * r.equity_usd))
        }
    };
    vec![
        McFigure {
            id: "mc-median-apy",
            label: "Median return (APY)",
            value: percent(r.median_apy),
            sub: format!("ends at {}", dollars(r.median_equity)),
            negative: r.median_apy < 0.0,
        },
        McFigure {
            id: "mc-p5-apy",
            label: "5th-percentile return (APY)",
            value: percent(r.p5_apy),
            sub: format!("ends at {}", dollars(r.p5_equity)),
            negative: r.p5_apy < 0.0,
        },
        McFigure {
            id: "mc-p-loss",
            label: "P(loss)",
            value: percent(r.p_loss),
            sub: of_paths(r.p_loss, r.paths),
            negative: false,
        },
        McFigure {
            // P(loss) counts the base asset's own price moves; this one asks whether the stack
            // did worse than simply holding the asset (METHODOLOGY §11, "Outputs").
            id: "mc-p-below-hold",
            label: "P(below holding)",
            value: percent(r.p_below_hold),
            sub: of_paths(r.p_below_hold, r.paths),
            negative: false,
        },
        McFigure {
            id: "mc-p-liquidation",
            label: "P(liquidation)",
            value: percent(r.p_liquidation),
            sub: of_paths(r.p_liquidation, r.paths),
            negative: false,
        },
        McFigure {
            id: "mc-p-wipeout",
            label: "P(wipe-out)",
            value: percent(r.p_wipeout),
            sub: of_paths(r.p_wipeout, r.paths),
            negative: false,
        },
        McFigure {
            id: "mc-var95",
            label: "VaR 95%",
            value: percent(r.var95),
            sub: loss(r.var95),
            negative: false,
        },
        McFigure {
            id: "mc-cvar95",
            label: "CVaR 95%",
            value: percent(r.cvar95),
            sub: loss(r.cvar95),
            negative: false,
        },
    ]
}

/// What was simulated: "2,000 paths · 365 days in 53 weekly steps · seed 1 · ETH volatility
/// 75.0% a year".
pub fn basis(r: &McReport, scenario: &Scenario) -> String {
    let last = if r.last_step_days < r.step_days {
        format!(" (the last {})", crate::ui::format::days(r.last_step_days))
    } else {
        String::new()
    };
    format!(
        "{} paths · {} days in {} weekly steps{last} · seed {} · {} volatility {} a year",
        number(f64::from(r.paths), 0),
        number(r.horizon_days, 1),
        number(f64::from(r.steps), 0),
        r.seed,
        scenario.stake.asset.ticker(),
        percent(r.volatility)
    )
}

/// The loss causes, most frequent first: (label, share of the loss paths, paths).
pub fn causes(r: &McReport, scenario: &Scenario) -> Vec<(String, String, String)> {
    r.loss_causes
        .iter()
        .map(|c| {
            (
                words::loss_cause_label(&c.cause, scenario),
                percent(c.share),
                number(f64::from(c.paths), 0),
            )
        })
        .collect()
}

/// A bin's range as returns over the horizon: "−12.3% to −10.1%".
fn bin_range(from: f64, to: f64) -> String {
    format!(
        "{} to {}",
        signed_percent(from - 1.0),
        signed_percent(to - 1.0)
    )
}

/// Height of the histogram's viewBox.
const HIST_H: f64 = 200.0;
/// Left gutter (the share-of-paths axis).
const HIST_LEFT: f64 = 52.0;
/// Right padding.
const HIST_RIGHT: f64 = 12.0;
/// Top padding.
const HIST_TOP: f64 = 10.0;
/// Bottom band (the return axis).
const HIST_BOTTOM: f64 = 30.0;

/// One bar of the histogram, in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The bar holds paths ending below today's equity.
    pub loss: bool,
}

/// The histogram's shapes: bars, the return axis's ticks (value, x), the share axis's ticks
/// (value, y) and where today's equity (a 0 % return) falls, if inside the range.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramShape {
    /// One per bin.
    pub bars: Vec<Bar>,
    /// Return ticks: (return, x).
    pub x_ticks: Vec<(f64, f64)>,
    /// Share-of-paths ticks: (share, y).
    pub y_ticks: Vec<(f64, f64)>,
    /// x of a 0 % return, when it lies inside the bars' range.
    pub zero_x: Option<f64>,
}

/// Pure geometry of the ending-equity histogram (every coordinate finite).
pub fn histogram_shape(r: &McReport) -> HistogramShape {
    let bins = &r.histogram.bins;
    let (lo, hi) = match (bins.first(), bins.last()) {
        (Some(a), Some(b)) if b.to > a.from => (a.from, b.to),
        (Some(a), _) => (a.from - 0.01, a.from + 0.01),
        _ => (0.99, 1.01),
    };
    let x = Linear::new((lo, hi), (HIST_LEFT, WIDTH - HIST_RIGHT));
    let n = f64::from(r.paths.max(1));
    let top = bins
        .iter()
        .map(|b| f64::from(b.paths) / n)
        .fold(0.0_f64, f64::max);
    let y_values = nice_ticks(0.0, top.max(1e-9), 4);
    let y_max = y_values.last().copied().unwrap_or(1.0);
    let base = HIST_H - HIST_BOTTOM;
    let y = Linear::new((0.0, y_max), (base, HIST_TOP));
    let single = bins.len() == 1;
    let bars = bins
        .iter()
        .map(|b| {
            let (x0, x1) = if single {
                (HIST_LEFT, WIDTH - HIST_RIGHT)
            } else {
                (x.map(b.from), x.map(b.to))
            };
            let top = y.map(f64::from(b.paths) / n);
            Bar {
                x: x0 + 0.5,
                y: top,
                w: (x1 - x0 - 1.0).max(0.5),
                h: (base - top).max(0.0),
                loss: b.to <= 1.0,
            }
        })
        .collect();
    let x_ticks = nice_ticks(lo - 1.0, hi - 1.0, 5)
        .into_iter()
        .filter(|t| (lo - 1.0..=hi - 1.0).contains(t))
        .map(|t| (t, x.map(t + 1.0)))
        .collect();
    let y_ticks = y_values.iter().map(|&v| (v, y.map(v))).collect();
    HistogramShape {
        bars,
        x_ticks,
        y_ticks,
        zero_x: (lo < 1.0 && 1.0 < hi).then(|| x.map(1.0)),
    }
}

/// The histogram: an `<svg role="img">` named by a one-line summary, and a visually hidden
/// table of every bin, its text alternative.
pub fn histogram_markup(m: &mut Markup, r: &McReport) {
    let g = histogram_shape(r);
    let summary = format!(
        "Ending equity of {} paths: median return {} over the horizon, 5th percentile {}, {} end in a loss",
        number(f64::from(r.paths), 0),
        signed_percent(r.median_equity - 1.0),
        signed_percent(r.p5_equity - 1.0),
        percent(r.p_loss)
    );
    m.open(
        "figure",
        &[("class", "mc-histogram"), ("data-testid", "mc-histogram")],
    )
    .element(
        "figcaption",
        &[],
        "Ending equity: return over the horizon, share of paths",
    );
    open_svg(m, HIST_H, &summary);
    let base = HIST_H - HIST_BOTTOM;
    for &(v, at) in &g.y_ticks {
        line(m, "grid", (HIST_LEFT, at), (WIDTH - HIST_RIGHT, at));
        tick_text(m, HIST_LEFT - 4.0, at + 4.0, "end", &percent(v));
    }
    for b in &g.bars {
        let class = if b.loss { "mc-bar loss" } else { "mc-bar" };
        rect(m, class, b.x, b.y, b.w, b.h);
    }
    line(m, "axis", (HIST_LEFT, base), (WIDTH - HIST_RIGHT, base));
    if let Some(zx) = g.zero_x {
        line(m, "mc-zero", (zx, HIST_TOP), (zx, base));
    }
    for &(v, at) in &g.x_ticks {
        tick_text(m, at, base + 18.0, "middle", &signed_percent(v));
    }
    m.close("svg");
    let n = f64::from(r.paths.max(1));
    m.open("div", &[("class", "visually-hidden")])
        .open("table", &[])
        .element("caption", &[], "Ending equity by return over the horizon")
        .open("thead", &[])
        .open("tr", &[]);
    for c in ["Return", "Paths", "Share of paths"] {
        m.element("th", &[("scope", "col")], c);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for b in &r.histogram.bins {
        m.open("tr", &[])
            .element("th", &[("scope", "row")], &bin_range(b.from, b.to))
            .element("td", &[], &number(f64::from(b.paths), 0))
            .element("td", &[], &percent(f64::from(b.paths) / n))
            .close("tr");
    }
    m.close("tbody").close("table").close("div");
    let h = &r.histogram;
    if h.below > 0 || h.above > 0 {
        let note = format!(
            "The end bars also hold the {} paths below and the {} above the range shown (the 0.5th to 99.5th percentile).",
            number(f64::from(h.below), 0),
            number(f64::from(h.above), 0)
        );
        m.element("p", &[("class", "hint")], &note);
    }
    m.close("figure");
}

/// Everything a finished simulation shows, as one fragment: what was simulated, the figures,
/// the histogram and the loss causes.
pub fn result_markup(r: &McReport, scenario: &Scenario) -> String {
    let mut m = Markup::new();
    m.element(
        "p",
        &[("class", "hint"), ("data-testid", "mc-basis")],
        &basis(r, scenario),
    );
    m.open("div", &[("class", "headline mc-figures")]);
    for f in figures(r) {
        let class = if f.negative { "value neg" } else { "value" };
        m.open("div", &[("class", "metric")])
            .element("span", &[("class", "label")], f.label)
            .element("span", &[("class", class), ("data-testid", f.id)], &f.value)
            .element("span", &[("class", "sub")], &f.sub)
            .close("div");
    }
    m.close("div");
    histogram_markup(&mut m, r);
    let causes = causes(r, scenario);
    m.element("h3", &[], "What caused the losses");
    if causes.is_empty() {
        m.element(
            "p",
            &[("class", "hint"), ("data-testid", "mc-causes")],
            "No path ended in a loss.",
        );
    } else {
        m.element(
            "p",
            &[("class", "hint")],
            "For each path that ended in a loss, the event behind its largest one-week fall of equity.",
        );
        m.open(
            "ol",
            &[("class", "mc-causes"), ("data-testid", "mc-causes")],
        );
        for (label, share, paths) in causes.iter().take(5) {
            m.open("li", &[])
                .text(label)
                .text(&format!(": {share} of loss paths ({paths})"))
                .close("li");
        }
        m.close("ol");
    }
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{example_scenario, simulate};

    fn report(paths: u32) -> (McReport, Scenario) {
        let mut s = example_scenario();
        s.mc.paths = paths;
        let r = simulate(&s).unwrap_or_else(|e| unreachable!("valid: {e}"));
        (r, s)
    }

    #[test]
    fn counts_are_exact_shares() {
        // 247 of 2,000 is 0.1235: the count reads back exactly.
        assert_eq!(count(247.0 / 2000.0, 2000), 247);
        assert_eq!(count(1.0, 7), 7);
        assert_eq!(count(f64::NAN, 7), 0);
    }

    #[test]
    fn bars_stay_in_the_view_box_and_cover_every_bin() {
        let (r, _) = report(500);
        let g = histogram_shape(&r);
        assert_eq!(g.bars.len(), r.histogram.bins.len());
        for b in &g.bars {
            assert!(
                b.x >= HIST_LEFT && b.x + b.w <= WIDTH - HIST_RIGHT + 1e-9,
                "{b:?}"
            );
            assert!(b.y >= HIST_TOP - 1e-9 && b.y + b.h <= HIST_H - HIST_BOTTOM + 1e-9);
        }
        // The tallest bar reaches at most the top tick.
        let tallest = g.bars.iter().map(|b| b.h).fold(0.0, f64::max);
        assert!(tallest > 0.0);
    }

    #[test]
    fn one_bin_spans_the_chart() {
        // σ = 0 and no event: every path ends at the projection, one bar.
        let mut s = example_scenario();
        s.mc.paths = 50;
        s.mc.volatility = Some(0.0);
        for l in &mut s.layers {
            l.risk.p_exploit = 0.0;
            l.risk.p_depeg = 0.0;
            if let crate::engine::LayerKind::Restake { avs, .. } = &mut l.kind {
                for a in avs {
                    a.p_slash = 0.0;
                }
            }
        }
        let r = simulate(&s).unwrap_or_else(|e| unreachable!("valid: {e}"));
        let g = histogram_shape(&r);
        assert_eq!(g.bars.len(), 1);
        let b = g.bars.first().copied().unwrap_or(Bar {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
            loss: false,
        });
        assert!(b.w > 400.0 && b.h > 0.0);
        assert!(result_markup(&r, &s).contains("No path ended in a loss."));
    }

    #[test]
    fn markup_escapes_names_and_has_no_non_finite_text() {
        let (_, mut s) = report(10);
        if let Some(l) = s.layers.first_mut() {
            l.token = "<b>x".into();
            l.protocol = "<i>".into();
            l.risk.p_depeg = 1.0;
        }
        s.mc.paths = 200;
        let r = simulate(&s).unwrap_or_else(|e| unreachable!("valid: {e}"));
        let html = result_markup(&r, &s);
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        for bad in ["NaN", "inf", "Infinity"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        for id in [
            "mc-p-loss",
            "mc-p-liquidation",
            "mc-var95",
            "mc-cvar95",
            "mc-histogram",
        ] {
            assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id}");
        }
    }
}
