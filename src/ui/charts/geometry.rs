//! Pure chart geometry: scales, ticks and the shapes of the four charts, computed from a
//! `Report` with no Leptos, so it is unit-tested natively. The components only draw what this
//! returns. Every coordinate is finite: a non-finite input maps to the scale's lower end.

use crate::engine::{Report, RiskKind};

/// What a segment of the risk stack stands for: the direct loss of an event by its kind, or the
/// liquidation penalties the events trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The direct loss of events of this kind.
    Loss(RiskKind),
    /// Liquidation penalties triggered by the events.
    Liquidation,
    /// A margin-ladder bar.
    Margin,
}

/// Width of every chart's viewBox; the SVG scales to its container.
pub const WIDTH: f64 = 480.0;
/// Left gutter for row labels (horizontal bar charts) or the value axis (vertical charts).
pub const LABEL_W: f64 = 96.0;
/// Height of one row in the horizontal bar charts.
pub const ROW_H: f64 = 24.0;
/// Top padding (room for the first tick label).
pub const PAD_TOP: f64 = 10.0;
/// Bottom band (category labels or the value axis).
pub const PAD_BOTTOM: f64 = 28.0;
/// Right padding (room for value labels at the end of a bar).
pub const PAD_RIGHT: f64 = 56.0;

/// A linear map from a data domain onto a pixel range, clamped to the range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// Map `[d0, d1]` onto `[r0, r1]`; an empty or non-finite domain maps everything to `r0`.
    pub fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Self {
        Self { d0, d1, r0, r1 }
    }

    /// Ticks at `values`, placed by this scale.
    pub fn ticks<'a>(&self, values: impl IntoIterator<Item = &'a f64>) -> Vec<Tick> {
        values
            .into_iter()
            .map(|&value| Tick {
                value,
                at: self.map(value),
            })
            .collect()
    }

    /// The pixel position of `v`, within the range, always finite.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if !v.is_finite() || !span.is_finite() || span == 0.0 {
            return self.r0;
        }
        let t = ((v - self.d0) / span).clamp(0.0, 1.0);
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// A coordinate as SVG text: one decimal, "0" for anything non-finite.
pub fn coord(v: f64) -> String {
    // Tenths as a whole number, written without float formatting (a chart has hundreds).
    if !v.is_finite() {
        return "0".into();
    }
    let tenths = (v * 10.0).round().clamp(-1e15, 1e15) as i64;
    let (sign, a) = if tenths < 0 {
        ("-", -tenths)
    } else {
        ("", tenths)
    };
    if a % 10 == 0 {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

/// Round tick values (1, 2 or 5 × 10ⁿ apart) covering `[lo, hi]`, at most about `count` of them.
/// The returned range `[first, last]` contains `[lo, hi]`; use it as the scale's domain.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    let (lo, hi) = if hi - lo < 1e-12 {
        let pad = if lo.abs() > 1e-12 {
            lo.abs() * 0.1
        } else {
            1.0
        };
        (lo - pad, hi + pad)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / count.max(1) as f64;
    let exp = raw.log10().floor();
    let mag = 10f64.powf(exp);
    // The multiplier nearest (geometrically) to raw / mag, as in d3's tickStep.
    let err = raw / mag;
    let m = if err >= 50f64.sqrt() {
        10.0
    } else if err >= 10f64.sqrt() {
        5.0
    } else if err >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    let step = m * mag;
    // k·m / 10ⁿ rounds once, so 3 × 0.2 is 0.6, not 0.6000000000000001.
    let value = |k: i64| {
        if exp < 0.0 {
            k as f64 * m / 10f64.powf(-exp)
        } else {
            k as f64 * step
        }
    };
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    // `count` bounds the loop, whatever the span.
    (first..=last.min(first + 2 * count as i64 + 2))
        .map(value)
        .collect()
}

/// Ticks and the domain they span.
fn domain_of(ticks: &[f64]) -> (f64, f64) {
    match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) if b > a => (*a, *b),
        _ => (0.0, 1.0),
    }
}

/// Shorten a label to `max` characters with an ellipsis.
pub fn short_label(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A value-axis tick: its value and pixel position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// Data value.
    pub value: f64,
    /// Pixel position along the value axis.
    pub at: f64,
}

/// One bar of the yield waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterfallBar {
    /// Category label (token, or "Net").
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height (≥ 1 px so a zero step stays visible).
    pub h: f64,
    /// What the bar shows: the layer's APY added, or the net APY for the total bar.
    pub value: f64,
    /// The layer takes yield away.
    pub negative: bool,
    /// The total bar, drawn from zero.
    pub total: bool,
}

