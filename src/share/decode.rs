//! Query string → [`Decoded`]. Total: any input gives a result, problems become notices.

use super::fields::{parse_number, Fields, Notes};
use super::grammar::{split_item, split_params, Item};
use super::network::{self, is_network_key};
use super::notice::Notice;
use super::spec::{self, VERSION};
use super::text::{clip, decode_lossy, decode_text};
use super::view::{self, ViewOptions};
use super::{Decoded, MAX_LINK_CHARS};
use crate::engine::param::{
    kind_params, ParamId, AVS, COSTS, COST_SETTINGS, LAYER, MC, SETTINGS, STAKE_FIELDS,
};
use crate::engine::{
    default_price_usd, default_volatility, Avs, Kind, Layer, LayerKind, LoopSize, McSettings,
    RiskSettings, Scenario, Stake, StressSettings,
};

/// Decode a share link.
///
/// `input` may be the query with or without its leading `?`, a whole URL (the part after the
/// first `?` is read, up to a `#`), or a fragment (`#v=1&…`, `#/?v=1&…`). Surrounding whitespace
/// is ignored.
///
/// - More than [`MAX_LINK_CHARS`] characters: nothing is read (one [`Notice::TooLong`]).
/// - No parameters at all: no scenario, default view, no notices.
/// - `v=1`, or scenario keys without `v` (with [`Notice::NoVersion`]): the v1 scenario, each
///   absent field at its pinned default, each malformed one at its default with a notice.
/// - Any other `v`: no scenario (with [`Notice::NewerVersion`] or [`Notice::BadVersion`]); the
///   view options are still read, so a `strategy=` hint still applies.
///
/// - The network of the security view (`reuse`, `svc`, `op`, `shock`) is read beside the
///   scenario when any of its keys is there; with `v=1` and no scenario keys, the link is a
///   network alone (no scenario).
///
/// Unknown keys are ignored with a notice, except trackers' keys (`utm_*`, `fbclid`, ...).
/// Decoding does not validate the scenario; the engine does.
///
/// # Examples
/// ```
/// use restack::share::decode;
/// let d = decode("?v=1&asset=ETH&stake=32&price=3000&days=365&l=stake.lido.stETH(apr:0.03)");
/// let s = d.scenario.unwrap_or_else(|| unreachable!("a v1 link"));
/// assert_eq!(s.layers.len(), 1);
/// assert!(d.notices.is_empty());
///
/// let bad = decode("v=1&asset=ETH&stake=lots&price=3000&days=365");
/// assert_eq!(bad.notices[0].to_string(), "stake: \"lots\" is not a number; using the default 1");
/// ```
pub fn decode(input: &str) -> Decoded {
    let trimmed = input.trim();
    let chars = trimmed.chars().count();
    if chars > MAX_LINK_CHARS {
        return Decoded {
            scenario: None,
            network: None,
            view: ViewOptions::default(),
            notices: vec![Notice::TooLong { chars }],
        };
    }
    let mut fields = Fields::new("");
    for part in query_part(trimmed).split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        fields.push(key, value);
    }
    if fields.is_empty() {
        return Decoded::default();
    }
    let mut notes = Notes::default();
    let view = view::read(&mut fields, &mut notes);
    fields.skip(is_tracking_key);
    let has_scenario = fields.any_unread(is_scenario_key);
    let has_network = fields.any_unread(is_network_key);
    let (scenario, network) = match fields.take(spec::VERSION_KEY, &mut notes) {
        Some(raw) => match read_version(raw) {
            // `v=1` alone is a scenario at its defaults, as it always was; a network link
            // without scenario keys has no scenario.
            Ok(()) => (
                (has_scenario || !has_network).then(|| read_v1(&mut fields, &mut notes)),
                network::read(&mut fields, &mut notes),
            ),
            Err(notice) => {
                notes.push(notice);
                // Keys of another version are not "unknown": say nothing about them.
                fields.skip_all();
                (None, None)
            }
        },
        None if has_scenario || has_network => {
            notes.push(Notice::NoVersion);
            (
                has_scenario.then(|| read_v1(&mut fields, &mut notes)),
                network::read(&mut fields, &mut notes),
            )
        }
        None => (None, None),
    };
    fields.finish(&mut notes);
    Decoded {
        scenario,
        network,
        view,
        notices: notes.into_vec(),
    }
}

