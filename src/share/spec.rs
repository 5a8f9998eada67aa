//! The v1 link format's keys and defaults, pinned forever.
//!
//! A field absent from a v1 link decodes to the default listed here, so these values can never
//! change: a later format with other defaults gets a new version number, and v1 links keep
//! decoding with this table. They are deliberately *not* taken from the engine's `Default`
//! impls, which may evolve. `README-format.md` documents the same table (a test checks it lists
//! every key and default).

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

/// A yes/no field, written `1` or `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    /// Key in the link.
    pub key: &'static str,
    /// Value of an absent key; the encoder omits a value equal to it.
    pub default: bool,
}

const fn num(key: &'static str, default: f64) -> Num {
    Num { key, default }
}

const fn flag(key: &'static str, default: bool) -> Flag {
    Flag { key, default }
}

// ---- top level ------------------------------------------------------------------------------

/// `v`: the format version. Always written first.
pub const VERSION_KEY: &str = "v";
/// `asset`: ticker of the staked asset. Always written.
pub const ASSET_KEY: &str = "asset";
/// Asset of a link without `asset`.
pub const DEFAULT_ASSET: Asset = Asset::Eth;
/// `stake`: units staked. Always written.
pub const STAKE_AMOUNT: Num = num("stake", 1.0);
/// `price`: USD price of one unit. Always written; its default depends on the asset
/// ([`default_price_usd`]).
pub const PRICE_KEY: &str = "price";
/// `days`: projection horizon. Always written.
pub const HORIZON_DAYS: Num = num("days", 365.0);
/// `l`: one layer, repeated in stack order (bottom first).
pub const LAYER_KEY: &str = "l";
/// `corr`: correlation between risk events.
pub const CORRELATION: Num = num("corr", 0.0);
/// `points`: count points in the headline APY.
pub const INCLUDE_POINTS: Flag = flag("points", false);
/// `stress.drop`: base-asset price drop.
pub const STRESS_PRICE_DROP: Num = num("stress.drop", 0.30);
/// `stress.depeg`: small derivative depeg.
pub const STRESS_DEPEG_SMALL: Num = num("stress.depeg", 0.05);
/// `stress.depeg2`: large derivative depeg.
pub const STRESS_DEPEG_LARGE: Num = num("stress.depeg2", 0.15);
/// `stress.slash`: AVS slash.
pub const STRESS_AVS_SLASH: Num = num("stress.slash", 0.10);
/// `stress.borrow`: borrow APR the loops jump to.
pub const STRESS_BORROW_APR: Num = num("stress.borrow", 0.20);
/// `stress.ytapy`: implied APY a YT is marked at after the collapse.
pub const STRESS_YT_IMPLIED_APY: Num = num("stress.ytapy", 0.0);

/// Price of a link without `price` (or with a malformed one), per asset. ETH and BTC are the
/// seed article's round figures (BTC ≈ $89.43K); SOL and SUI are labelled assumptions.
pub fn default_price_usd(asset: Asset) -> f64 {
    match asset {
        Asset::Eth => 3_000.0,
        Asset::Btc => 89_430.0,
        Asset::Sol => 150.0,
        Asset::Sui => 3.0,
    }
}

// ---- view options (not part of the scenario; the same in every version) --------------------

/// `embed`: `1` for the compact embed layout.
pub const EMBED_KEY: &str = "embed";
/// `theme`: `light` or `dark`; absent = follow the system.
pub const THEME_KEY: &str = "theme";
/// The themes `theme` accepts.
pub const THEMES: [&str; 2] = ["light", "dark"];
/// `strategy`: id of the ready-made strategy the scenario came from (a hint for the picker).
pub const STRATEGY_KEY: &str = "strategy";
/// Longest strategy id accepted, in characters.
pub const MAX_STRATEGY_CHARS: usize = 64;