/// The yield waterfall: each layer's APY step from the previous cumulative, then the net.
#[derive(Debug, Clone, PartialEq)]
pub struct Waterfall {
    /// Bars, bottom layer first, the net last.
    pub bars: Vec<WaterfallBar>,
    /// Value-axis ticks (APY fractions).
    pub ticks: Vec<Tick>,
    /// Pixel y of zero.
    pub zero_y: f64,
    /// viewBox height.
    pub height: f64,
}

/// Lay out the waterfall. Steps use `yield_added.apy`, which the engine defines to add up to the
/// top layer's cumulative APY, so the last step ends where the net bar ends.
pub fn waterfall(report: &Report) -> Waterfall {
    let height = 220.0;
    let mut level = 0.0;
    let mut steps = Vec::with_capacity(report.layers.len() + 1);
    for l in &report.layers {
        let from = level;
        level += finite(l.yield_added.apy);
        steps.push((
            l.token.clone(),
            from,
            level,
            finite(l.yield_added.apy),
            false,
        ));
    }
    let net = finite(report.summary.net.apy);
    steps.push(("Net".to_string(), 0.0, net, net, true));
    let lo = steps.iter().map(|s| s.1.min(s.2)).fold(0.0, f64::min);
    let hi = steps.iter().map(|s| s.1.max(s.2)).fold(0.0, f64::max);
    let ticks = nice_ticks(lo, hi, 4);
    let y = Linear::new(domain_of(&ticks), (height - PAD_BOTTOM, PAD_TOP));
    let plot_x = LABEL_W * 0.5;
    let slot = (WIDTH - plot_x - 8.0) / steps.len().max(1) as f64;
    let bars = steps
        .into_iter()
        .enumerate()
        .map(|(i, (label, from, to, value, total))| {
            let (a, b) = (y.map(from), y.map(to));
            let top = a.min(b);
            WaterfallBar {
                label: short_label(&label, 8),
                x: plot_x + i as f64 * slot + slot * 0.15,
                y: top,
                w: slot * 0.7,
                h: (a - b).abs().max(1.0),
                value,
                negative: value < 0.0,
                total,
            }
        })
        .collect();
    Waterfall {
        bars,
        ticks: y.ticks(&ticks),
        zero_y: y.map(0.0),
        height,
    }
}

/// The parts of the risk stack, in drawing order.
pub const RISK_PARTS: [Part; 4] = [
    Part::Loss(RiskKind::Exploit),
    Part::Loss(RiskKind::Slashing),
    Part::Loss(RiskKind::Depeg),
    Part::Liquidation,
];

/// CSS class of a part's fill.
pub fn part_class(part: Part) -> &'static str {
    match part {
        Part::Loss(RiskKind::Exploit) => "k-exploit",
        Part::Loss(RiskKind::Slashing) => "k-slashing",
        Part::Loss(RiskKind::Depeg) => "k-depeg",
        Part::Liquidation => "k-liquidation",
        Part::Margin => "margin",
    }
}

/// One segment of a horizontal stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// What it stands for.
    pub kind: Part,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub w: f64,
    /// Expected annual loss of equity it stands for.
    pub value: f64,
}

/// One row of a horizontal bar chart (risk stack or margin ladder).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Row label (the layer's token).
    pub label: String,
    /// Top edge of the bar.
    pub y: f64,
    /// Bar height.
    pub h: f64,
    /// Where the bar ends (for the value label).
    pub end_x: f64,
    /// The row's total value.
    pub value: f64,
    /// Segments (one for the margin ladder).
    pub segments: Vec<Segment>,
}

/// A horizontal bar chart: rows, value-axis ticks along x, viewBox height.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    /// Rows, bottom layer first.
    pub rows: Vec<Row>,
    /// X-axis ticks.
    pub ticks: Vec<Tick>,
    /// Pixel y of the axis line.
    pub axis_y: f64,
    /// viewBox height.
    pub height: f64,
}

fn rows_layout(items: Vec<(String, Vec<(Part, f64)>)>, ticks: Vec<f64>) -> Rows {
    let n = items.len();
    let axis_y = PAD_TOP + n as f64 * ROW_H;
    let height = axis_y + PAD_BOTTOM;
    let x = Linear::new(domain_of(&ticks), (LABEL_W, WIDTH - PAD_RIGHT));
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(i, (label, parts))| {
            let mut at = 0.0;
            let segments: Vec<Segment> = parts
                .into_iter()
                .filter(|(_, v)| *v > 0.0)
                .map(|(kind, v)| {
                    let (x0, x1) = (x.map(at), x.map(at + v));
                    at += v;
                    Segment {
                        kind,
                        x: x0,
                        w: (x1 - x0).max(0.0),
                        value: v,
                    }
                })
                .collect();
            Row {
                label: short_label(&label, 12),
                y: PAD_TOP + i as f64 * ROW_H + ROW_H * 0.2,
                h: ROW_H * 0.6,
                end_x: x.map(at),
                value: at,
                segments,
            }
        })
        .collect();
    Rows {
        rows,
        ticks: x.ticks(&ticks),
        axis_y,
        height,
    }
}

