//! The v1 link format's keys and defaults, pinned forever.
//!
//! A field absent from a v1 link decodes to its default, so defaults can never change. The
//! numbers' defaults live in the engine's parameter table (`engine::param`, whose `default` is
//! documented as the v1 link default); their link keys are [`link_key`], an exhaustive match, so
//! a new parameter cannot be added without a key. An optional key whose absence reads as the old
//! behaviour may join v1 (documented in the v1 table with its default); a change of meaning
//! needs `v=2`. `README-format.md` documents the same table (a test checks it lists every key and
//! default).

use crate::engine::param::{Param, ParamId};
use crate::engine::security::Reuse;
use crate::engine::{Asset, DebtAsset, OracleKind};

/// The link format version this module writes.
pub const VERSION: u32 = 1;

/// A number field: its key in the link and the value an absent key decodes to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// Key in the link (`ltv`).
    pub key: &'static str,
    /// Value of an absent key; the encoder omits a value bit-equal to it.
    pub default: f64,
}

/// The link field of a parameter of the engine's table.
pub fn num<T>(p: &Param<T>) -> Num {
    Num {
        key: link_key(p.id),
        default: p.default,
    }
}

/// A yes/no field, written `1` or `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    /// Key in the link.
    pub key: &'static str,
    /// Value of an absent key; the encoder omits a value equal to it.
    pub default: bool,
}

const fn flag(key: &'static str, default: bool) -> Flag {
    Flag { key, default }
}

/// The key of a number in a v1 link. Pinned forever.
pub const fn link_key(id: ParamId) -> &'static str {
    match id {
        ParamId::BaseApr => "apr",
        ParamId::StakeFee | ParamId::LrtFee | ParamId::YtFee => "fee",
        ParamId::Commission => "comm",
        ParamId::ImpliedApy => "iapy",
        ParamId::PtMaturity | ParamId::YtMaturity => "mat",
        ParamId::YtReward => "rwd",
        ParamId::Ltv => "ltv",
        ParamId::LiqThreshold => "lt",
        ParamId::LiqBonus => "bonus",
        ParamId::BorrowApr => "borrow",
        ParamId::SupplyApr => "supply",
        ParamId::CloseFactor => "close",
        ParamId::PExploit => "pex",
        ParamId::ExploitLoss => "exl",
        ParamId::PDepeg => "pdep",
        ParamId::DepegLoss => "depl",
        ParamId::ExitDays => "exit",
        ParamId::MarketShare => "share",
        ParamId::PointsApr => "pts",
        ParamId::AvsReward => "apr",
        ParamId::AvsMagnitude => "mag",
        ParamId::AvsPSlash => "p",
        ParamId::AvsSeverity => "sev",
        ParamId::StakeAmount => "stake",
        ParamId::PriceUsd => "price",
        ParamId::HorizonDays => "days",
        ParamId::Correlation => "corr",
        ParamId::StressPriceDrop => "stress.drop",
        ParamId::StressDepegSmall => "stress.depeg",
        ParamId::StressDepegLarge => "stress.depeg2",
        ParamId::StressAvsSlash => "stress.slash",
        ParamId::StressBorrowApr => "stress.borrow",
        ParamId::StressYtImpliedApy => "stress.ytapy",
        ParamId::McVolatility => "mc.vol",
        ParamId::McPCrash => "mc.crash",
        ParamId::McPBorrowSpike => "mc.spike",
        ParamId::McPYtFall => "mc.ytfall",
        // Added to v1 with the cost model (absent = no cost, as before).
        ParamId::PendleFeeTier => "tier",
        ParamId::GasIn => "gin",
        ParamId::GasOut => "gout",
        ParamId::SwapFee => "swap",
        ParamId::Impact => "imp",
        ParamId::GasPrice => "gas",
    }
}

/// A whole-number field (written in decimal digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole {
    /// Key in the link.
    pub key: &'static str,
    /// Value of an absent key; the encoder omits a value equal to it.
    pub default: u64,
}

// ---- Monte Carlo settings (optional v1 keys added in 2026-11; absent: the defaults) ---------

/// `mc.seed`: the simulation's seed, 0 to 2⁶⁴ − 1.
pub const MC_SEED: Whole = Whole {
    key: "mc.seed",
    default: crate::engine::param::DEFAULT_MC_SEED,
};
/// `mc.paths`: the number of simulated paths (the engine accepts 1 to 1,000,000).
pub const MC_PATHS: Whole = Whole {
    key: "mc.paths",
    default: crate::engine::param::DEFAULT_MC_PATHS as u64,
};
/// `mc.crisis`: crisis mode (written after the `mc.*` numbers).
pub const MC_CRISIS: Flag = flag("mc.crisis", false);