/// The query inside `input`: in a URL (`scheme://…`), what follows the first `?` (or, without
/// one, the first `#`; without either, nothing); otherwise what follows a `?` or `#` that comes
/// before the first `=` (`?v=1…`, `#v=1…`, `#/route?v=1…`), or the whole input. Always cut at a
/// following `#`, which starts a fragment.
pub(crate) fn query_part(input: &str) -> &str {
    let after = |i: usize| input.get(i.saturating_add(1)..).unwrap_or_default();
    let (question, hash) = (input.find('?'), input.find('#'));
    let query = if input.contains("://") {
        match (question, hash) {
            (Some(q), Some(h)) if h < q => after(h),
            (Some(q), _) => after(q),
            (None, Some(h)) => after(h),
            (None, None) => "",
        }
    } else {
        let first_eq = input.find('=').unwrap_or(input.len());
        match (question, hash) {
            (Some(q), _) if q < first_eq => after(q),
            (_, Some(h)) if h < first_eq => after(h),
            _ => input,
        }
    };
    // `#?v=1` and `https://x/#/?v=1`: the query is inside the fragment.
    let query = match (query.find('?'), query.find('=')) {
        (Some(q), Some(e)) if q < e => query.get(q.saturating_add(1)..).unwrap_or_default(),
        (Some(q), None) => query.get(q.saturating_add(1)..).unwrap_or_default(),
        _ => query,
    };
    query.split('#').next().unwrap_or_default()
}

fn is_tracking_key(key: &str) -> bool {
    key.starts_with("utm_") || spec::TRACKING_KEYS.contains(&key)
}

fn is_scenario_key(key: &str) -> bool {
    [
        spec::ASSET_KEY,
        spec::LAYER_KEY,
        spec::INCLUDE_POINTS.key,
        spec::MC_SEED.key,
        spec::MC_PATHS.key,
        spec::MC_CRISIS.key,
    ]
    .contains(&key)
        || STAKE_FIELDS
            .iter()
            .chain(&SETTINGS)
            .chain(&COST_SETTINGS)
            .chain(&MC)
            .any(|p| spec::link_key(p.id) == key)
}

fn read_version(raw: &str) -> Result<(), Notice> {
    let text = decode_lossy(raw);
    match text.trim().parse::<u32>() {
        Ok(VERSION) => Ok(()),
        Ok(version) if version > VERSION => Err(Notice::NewerVersion { version }),
        _ => Err(Notice::BadVersion { value: clip(&text) }),
    }
}

fn read_v1(f: &mut Fields<'_>, notes: &mut Notes) -> Scenario {
    let asset = f.choice(
        spec::ASSET_KEY,
        &spec::ASSETS,
        spec::asset_code,
        spec::DEFAULT_ASSET,
        true,
        notes,
    );
    let mut scenario = Scenario {
        stake: Stake {
            amount: 0.0,
            asset,
            price_usd: 0.0,
        },
        horizon_days: 0.0,
        layers: Vec::new(),
        risk: RiskSettings::default(),
        stress: StressSettings::default(),
        mc: McSettings::default(),
        costs: Default::default(),
    };
    for p in &STAKE_FIELDS {
        let mut field = spec::num(p);
        if p.id == ParamId::PriceUsd {
            field.default = default_price_usd(asset);
        }
        (p.set)(&mut scenario, f.required_num(field, notes));
    }
    for p in &COST_SETTINGS {
        (p.set)(&mut scenario, f.num(spec::num(p), notes));
    }
    scenario.layers = f
        .take_all(spec::LAYER_KEY)
        .into_iter()
        .enumerate()
        .filter_map(|(i, raw)| read_layer(i, raw, notes))
        .collect();
    for (n, p) in SETTINGS.iter().enumerate() {
        (p.set)(&mut scenario, f.num(spec::num(p), notes));
        if n == 0 {
            scenario.risk.include_points = f.flag(spec::INCLUDE_POINTS, notes);
        }
    }
    read_mc(f, notes, &mut scenario);
    scenario
}