/// The risk stack: per layer, its contribution to expected annual loss of equity, split into the
/// direct losses by risk kind and the liquidation penalties its events trigger. A layer whose
/// events add up past the engine's cap (its `expected_loss`, at most 100 %) is scaled down to it,
/// so the chart and the table always show the same total.
pub fn risk_stack(report: &Report) -> Rows {
    let items: Vec<(String, Vec<(Part, f64)>)> = report
        .layers
        .iter()
        .map(|l| {
            let mut parts: Vec<(Part, f64)> = RISK_PARTS
                .iter()
                .map(|&part| {
                    let v: f64 = l
                        .risks
                        .iter()
                        .map(|e| {
                            let penalty = finite(e.p_annual * e.liquidation_penalty);
                            match part {
                                Part::Loss(k) if e.kind == k => {
                                    (finite(e.expected_loss) - penalty).max(0.0)
                                }
                                Part::Liquidation => penalty,
                                _ => 0.0,
                            }
                        })
                        .sum();
                    (part, v)
                })
                .collect();
            let sum: f64 = parts.iter().map(|(_, v)| v).sum();
            let cap = finite(l.expected_loss);
            if sum > cap && sum > 0.0 {
                for (_, v) in &mut parts {
                    *v *= cap / sum;
                }
            }
            (l.token.clone(), parts)
        })
        .collect();
    let max = items
        .iter()
        .map(|(_, p)| p.iter().map(|(_, v)| v).sum::<f64>())
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, if max > 0.0 { max } else { 0.01 }, 4);
    rows_layout(items, ticks)
}

/// The margin ladder: the shock each depth survives, on a fixed 0–100% axis so the shrinking
/// with depth reads at a glance.
pub fn margin_ladder(report: &Report) -> Rows {
    let items = report
        .layers
        .iter()
        .map(|l| {
            (
                l.token.clone(),
                vec![(Part::Margin, finite(l.margin).clamp(0.0, 1.0))],
            )
        })
        .collect();
    rows_layout(items, vec![0.0, 0.25, 0.5, 0.75, 1.0])
}

/// The projected value: two polylines over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// SVG path of the strategy's value.
    pub strategy_path: String,
    /// SVG path of simply holding.
    pub hold_path: String,
    /// Y ticks (USD).
    pub y_ticks: Vec<Tick>,
    /// X ticks (days).
    pub x_ticks: Vec<Tick>,
    /// End point of the strategy line.
    pub strategy_end: (f64, f64),
    /// End point of the hold line.
    pub hold_end: (f64, f64),
    /// viewBox height.
    pub height: f64,
}

