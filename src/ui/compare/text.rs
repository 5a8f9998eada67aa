//! The compare view's rows as text and sort keys (docs/METHODOLOGY.md §10): pure, shared by the
//! view and the native fixture the browser tests compare against.

use crate::catalog::{Catalog, Strategy};
use crate::engine::{worst_stress, HealthFactor, Report, Scenario};
use crate::ui::format::{days, multiplier, number, percent, usd};
use crate::ui::results::health_text;
use crate::ui::words;

/// A layer's protocol holding more than this share of its sector flags the stack (§5, §10).
pub const CONCENTRATED_SHARE: f64 = 1.0 / 3.0;

/// The columns, in order: header, and whether it sorts as a number.
pub const COLUMNS: [&str; 13] = [
    "Strategy",
    "Stake",
    "Net APY",
    "Risk-adjusted APY",
    "Price exposure",
    "Yield exposure",
    "Lowest health",
    "Tolerable drop or depeg",
    "P(loss, 1 y)",
    "Expected loss",
    "Exit",
    "Worst stress",
    "Protocols (TVL, share)",
];

/// One row: a strategy (or the user's own stack) for the same stake.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// Strategy id, or `yours` for the user's stack.
    pub id: String,
    /// Whether this is the user's stack.
    pub yours: bool,
    /// Text of each column, in [`COLUMNS`] order.
    pub cells: Vec<String>,
    /// Sort key of each column (text columns sort by their text).
    pub keys: Vec<f64>,
    /// The concentrated protocol and its share, if any.
    pub concentrated: Option<(String, f64)>,
    /// Wrapper depth (number of layers).
    pub depth: usize,
    /// (expected loss, net APY): the scatter's point.
    pub point: (f64, f64),
}

/// Build the row for `scenario` evaluated as `report`, named `name`.
pub fn row(
    id: &str,
    name: &str,
    yours: bool,
    scenario: &Scenario,
    report: &Report,
    catalog: &Catalog,
) -> CompareRow {
    let s = &report.summary;
    let ticker = scenario.stake.asset.ticker();
    let health_key = match s.health {
        HealthFactor::Value(h) => h,
        HealthFactor::NoDebt => f64::MAX,
    };
    let worst = worst_stress(report);
    let worst_text = worst.map_or_else(
        || "—".to_string(),
        |w| {
            format!(
                "{} ({})",
                percent(w.equity_change),
                words::stress_label(w, ticker, &report.layers)
            )
        },
    );
    let instant = scenario.layers.last().is_some_and(|l| l.risk.instant_exit);
    let exit = if instant && s.exit_days > 0.0 {
        format!("{} · instant market", days(s.exit_days))
    } else if instant {
        "instant market".to_string()
    } else {
        days(s.exit_days)
    };
    // Protocols of the stack, each once, with the catalog's TVL and share where known.
    let mut seen: Vec<&str> = Vec::new();
    let mut protocols = Vec::new();
    let mut concentrated: Option<(String, f64)> = None;
    for l in &scenario.layers {
        if seen.contains(&l.protocol.as_str()) {
            continue;
        }
        seen.push(&l.protocol);
        let info = catalog.protocol(&l.protocol);
        let name = info.map_or(l.protocol.clone(), |p| p.name.clone());
        let tvl = info
            .and_then(|p| p.figures.get("tvl_usd"))
            .map(|f| compact_usd(f.value));
        let share = l.risk.market_share;
        let mut text = name.clone();
        match (tvl, share > 0.0) {
            (Some(t), true) => text.push_str(&format!(" {t}, {}", percent(share))),
            (Some(t), false) => text.push_str(&format!(" {t}")),
            (None, true) => text.push_str(&format!(" {}", percent(share))),
            (None, false) => {}
        }
        if share > CONCENTRATED_SHARE && concentrated.as_ref().is_none_or(|(_, s)| share > *s) {
            concentrated = Some((name, share));
        }
        protocols.push(text);
    }
    let stake = format!("{} {ticker}", number(scenario.stake.amount, 4));
    let cells = vec![
        name.to_string(),
        stake,
        percent(s.net.apy),
        percent(s.risk_adjusted_apy),
        multiplier(s.price_exposure),
        multiplier(s.yield_exposure),
        health_text(&s.health),
        percent(s.margin),
        percent(s.p_any_loss),
        percent(s.expected_loss),
        exit,
        worst_text,
        protocols.join(" · "),
    ];
    let keys = vec![
        0.0,
        s.equity_usd,
        s.net.apy,
        s.risk_adjusted_apy,
        s.price_exposure,
        s.yield_exposure,
        health_key,
        s.margin,
        s.p_any_loss,
        s.expected_loss,
        s.exit_days,
        worst.map_or(0.0, |w| w.equity_change),
        0.0,
    ];
    CompareRow {
        id: id.to_string(),
        yours,
        cells,
        keys,
        concentrated,
        depth: scenario.layers.len(),
        point: (s.expected_loss, s.net.apy),
    }
}

/// "$13.9B", "$870M", "$12k".
pub fn compact_usd(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("${}B", number(v / 1e9, 1))
    } else if a >= 1e6 {
        format!("${}M", number(v / 1e6, 0))
    } else if a >= 1e3 {
        format!("${}k", number(v / 1e3, 0))
    } else {
        usd(v)
    }
}

/// Every row of the compare view with the scenario it stands for: the user's stack first, then
/// each ready-made strategy for the same stake ([`crate::catalog::for_the_same_stake`]), with the
/// strategy. Rows whose scenario the engine rejects are left out.
pub fn rows(
    catalog: &Catalog,
    user: &Scenario,
) -> Vec<(CompareRow, Scenario, Option<&'static Strategy>)> {
    let mut out = Vec::new();
    if let Ok(r) = crate::engine::evaluate(user) {
        out.push((
            row("yours", "Your stack", true, user, &r, catalog),
            user.clone(),
            None,
        ));
    }
    for (s, sc) in crate::catalog::for_the_same_stake(catalog, user) {
        if let Ok(r) = crate::engine::evaluate(&sc) {
            out.push((row(s.id, s.name, false, &sc, &r, catalog), sc, Some(s)));
        }
    }
    out
}

/// Order rows by column `col`, ascending or not; ties keep their order (stable). Text columns
/// sort by their text.
pub fn sort(rows: &mut [CompareRow], col: usize, ascending: bool) {
    let text = col == 0 || col == COLUMNS.len() - 1;
    rows.sort_by(|a, b| {
        let o = if text {
            let (x, y) = (a.cells.get(col), b.cells.get(col));
            x.cmp(&y)
        } else {
            let (x, y) = (a.keys.get(col).copied(), b.keys.get(col).copied());
            x.unwrap_or(0.0).total_cmp(&y.unwrap_or(0.0))
        };
        if ascending {
            o
        } else {
            o.reverse()
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_usd_reads_like_the_seed() {
        assert_eq!(compact_usd(13.86e9), "$13.9B");
        assert_eq!(compact_usd(870e6), "$870M");
        assert_eq!(compact_usd(12_300.0), "$12k");
    }
}