// ---- top level ------------------------------------------------------------------------------

/// `v`: the format version. Always written first.
pub const VERSION_KEY: &str = "v";
/// `asset`: ticker of the staked asset. Always written.
pub const ASSET_KEY: &str = "asset";
/// Asset of a link without `asset`.
pub const DEFAULT_ASSET: Asset = Asset::Eth;
/// `l`: one layer, repeated in stack order (bottom first).
pub const LAYER_KEY: &str = "l";
/// `points`: count points in the headline APY.
pub const INCLUDE_POINTS: Flag = flag("points", false);

// ---- view options (not part of the scenario; the same in every version) --------------------

/// `embed`: `1` for the compact embed layout.
pub const EMBED_KEY: &str = "embed";
/// `theme`: `light` or `dark`; absent = follow the system.
pub const THEME_KEY: &str = "theme";
/// `strategy`: id of the ready-made strategy the scenario came from (a hint for the picker).
pub const STRATEGY_KEY: &str = "strategy";
/// Longest strategy id accepted, in characters.
pub const MAX_STRATEGY_CHARS: usize = 64;
/// `view`: which view the page opens, `calculator` (absent) | `compare` | `security`.
pub const VIEW_KEY: &str = "view";

/// Keys that link trackers append (`utm_source`, `fbclid`, ...): ignored without a notice.
/// Keys starting with `utm_` are ignored too.
pub const TRACKING_KEYS: [&str; 7] = [
    "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid",
];

// ---- layers ---------------------------------------------------------------------------------

/// `inst`: the token also trades for an instant exit (written after `exit`).
pub const INSTANT_EXIT: Flag = flag("inst", false);
/// `buy`: a stake, restake or wrapper token bought on its market instead of minted (written
/// after the cost numbers; added to v1 with the cost model).
pub const BOUGHT: Flag = flag("buy", false);
/// `restake` layer: `avs`, one secured service, repeated: `avs:<name>(<params>)`.
pub const AVS_KEY: &str = "avs";
/// `loop` layer: `loops`, a loop count (`LoopSize::Loops`). The size is always written, as
/// `loops` or `lev`.
pub const LOOPS_KEY: &str = "loops";
/// `loop` layer: `lev`, a target leverage (`LoopSize::Target`).
pub const LEVERAGE_KEY: &str = "lev";
/// `loop` layer: `oracle`, `mkt` | `rate` | `lin`.
pub const ORACLE_KEY: &str = "oracle";
/// Oracle of a loop layer without `oracle`.
pub const DEFAULT_ORACLE: OracleKind = OracleKind::Market;
/// `loop` layer: `debt`, `base` | `usd`.
pub const DEBT_KEY: &str = "debt";
/// Debt of a loop layer without `debt`.
pub const DEFAULT_DEBT: DebtAsset = DebtAsset::Base;
/// Every debt asset, in the order the notices list them.
pub const DEBT_ASSETS: [DebtAsset; 2] = [DebtAsset::Base, DebtAsset::Usd];

// ---- the network of the security view ------------------------------------------------------
//
// Added to v1 in 2026-12. A link without these keys has no network, as every earlier link; a
// link with them and no scenario keys has a network and no scenario.

/// `reuse`: the stake-reuse rule of the network, `full` | `unique`. Always written with a
/// network.
pub const REUSE_KEY: &str = "reuse";
/// Reuse rule of a network link without `reuse` (the papers' model).
pub const DEFAULT_REUSE: Reuse = Reuse::Full;
/// Every reuse rule, in the order the notices list them.
pub const REUSES: [Reuse; 2] = [Reuse::Full, Reuse::Unique];
/// `svc`: one service, repeated: `svc=<name>(pfc:…,thr:…)`.
pub const SERVICE_KEY: &str = "svc";
/// Service: `pfc`, its profit from corruption in millions of USD.
pub const PFC: Num = Num {
    key: "pfc",
    default: 0.0,
};
/// Service: `thr`, the fraction of its securing stake an attacker needs.
pub const THRESHOLD: Num = Num {
    key: "thr",
    default: 0.5,
};
/// `op`: one operator, repeated: `op=<name>(stake:…,alloc:<service>(mag:…),…)`.
pub const OPERATOR_KEY: &str = "op";
/// Operator: `stake`, in millions of USD.
pub const OPERATOR_STAKE: Num = Num {
    key: "stake",
    default: 0.0,
};
/// Operator: `alloc`, one allocation, repeated: `alloc:<service name>(mag:…)`.
pub const ALLOC_KEY: &str = "alloc";
/// Allocation: `mag`, the share of the operator's stake the service can slash.
pub const MAGNITUDE: Num = Num {
    key: "mag",
    default: 1.0,
};
/// `shock`: the shock ψ the cascade analysis applies, a fraction of the total stake.
pub const SHOCK: Num = Num {
    key: "shock",
    default: 0.1,
};

