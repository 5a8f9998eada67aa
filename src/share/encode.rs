//! Scenario → v1 query string. The inverse of `decode` on every scenario: numbers are written
//! in their shortest exact form, free text is percent-encoded, fields equal to their pinned
//! default are left out.

use super::spec::{self, Flag, Num};
use super::text::{format_f64, push_text};
use super::view::{self, ViewOptions};
use crate::engine::{Avs, Layer, LayerKind, LayerRisk, LoopSize, Scenario};

/// The share-link query (without the leading `?`) for `scenario` shown with `view`.
///
/// Always written, in this order: `v`, `asset`, `stake`, `price`, `days`, then one `l` per layer
/// bottom to top, then the risk and stress settings that differ from their defaults, then the
/// view options. A non-finite number (which the engine never accepts) is written as `NaN` /
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
    let mut out = String::with_capacity(512);
    out.push_str(spec::VERSION_KEY);
    out.push('=');
    out.push_str(&spec::VERSION.to_string());
    pair(
        &mut out,
        spec::ASSET_KEY,
        spec::asset_code(scenario.stake.asset),
    );
    pair(
        &mut out,
        spec::STAKE_AMOUNT.key,
        &format_f64(scenario.stake.amount),
    );
    pair(
        &mut out,
        spec::PRICE_KEY,
        &format_f64(scenario.stake.price_usd),
    );
    pair(
        &mut out,
        spec::HORIZON_DAYS.key,
        &format_f64(scenario.horizon_days),
    );
    for layer in &scenario.layers {
        out.push('&');
        out.push_str(spec::LAYER_KEY);
        out.push('=');
        push_layer(&mut out, layer);
    }
    let r = &scenario.risk;
    optional_pair(&mut out, spec::CORRELATION, r.correlation);
    if r.include_points != spec::INCLUDE_POINTS.default {
        pair(
            &mut out,
            spec::INCLUDE_POINTS.key,
            flag_text(r.include_points),
        );
    }
    let s = &scenario.stress;
    optional_pair(&mut out, spec::STRESS_PRICE_DROP, s.price_drop);
    optional_pair(&mut out, spec::STRESS_DEPEG_SMALL, s.depeg_small);
    optional_pair(&mut out, spec::STRESS_DEPEG_LARGE, s.depeg_large);
    optional_pair(&mut out, spec::STRESS_AVS_SLASH, s.avs_slash);
    optional_pair(&mut out, spec::STRESS_BORROW_APR, s.borrow_apr);
    optional_pair(&mut out, spec::STRESS_YT_IMPLIED_APY, s.yt_implied_apy);
    view::write(&mut out, view);
    out
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

fn pair(out: &mut String, key: &str, value: &str) {
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
struct Params(Vec<String>);

impl Params {
    fn raw(&mut self, key: &str, value: &str) {
        self.0.push(format!("{key}:{value}"));
    }

    fn num(&mut self, spec: Num, x: f64) {
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
    fn push_to(&self, out: &mut String) {
        if !self.0.is_empty() {
            out.push('(');
            out.push_str(&self.0.join(","));
            out.push(')');
        }
    }
}

fn push_layer(out: &mut String, layer: &Layer) {
    let mut p = Params::default();
    let code = match &layer.kind {
        LayerKind::Stake {
            base_apr,
            fee_ratio,
        } => {
            p.num(spec::STAKE_BASE_APR, *base_apr);
            p.num(spec::STAKE_FEE, *fee_ratio);
            "stake"
        }
        LayerKind::Restake {
            avs,
            commission_ratio,
        } => {
            p.num(spec::RESTAKE_COMMISSION, *commission_ratio);
            for a in avs {
                p.raw(spec::AVS_KEY, &avs_item(a));
            }
            "restake"
        }
        LayerKind::LiquidRestake { fee_ratio } => {
            p.num(spec::LRT_FEE, *fee_ratio);
            "lrt"
        }
        LayerKind::PendlePt {
            implied_apy,
            maturity_days,
        } => {
            p.num(spec::PENDLE_IMPLIED_APY, *implied_apy);
            p.num(spec::PENDLE_MATURITY_DAYS, *maturity_days);
            "pt"
        }
        LayerKind::PendleYt {
            implied_apy,
            maturity_days,
            reward_apr,
        } => {
            p.num(spec::PENDLE_IMPLIED_APY, *implied_apy);
            p.num(spec::PENDLE_MATURITY_DAYS, *maturity_days);
            p.num(spec::YT_REWARD_APR, *reward_apr);
            "yt"
        }
        LayerKind::Loop {
            ltv,
            liq_threshold,
            liq_bonus,
            borrow_apr,
            supply_apr,
            size,
            oracle,
            debt,
        } => {
            p.num(spec::LOOP_LTV, *ltv);
            p.num(spec::LOOP_LIQ_THRESHOLD, *liq_threshold);
            p.num(spec::LOOP_LIQ_BONUS, *liq_bonus);
            p.num(spec::LOOP_BORROW_APR, *borrow_apr);
            p.num(spec::LOOP_SUPPLY_APR, *supply_apr);
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
            "loop"
        }
    };
    push_risk(&mut p, &layer.risk);
    p.num(spec::POINTS_APR, layer.points_apr);
    out.push_str(code);
    out.push('.');
    push_text(out, &layer.protocol);
    out.push('.');
    push_text(out, &layer.token);
    p.push_to(out);
}

fn push_risk(p: &mut Params, r: &LayerRisk) {
    p.num(spec::P_EXPLOIT, r.p_exploit);
    p.num(spec::EXPLOIT_LOSS, r.exploit_loss);
    p.num(spec::P_DEPEG, r.p_depeg);
    p.num(spec::DEPEG_LOSS, r.depeg_loss);
    p.num(spec::EXIT_DAYS, r.exit_days);
    p.flag(spec::INSTANT_EXIT, r.instant_exit);
    p.num(spec::MARKET_SHARE, r.market_share);
}

/// `<name>(apr:…,mag:…,p:…,sev:…)`.
fn avs_item(a: &Avs) -> String {
    let mut out = String::new();
    push_text(&mut out, &a.name);
    let mut p = Params::default();
    p.num(spec::AVS_REWARD_APR, a.reward_apr);
    p.num(spec::AVS_MAGNITUDE, a.magnitude);
    p.num(spec::AVS_P_SLASH, a.p_slash);
    p.num(spec::AVS_SEVERITY, a.severity);
    p.push_to(&mut out);
    out
}