/// The optional `mc.*` keys: absent, each reads as its v1 default (the volatility as none: the
/// asset's default, [`default_volatility`]).
fn read_mc(f: &mut Fields<'_>, notes: &mut Notes, scenario: &mut Scenario) {
    scenario.mc.seed = f.whole(spec::MC_SEED.key, spec::MC_SEED.default, notes);
    let paths_default = crate::engine::param::DEFAULT_MC_PATHS;
    scenario.mc.paths = f.whole(spec::MC_PATHS.key, paths_default, notes);
    for p in &MC {
        let key = spec::link_key(p.id);
        if p.id == ParamId::McVolatility {
            let asset_default = default_volatility(scenario.stake.asset);
            let text = format!("{} (the asset's)", super::text::format_f64(asset_default));
            if let Some(x) = f.optional_num(key, &text, notes) {
                (p.set)(scenario, x);
            }
        } else {
            (p.set)(scenario, f.num(spec::num(p), notes));
        }
    }
    scenario.mc.crisis = f.flag(spec::MC_CRISIS, notes);
}

/// Free text: percent-decoded, invalid UTF-8 replaced (with a notice); absent → `""` with a
/// notice.
fn read_text(at: &str, name: &str, raw: Option<&str>, notes: &mut Notes) -> String {
    let field = format!("{at}.{name}");
    let Some(raw) = raw else {
        notes.push(Notice::Missing {
            field,
            default: "\"\" (empty)".into(),
        });
        return String::new();
    };
    let (text, invalid) = decode_text(raw);
    if invalid {
        notes.push(Notice::InvalidText { field });
    }
    text
}

/// The `key:value` parameters of an item, with notices for its structural problems.
pub(super) fn item_fields<'a>(at: &str, item: &Item<'a>, notes: &mut Notes) -> Fields<'a> {
    if item.unclosed {
        notes.push(Notice::Syntax {
            field: at.to_string(),
            message: "missing \")\"; read to the end".into(),
        });
    }
    if !item.trailing.is_empty() {
        notes.push(Notice::Syntax {
            field: at.to_string(),
            message: format!(
                "text {:?} after \")\" ignored",
                clip(&decode_lossy(item.trailing))
            ),
        });
    }
    let mut fields = Fields::new(at);
    for part in split_params(item.body.unwrap_or_default()) {
        match part.split_once(':') {
            Some((key, value)) => fields.push(key, value),
            None => notes.push(Notice::Syntax {
                field: at.to_string(),
                message: format!("{:?} is not key:value; ignored", clip(&decode_lossy(part))),
            }),
        }
    }
    fields
}

/// One `l=` value: `kind.protocol.token(params)`. `None` (with a notice) for an unknown kind.
fn read_layer(index: usize, raw: &str, notes: &mut Notes) -> Option<Layer> {
    let at = format!("layers[{index}]");
    let item = split_item(raw);
    let mut head = item.head.splitn(3, '.');
    let code = decode_lossy(head.next().unwrap_or_default());
    let Ok(kind) = code.parse::<Kind>() else {
        let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        notes.push(Notice::Syntax {
            field: at,
            message: format!(
                "unknown layer kind {:?} (expected one of {}); layer skipped",
                clip(&code.trim().to_ascii_lowercase()),
                codes.join(", ")
            ),
        });
        return None;
    };
    let protocol = read_text(&at, "protocol", head.next(), notes);
    let token = read_text(&at, "token", head.next(), notes);
    let mut f = item_fields(&at, &item, notes);
    let mut layer = Layer::template(kind, protocol, token);
    for p in kind_params(kind) {
        (p.set)(&mut layer.kind, f.num(spec::num(p), notes));
    }
    match &mut layer.kind {
        LayerKind::Restake { avs, .. } => {
            *avs = f
                .take_all(spec::AVS_KEY)
                .into_iter()
                .enumerate()
                .map(|(j, raw)| read_avs(&format!("{at}.avs[{j}]"), raw, notes))
                .collect();
        }
        LayerKind::Loop {
            size, oracle, debt, ..
        } => {
            *size = read_size(&mut f, notes);
            *oracle = f.choice(
                spec::ORACLE_KEY,
                &spec::ORACLES,
                spec::oracle_code,
                spec::DEFAULT_ORACLE,
                false,
                notes,
            );
            *debt = f.choice(
                spec::DEBT_KEY,
                &spec::DEBT_ASSETS,
                spec::debt_code,
                spec::DEFAULT_DEBT,
                false,
                notes,
            );
        }
        LayerKind::Stake { .. }
        | LayerKind::LiquidRestake { .. }
        | LayerKind::PendlePt { .. }
        | LayerKind::PendleYt { .. } => {}
    }
    for p in &LAYER {
        (p.set)(&mut layer, f.num(spec::num(p), notes));
        if p.id == ParamId::ExitDays {
            layer.risk.instant_exit = f.flag(spec::INSTANT_EXIT, notes);
        }
    }
    for p in &COSTS {
        (p.set)(&mut layer, f.num(spec::num(p), notes));
    }
    layer.costs.bought = f.flag(spec::BOUGHT, notes);
    f.finish(notes);
    Some(layer)
}