/// The reuse rule's code in a v1 link.
pub fn reuse_code(reuse: Reuse) -> &'static str {
    match reuse {
        Reuse::Full => "full",
        Reuse::Unique => "unique",
    }
}

/// Every asset v1 knows, in the order the notices list them.
pub const ASSETS: [Asset; 4] = [Asset::Eth, Asset::Btc, Asset::Sol, Asset::Sui];

/// The asset's code in a v1 link (read case-insensitively).
pub fn asset_code(asset: Asset) -> &'static str {
    match asset {
        Asset::Eth => "ETH",
        Asset::Btc => "BTC",
        Asset::Sol => "SOL",
        Asset::Sui => "SUI",
    }
}

/// Every oracle kind v1 knows.
pub const ORACLES: [OracleKind; 3] = [
    OracleKind::Market,
    OracleKind::ExchangeRate,
    OracleKind::LinearDiscount,
];

/// The oracle's code in a v1 link.
pub fn oracle_code(oracle: OracleKind) -> &'static str {
    match oracle {
        OracleKind::Market => "mkt",
        OracleKind::ExchangeRate => "rate",
        OracleKind::LinearDiscount => "lin",
    }
}

/// The debt asset's code in a v1 link.
pub fn debt_code(debt: DebtAsset) -> &'static str {
    match debt {
        DebtAsset::Base => "base",
        DebtAsset::Usd => "usd",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::param::{
        kind_params, AVS, COSTS, COST_SETTINGS, LAYER, MC, SETTINGS, STAKE_FIELDS,
    };
    use crate::engine::{default_price_usd, default_volatility, Kind};

    #[test]
    fn pinned_codes_match_the_engine_today() {
        // The link pins its own codes; the UI shows the engine's. They agree today, so a link
        // reads the same words as the page. (If the engine renames a code, v1 keeps its own.)
        for a in ASSETS {
            assert_eq!(asset_code(a), a.ticker());
        }
        for o in ORACLES {
            assert_eq!(oracle_code(o), o.code());
        }
        for d in DEBT_ASSETS {
            assert_eq!(debt_code(d), d.code());
        }
        for r in REUSES {
            assert_eq!(reuse_code(r), r.code());
        }
        let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes, ["stake", "restake", "lrt", "pt", "yt", "loop"]);
    }

    #[test]
    fn keys_are_unique_where_they_are_read_together() {
        // Two parameters of one layer (or of the top level) with the same link key would read
        // each other's values.
        for kind in Kind::ALL {
            let mut keys: Vec<&str> = kind_params(kind)
                .iter()
                .map(|p| link_key(p.id))
                .chain(LAYER.iter().chain(&COSTS).map(|p| link_key(p.id)))
                .chain([
                    INSTANT_EXIT.key,
                    BOUGHT.key,
                    AVS_KEY,
                    LOOPS_KEY,
                    LEVERAGE_KEY,
                    ORACLE_KEY,
                    DEBT_KEY,
                ])
                .collect();
            let n = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), n, "{kind}");
        }
        let mut top: Vec<&str> = STAKE_FIELDS
            .iter()
            .chain(&SETTINGS)
            .chain(&COST_SETTINGS)
            .chain(&MC)
            .map(|p| link_key(p.id))
            .chain([VERSION_KEY, ASSET_KEY, LAYER_KEY, INCLUDE_POINTS.key])
            .chain([MC_SEED.key, MC_PATHS.key, MC_CRISIS.key])
            .chain([EMBED_KEY, THEME_KEY, STRATEGY_KEY, VIEW_KEY])
            .chain([REUSE_KEY, SERVICE_KEY, OPERATOR_KEY, SHOCK.key])
            .collect();
        let n = top.len();
        top.sort_unstable();
        top.dedup();
        assert_eq!(top.len(), n);
    }

    #[test]
    fn the_project_readme_carries_the_same_link_format() {
        // Guards "kept in sync": the README's link-format section is README-format.md with its
        // headings one level deeper, from the marker to the next `## ` heading.
        let readme = include_str!("../../README.md");
        let marker = "<!-- LINK-FORMAT: kept in sync with src/share/README-format.md -->\n";
        let section = readme
            .split_once(marker)
            .map(|(_, rest)| rest.split("\n## ").next().unwrap_or_default())
            .unwrap_or_default();
        let expected: String = include_str!("README-format.md")
            .lines()
            .map(|l| match l.strip_prefix('#') {
                Some(rest) if rest.starts_with('#') || rest.starts_with(' ') => format!("#{l}\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        assert_eq!(section.trim_end(), expected.trim_end(), "update README.md");
    }

    #[test]
    fn the_readme_documents_every_key_and_default() {
        // Guards the promise that README-format.md is the format: each key appears in a table
        // row together with its pinned default.
        let readme = include_str!("README-format.md");
        let rows: Vec<&str> = readme.lines().filter(|l| l.starts_with('|')).collect();
        let documented = |key: &str, default: &str| {
            rows.iter().any(|row| {
                row.contains(&format!("`{key}`")) && row.contains(&format!("`{default}`"))
            })
        };
        let mut numbers: Vec<Num> = Vec::new();
        for kind in Kind::ALL {
            numbers.extend(kind_params(kind).iter().map(num));
        }
        numbers.extend(LAYER.iter().map(num));
        numbers.extend(COSTS.iter().map(num));
        numbers.extend(AVS.iter().map(num));
        numbers.extend(SETTINGS.iter().map(num));
        numbers.extend(COST_SETTINGS.iter().map(num));
        numbers.extend(
            STAKE_FIELDS
                .iter()
                .filter(|p| p.id != ParamId::PriceUsd)
                .map(num),
        );
        numbers.extend(MC.iter().filter(|p| p.id != ParamId::McVolatility).map(num));
        for n in numbers {
            let default = crate::share::format_f64(n.default);
            assert!(documented(n.key, &default), "{} = {default}", n.key);
        }
        for w in [MC_SEED, MC_PATHS] {
            assert!(documented(w.key, &w.default.to_string()), "{}", w.key);
        }
        let vol_key = link_key(ParamId::McVolatility);
        let vol_row = rows
            .iter()
            .find(|row| row.contains(&format!("`{vol_key}`")));
        for a in ASSETS {
            let vol = crate::share::format_f64(default_volatility(a));
            assert!(
                vol_row.is_some_and(|row| row.contains(&format!("{} `{vol}`", asset_code(a)))),
                "{vol_key} for {a}"
            );
        }
        for f in [INCLUDE_POINTS, INSTANT_EXIT, BOUGHT, MC_CRISIS] {
            assert!(
                documented(f.key, if f.default { "1" } else { "0" }),
                "{}",
                f.key
            );
        }
        assert!(documented(ASSET_KEY, asset_code(DEFAULT_ASSET)));
        assert!(documented(ORACLE_KEY, oracle_code(DEFAULT_ORACLE)));
        assert!(documented(DEBT_KEY, debt_code(DEFAULT_DEBT)));
        assert!(documented(
            LOOPS_KEY,
            &crate::engine::param::DEFAULT_LOOPS.to_string()
        ));
        for key in [
            VERSION_KEY,
            "price",
            LAYER_KEY,
            AVS_KEY,
            LEVERAGE_KEY,
            EMBED_KEY,
        ] {
            assert!(documented(key, key), "{key}");
        }
        for a in ASSETS {
            let price = crate::share::format_f64(default_price_usd(a));
            assert!(
                readme.contains(&format!("{} `{price}`", asset_code(a))),
                "{a}"
            );
        }
        for k in Kind::ALL {
            assert!(documented(k.code(), k.code()), "{k}");
        }
        for key in TRACKING_KEYS.iter().chain([&THEME_KEY, &STRATEGY_KEY]) {
            assert!(readme.contains(&format!("`{key}`")), "{key}");
        }
        // The network of the security view and the view option.
        for n in [PFC, THRESHOLD, OPERATOR_STAKE, MAGNITUDE, SHOCK] {
            let default = crate::share::format_f64(n.default);
            assert!(documented(n.key, &default), "{} = {default}", n.key);
        }
        assert!(documented(REUSE_KEY, reuse_code(DEFAULT_REUSE)));
        for key in [SERVICE_KEY, OPERATOR_KEY, ALLOC_KEY] {
            assert!(documented(key, key), "{key}");
        }
        for r in REUSES {
            assert!(readme.contains(&format!("`{}`", reuse_code(r))), "{r}");
        }
        assert!(documented(VIEW_KEY, crate::share::Page::default().code()));
        for v in crate::share::Page::ALL {
            assert!(readme.contains(&format!("`{}`", v.code())), "{v:?}");
        }
    }
}