/// Keys that link trackers append (`utm_source`, `fbclid`, ...): ignored without a notice.
/// Keys starting with `utm_` are ignored too.
pub const TRACKING_KEYS: [&str; 7] = [
    "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid",
];

// ---- every layer ----------------------------------------------------------------------------

/// `pts`: points / airdrop APR.
pub const POINTS_APR: Num = num("pts", 0.0);
/// `pex`: annual probability of an exploit.
pub const P_EXPLOIT: Num = num("pex", 0.0);
/// `exl`: loss given an exploit.
pub const EXPLOIT_LOSS: Num = num("exl", 0.0);
/// `pdep`: annual probability of a realised depeg.
pub const P_DEPEG: Num = num("pdep", 0.0);
/// `depl`: size of that depeg.
pub const DEPEG_LOSS: Num = num("depl", 0.0);
/// `exit`: days to exit through the redemption path.
pub const EXIT_DAYS: Num = num("exit", 0.0);
/// `inst`: the token also trades for an instant exit.
pub const INSTANT_EXIT: Flag = flag("inst", false);
/// `share`: the protocol's share of its sector.
pub const MARKET_SHARE: Num = num("share", 0.0);

// ---- per kind -------------------------------------------------------------------------------

/// `stake` layer: `apr`, gross staking APR.
pub const STAKE_BASE_APR: Num = num("apr", 0.0);
/// `stake` layer: `fee`, fraction of rewards kept by the protocol.
pub const STAKE_FEE: Num = num("fee", 0.0);
/// `restake` layer: `comm`, operator commission on AVS rewards.
pub const RESTAKE_COMMISSION: Num = num("comm", 0.0);
/// `restake` layer: `avs`, one secured service, repeated: `avs:<name>(<params>)`.
pub const AVS_KEY: &str = "avs";
/// AVS: `apr`, reward APR.
pub const AVS_REWARD_APR: Num = num("apr", 0.0);
/// AVS: `mag`, allocated magnitude.
pub const AVS_MAGNITUDE: Num = num("mag", 0.0);
/// AVS: `p`, annual slashing probability.
pub const AVS_P_SLASH: Num = num("p", 0.0);
/// AVS: `sev`, slashing severity.
pub const AVS_SEVERITY: Num = num("sev", 0.0);
/// `lrt` layer: `fee`, fraction of the underlying rewards kept by the wrapper.
pub const LRT_FEE: Num = num("fee", 0.0);
/// `pt` and `yt` layers: `iapy`, implied APY at purchase.
pub const PENDLE_IMPLIED_APY: Num = num("iapy", 0.0);
/// `pt` and `yt` layers: `mat`, days to maturity.
pub const PENDLE_MATURITY_DAYS: Num = num("mat", 180.0);
/// `yt` layer: `rwd`, extra reward APR paid to YT holders.
pub const YT_REWARD_APR: Num = num("rwd", 0.0);
/// `loop` layer: `ltv`, loan-to-value per loop.
pub const LOOP_LTV: Num = num("ltv", 0.8);
/// `loop` layer: `lt`, liquidation threshold.
pub const LOOP_LIQ_THRESHOLD: Num = num("lt", 0.85);
/// `loop` layer: `bonus`, liquidation bonus.
pub const LOOP_LIQ_BONUS: Num = num("bonus", 0.05);
/// `loop` layer: `borrow`, borrow APR.
pub const LOOP_BORROW_APR: Num = num("borrow", 0.0);
/// `loop` layer: `supply`, supply APR on the collateral.
pub const LOOP_SUPPLY_APR: Num = num("supply", 0.0);
/// `loop` layer: `loops`, a loop count (`LoopSize::Loops`). The size is always written, as
/// `loops` or `lev`.
pub const LOOPS_KEY: &str = "loops";
/// `loop` layer: `lev`, a target leverage (`LoopSize::Target`).
pub const LEVERAGE_KEY: &str = "lev";
/// Loop count of a loop layer without `loops` or `lev`.
pub const DEFAULT_LOOPS: u32 = 3;
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