/// Lay out the projection chart from the engine's series (day 0 to the horizon).
pub fn projection(report: &Report) -> Projection {
    let height = 220.0;
    let pts = &report.summary.projection;
    let values = pts.iter().flat_map(|p| [p.strategy_usd, p.hold_usd]);
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let y_ticks = nice_ticks(lo, hi, 4);
    let last_day = pts.last().map(|p| finite(p.day)).unwrap_or(0.0).max(1.0);
    let x_ticks = nice_ticks(0.0, last_day, 5);
    let x = Linear::new((0.0, last_day), (LABEL_W * 0.75, WIDTH - PAD_RIGHT));
    let y = Linear::new(domain_of(&y_ticks), (height - PAD_BOTTOM, PAD_TOP));
    let path = |f: &dyn Fn(&crate::engine::ProjectionPoint) -> f64| {
        let mut d = String::new();
        for (i, p) in pts.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&coord(x.map(p.day)));
            d.push(',');
            d.push_str(&coord(y.map(f(p))));
        }
        d
    };
    let end = |f: &dyn Fn(&crate::engine::ProjectionPoint) -> f64| {
        pts.last()
            .map(|p| (x.map(p.day), y.map(f(p))))
            .unwrap_or((x.map(0.0), y.map(0.0)))
    };
    Projection {
        strategy_path: path(&|p| p.strategy_usd),
        hold_path: path(&|p| p.hold_usd),
        y_ticks: y.ticks(&y_ticks),
        x_ticks: x.ticks(x_ticks.iter().filter(|v| **v <= last_day)),
        strategy_end: end(&|p| p.strategy_usd),
        hold_end: end(&|p| p.hold_usd),
        height,
    }
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, STRATEGIES};
    use crate::engine::evaluate;

    fn reports() -> Vec<Report> {
        let catalog = Catalog::shipped();
        STRATEGIES
            .iter()
            .filter_map(|s| s.scenario(&catalog).ok())
            .filter_map(|s| evaluate(&s).ok())
            .collect()
    }

    fn inside(v: f64, lo: f64, hi: f64) -> bool {
        v.is_finite() && v >= lo - 1e-9 && v <= hi + 1e-9
    }

    #[test]
    fn linear_maps_ends_clamps_and_survives_bad_input() {
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(10.0), 0.0);
        assert_eq!(s.map(5.0), 50.0);
        assert_eq!(s.map(20.0), 0.0);
        assert_eq!(s.map(f64::NAN), 100.0);
        assert_eq!(Linear::new((3.0, 3.0), (1.0, 2.0)).map(3.0), 1.0);
    }

    #[test]
    fn nice_ticks_cover_the_range_with_round_steps() {
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = nice_ticks(-0.013, 0.449, 4);
        assert!(t[0] <= -0.013 && t[t.len() - 1] >= 0.449, "{t:?}");
        assert!(t.contains(&0.0));
        assert!(t.len() <= 8);
        for (lo, hi) in [(5.0, 5.0), (0.0, 0.0), (f64::NAN, 1.0), (1e9, 1e9 + 1.0)] {
            let t = nice_ticks(lo, hi, 4);
            assert!(
                t.len() >= 2 && t.iter().all(|v| v.is_finite()),
                "{lo} {hi}: {t:?}"
            );
        }
    }

    #[test]
    fn coords_are_short_and_never_nan() {
        assert_eq!(coord(12.34), "12.3");
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(f64::NAN), "0");
        assert_eq!(short_label("YT-weETH (Dec 2026)", 9), "YT-weETH…");
        assert_eq!(short_label("eETH (restaked)", 8), "eETH (r…");
        assert_eq!(short_label("eETH", 9), "eETH");
    }

    #[test]
    fn waterfall_steps_chain_and_end_at_the_net_bar() {
        for r in reports() {
            let w = waterfall(&r);
            assert_eq!(w.bars.len(), r.layers.len() + 1);
            for b in &w.bars {
                assert!(
                    inside(b.x, 0.0, WIDTH) && inside(b.x + b.w, 0.0, WIDTH),
                    "{b:?}"
                );
                assert!(inside(b.y, 0.0, w.height) && inside(b.y + b.h, 0.0, w.height + 1.0));
            }
            // Each step starts where the previous one ended.
            let mut level = w.zero_y;
            for (b, l) in w.bars.iter().zip(&r.layers) {
                let (start, end) = if l.yield_added.apy >= 0.0 {
                    (b.y + b.h, b.y)
                } else {
                    (b.y, b.y + b.h)
                };
                if b.h > 1.0 {
                    assert!(
                        (start - level).abs() < 1e-6,
                        "{} {start} vs {level}",
                        b.label
                    );
                    level = end;
                }
            }
            let net = &w.bars[w.bars.len() - 1];
            assert!(net.total);
            let net_top = if r.summary.net.apy >= 0.0 {
                net.y
            } else {
                net.y + net.h
            };
            assert!(
                (net_top - level).abs() < 1e-3,
                "net {net_top} vs steps {level}"
            );
        }
    }

    #[test]
    fn risk_stack_rows_add_up_to_each_layers_expected_loss() {
        for r in reports() {
            let rows = risk_stack(&r);
            assert_eq!(rows.rows.len(), r.layers.len());
            for (row, l) in rows.rows.iter().zip(&r.layers) {
                let sum: f64 = l.risks.iter().map(|e| e.expected_loss).sum();
                assert!((row.value - sum).abs() < 1e-12);
                let mut x = LABEL_W;
                for s in &row.segments {
                    assert!((s.x - x).abs() < 1e-9, "segments are contiguous");
                    x = s.x + s.w;
                    assert!(inside(x, LABEL_W, WIDTH - PAD_RIGHT));
                }
            }
        }
    }

    #[test]
    fn margin_ladder_never_grows_with_depth() {
        for r in reports() {
            let rows = margin_ladder(&r);
            for pair in rows.rows.windows(2) {
                assert!(pair[1].end_x <= pair[0].end_x + 1e-9, "{pair:?}");
            }
        }
    }

    #[test]
    fn projection_paths_start_at_today_and_stay_in_the_box() {
        for r in reports() {
            let p = projection(&r);
            assert!(p.strategy_path.starts_with('M') && p.hold_path.starts_with('M'));
            assert!(!p.strategy_path.contains("NaN") && !p.strategy_path.contains("inf"));
            let nums = p
                .strategy_path
                .split(['M', 'L', ','])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<f64>().unwrap_or(f64::NAN));
            for v in nums {
                assert!(inside(v, 0.0, WIDTH), "{v}");
            }
            // Both lines start at the same equity.
            let first = |d: &str| d.split('L').next().unwrap_or_default().to_string();
            assert_eq!(first(&p.strategy_path), first(&p.hold_path));
        }
    }
}