/// `loops:<n>` or `lev:<x>` (the encoder always writes one).
fn read_size(f: &mut Fields<'_>, notes: &mut Notes) -> LoopSize {
    let default_loops = crate::engine::param::DEFAULT_LOOPS;
    let fallback = LoopSize::Loops(default_loops);
    let fallback_text = format!("{}:{default_loops}", spec::LOOPS_KEY);
    let loops = f.take(spec::LOOPS_KEY, notes);
    let lev = f.take(spec::LEVERAGE_KEY, notes);
    if loops.is_some() && lev.is_some() {
        notes.push(Notice::Syntax {
            field: f.at().to_string(),
            message: format!(
                "both {} and {} are given; using {}",
                spec::LOOPS_KEY,
                spec::LEVERAGE_KEY,
                spec::LEVERAGE_KEY
            ),
        });
    }
    match (lev, loops) {
        (Some(raw), _) => match parse_number(raw) {
            Ok(target) => LoopSize::Target(target),
            Err(expected) => {
                f.malformed(spec::LEVERAGE_KEY, raw, expected, &fallback_text, notes);
                fallback
            }
        },
        (None, Some(raw)) => match decode_lossy(raw).trim().parse::<u32>() {
            Ok(n) => LoopSize::Loops(n),
            Err(_) => {
                f.malformed(
                    spec::LOOPS_KEY,
                    raw,
                    "a whole number of loops",
                    &default_loops.to_string(),
                    notes,
                );
                fallback
            }
        },
        (None, None) => {
            f.missing(spec::LOOPS_KEY, &default_loops.to_string(), notes);
            fallback
        }
    }
}

/// One `avs:` value: `name(params)`.
fn read_avs(at: &str, raw: &str, notes: &mut Notes) -> Avs {
    let item = split_item(raw);
    let (name, invalid) = decode_text(item.head);
    if invalid {
        notes.push(Notice::InvalidText {
            field: format!("{at}.name"),
        });
    }
    let mut f = item_fields(at, &item, notes);
    let mut avs = Avs {
        name,
        reward_apr: 0.0,
        magnitude: 0.0,
        p_slash: 0.0,
        severity: 0.0,
    };
    for p in &AVS {
        (p.set)(&mut avs, f.num(spec::num(p), notes));
    }
    f.finish(notes);
    avs
}

#[cfg(test)]
mod tests {
    use super::query_part;

    #[test]
    fn the_query_part_of_what_a_page_or_a_user_passes() {
        // (input, query)
        let cases = [
            ("", ""),
            ("v=1&a=b", "v=1&a=b"),
            ("?v=1&a=b", "v=1&a=b"),
            ("#v=1", "v=1"),
            ("#?v=1", "v=1"),
            ("#/calc?v=1", "v=1"),
            ("https://x.org/?v=1#top", "v=1"),
            ("https://x.org/a=b/?v=1", "v=1"),
            ("https://x.org/#v=1", "v=1"),
            ("https://x.org/#/calc?v=1", "v=1"),
            ("https://x.org/", ""),
            ("example.org/?v=1", "v=1"),
            ("v=1&l=stake.a?b#c", "v=1&l=stake.a?b"),
            ("?", ""),
            ("#", ""),
        ];
        for (input, query) in cases {
            assert_eq!(query_part(input), query, "{input}");
        }
    }
}