/// The layer kind codes of v1, in the order the format documents them.
pub const KIND_CODES: [&str; 6] = ["stake", "restake", "lrt", "pt", "yt", "loop"];

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
    use crate::engine::{LayerKind, LayerRisk, RiskSettings, StressSettings};

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
        let kinds = LayerKind::one_of_each();
        let codes: Vec<&str> = kinds.iter().map(LayerKind::code).collect();
        assert_eq!(codes, KIND_CODES);
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
        let numbers = [
            STAKE_AMOUNT,
            HORIZON_DAYS,
            CORRELATION,
            STRESS_PRICE_DROP,
            STRESS_DEPEG_SMALL,
            STRESS_DEPEG_LARGE,
            STRESS_AVS_SLASH,
            STRESS_BORROW_APR,
            STRESS_YT_IMPLIED_APY,
            POINTS_APR,
            P_EXPLOIT,
            EXPLOIT_LOSS,
            P_DEPEG,
            DEPEG_LOSS,
            EXIT_DAYS,
            MARKET_SHARE,
            STAKE_BASE_APR,
            STAKE_FEE,
            RESTAKE_COMMISSION,
            LRT_FEE,
            PENDLE_IMPLIED_APY,
            PENDLE_MATURITY_DAYS,
            YT_REWARD_APR,
            LOOP_LTV,
            LOOP_LIQ_THRESHOLD,
            LOOP_LIQ_BONUS,
            LOOP_BORROW_APR,
            LOOP_SUPPLY_APR,
        ];
        for n in numbers {
            let default = crate::share::format_f64(n.default);
            assert!(documented(n.key, &default), "{} = {default}", n.key);
        }
        for f in [INCLUDE_POINTS, INSTANT_EXIT] {
            assert!(
                documented(f.key, if f.default { "1" } else { "0" }),
                "{}",
                f.key
            );
        }
        assert!(documented(ASSET_KEY, asset_code(DEFAULT_ASSET)));
        assert!(documented(ORACLE_KEY, oracle_code(DEFAULT_ORACLE)));
        assert!(documented(DEBT_KEY, debt_code(DEFAULT_DEBT)));
        assert!(documented(LOOPS_KEY, &DEFAULT_LOOPS.to_string()));
        for key in [
            VERSION_KEY,
            PRICE_KEY,
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
        for code in KIND_CODES {
            assert!(documented(code, code), "{code}");
        }
        for key in ["apr", "mag", "p", "sev"] {
            assert!(readme.contains(&format!("`{key}`")), "{key}");
        }
        for key in TRACKING_KEYS.iter().chain([&THEME_KEY, &STRATEGY_KEY]) {
            assert!(readme.contains(&format!("`{key}`")), "{key}");
        }
    }

    #[test]
    fn pinned_defaults_match_the_engine_today() {
        // Absent settings decode to what the engine would pick by default today, so a link
        // without settings means "the defaults". (If the engine's defaults move, v1 keeps these.)
        let r = RiskSettings::default();
        assert_eq!(r.correlation, CORRELATION.default);
        assert_eq!(r.include_points, INCLUDE_POINTS.default);
        let s = StressSettings::default();
        assert_eq!(s.price_drop, STRESS_PRICE_DROP.default);
        assert_eq!(s.depeg_small, STRESS_DEPEG_SMALL.default);
        assert_eq!(s.depeg_large, STRESS_DEPEG_LARGE.default);
        assert_eq!(s.avs_slash, STRESS_AVS_SLASH.default);
        assert_eq!(s.borrow_apr, STRESS_BORROW_APR.default);
        assert_eq!(s.yt_implied_apy, STRESS_YT_IMPLIED_APY.default);
        let risk = LayerRisk::default();
        assert_eq!(risk.p_exploit, P_EXPLOIT.default);
        assert_eq!(risk.instant_exit, INSTANT_EXIT.default);
    }
}
