//! The compiled-in catalog: the seed article's figures (restaking sector review, Gate Learn,
//! data as of January 2026; docs/METHODOLOGY.md §8) and, where it gives none, labelled assumptions with
//! the reason for their size. `public/data/protocols.json` is this catalog serialised (a test
//! keeps the two equal; `RESTACK_WRITE_DATA=1 cargo test --test catalog write_data_file` rewrites
//! the file after an edit here).

use super::figure::{Figure, FigureUnit};
use super::product::{AvsPreset, Product};
use super::{Catalog, ProtocolInfo};
use crate::engine::{default_price_usd, Asset, DebtAsset, Kind, OracleKind};
use std::collections::BTreeMap;

const SEED: &str = "Restaking sector review (Gate Learn), seed article";
const SEED_AS_OF: &str = "2026-01";
/// Sector TVL from the seed article ($20.4B), the denominator of every market share below.
const SECTOR_TVL_USD: f64 = 20.4e9;

/// A figure printed in the seed article.
fn seed(value: f64, unit: FigureUnit, note: &str) -> Figure {
    Figure {
        value,
        unit,
        source: SEED.into(),
        as_of: SEED_AS_OF.into(),
        assumption: false,
        note: note.into(),
    }
}

/// A market share derived from the seed's TVLs: protocol TVL / sector TVL.
fn seed_share(tvl_usd: f64, what: &str) -> Figure {
    let share = (tvl_usd / SECTOR_TVL_USD * 100.0).round() / 100.0;
    seed(
        share,
        FigureUnit::Fraction,
        &format!("{what} TVL / sector TVL $20.4B, rounded to 1%"),
    )
}

/// A default with no published figure behind it; `why` says why its size is reasonable.
fn assume(value: f64, unit: FigureUnit, source: &str, why: &str) -> Figure {
    Figure {
        value,
        unit,
        source: source.into(),
        as_of: SEED_AS_OF.into(),
        assumption: true,
        note: why.into(),
    }
}

/// A published figure with its own source and date (not from the seed article).
fn sourced(value: f64, source: &str, as_of: &str, note: &str) -> Figure {
    Figure {
        value,
        unit: FigureUnit::Fraction,
        source: source.into(),
        as_of: as_of.into(),
        assumption: false,
        note: note.into(),
    }
}

const AAVE_CLOSE_SRC: &str = "Aave v3 LiquidationLogic.sol (aave-v3-core; v3.3 in aave-v3-origin)";
const AAVE_CLOSE_NOTE: &str = "a liquidation repays at most 50% of the debt while the health factor is above 0.95 (CLOSE_FACTOR_HF_THRESHOLD), all of it at or below 0.95 or for positions under $2,000 (v3.3)";

/// Aave v3's close factor (DEFAULT_LIQUIDATION_CLOSE_FACTOR).
fn aave_close_factor() -> Figure {
    sourced(0.5, AAVE_CLOSE_SRC, "2025-02-24", AAVE_CLOSE_NOTE)
}

/// A lending venue without a published close factor: the whole debt (the larger penalty).
fn whole_debt_close_factor(venue: &str) -> Figure {
    frac(
        1.0,
        venue,
        "no published close factor found; the whole debt is assumed repaid, the larger penalty",
    )
}

fn frac(value: f64, source: &str, why: &str) -> Figure {
    assume(value, FigureUnit::Fraction, source, why)
}

const RISK_SRC: &str = "Restack risk defaults";
const EXPLOIT_WHY: &str = "no published probability; order of magnitude from the DeFi exploit record (DefiLlama hacks dashboard) for audited, large protocols";
const DEPEG_WHY: &str = "no published probability; liquid (re)staking tokens traded a few % below backing in the stETH 2022 and LRT 2024 episodes";
const ETH_EXIT: &str = "seed: native ETH exit takes ~14 days";

/// Risk figures shared by every product: exploit, depeg, exit and concentration.
fn risk(
    params: &mut BTreeMap<String, Figure>,
    p_exploit: f64,
    exploit_loss: f64,
    depeg: (f64, f64),
    exit_days: Figure,
    market_share: Figure,
) {
    params.insert("p_exploit".into(), frac(p_exploit, RISK_SRC, EXPLOIT_WHY));
    params.insert(
        "exploit_loss".into(),
        frac(
            exploit_loss,
            RISK_SRC,
            "share of funds lost in a typical exploit of such contracts; editable",
        ),
    );
    params.insert("p_depeg".into(), frac(depeg.0, RISK_SRC, DEPEG_WHY));
    params.insert(
        "depeg_loss".into(),
        frac(
            depeg.1,
            RISK_SRC,
            "discount realised when selling during such an episode",
        ),
    );
    params.insert("exit_days".into(), exit_days);
    params.insert("market_share".into(), market_share);
}

fn days(value: f64, source: &str, why: &str, assumption: bool) -> Figure {
    Figure {
        assumption,
        ..assume(value, FigureUnit::Days, source, why)
    }
}

fn eth_exit() -> Figure {
    seed(14.0, FigureUnit::Days, ETH_EXIT)
}

fn no_share(why: &str) -> Figure {
    frac(0.0, RISK_SRC, why)
}

#[allow(clippy::too_many_arguments)]
fn product(
    id: &str,
    protocol: &str,
    name: &str,
    asset: Asset,
    kind: Kind,
    token: &str,
    instant_exit: bool,
    params: BTreeMap<String, Figure>,
) -> Product {
    Product {
        id: id.into(),
        protocol: protocol.into(),
        name: name.into(),
        asset,
        kind,
        token: token.into(),
        params,
        avs: Vec::new(),
        oracle: None,
        debt: None,
        instant_exit,
    }
}

fn map(entries: Vec<(&str, Figure)>) -> BTreeMap<String, Figure> {
    entries
        .into_iter()
        .map(|(k, f)| (k.to_string(), f))
        .collect()
}

fn avs(
    name: &str,
    reward: Figure,
    magnitude: Figure,
    p_slash: Figure,
    severity: Figure,
) -> AvsPreset {
    AvsPreset {
        name: name.into(),
        params: map(vec![
            ("reward_apr", reward),
            ("magnitude", magnitude),
            ("p_slash", p_slash),
            ("severity", severity),
        ]),
    }
}

const ETH_APR_WHY: &str = "Ethereum consensus + execution staking yield was around 3% a year through 2025 (beaconcha.in, validatorqueue.com); editable";

fn eth_products() -> Vec<Product> {
    let etherfi_share = seed_share(8.703e9, "EtherFi");
    let mut out = Vec::new();

    let mut p = map(vec![
        ("base_apr", frac(0.03, "beaconcha.in", ETH_APR_WHY)),
        (
            "fee_ratio",
            frac(
                0.0,
                "Ethereum protocol",
                "solo staking pays no protocol fee",
            ),
        ),
    ]);
    risk(
        &mut p,
        0.0,
        0.0,
        (0.0, 0.0),
        eth_exit(),
        no_share("native ETH: no protocol to concentrate in"),
    );
    out.push(product(
        "eth-native",
        "ethereum",
        "Ethereum validator",
        Asset::Eth,
        Kind::Stake,
        "ETH (staked)",
        false,
        p,
    ));

    let mut p = map(vec![
        ("base_apr", frac(0.03, "beaconcha.in", ETH_APR_WHY)),
        ("fee_ratio", frac(0.10, "EtherFi docs", "EtherFi's docs describe a 10% protocol share of staking rewards; check the current terms")),
        ("points_apr", frac(0.0, "EtherFi", "points have no market value until you give them one")),
    ]);
    risk(
        &mut p,
        0.01,
        0.30,
        (0.05, 0.03),
        eth_exit(),
        etherfi_share.clone(),
    );
    out.push(product(
        "etherfi-eeth",
        "etherfi",
        "EtherFi eETH",
        Asset::Eth,
        Kind::Stake,
        "eETH",
        true,
        p,
    ));

    let mut p = map(vec![
        ("base_apr", frac(0.03, "beaconcha.in", ETH_APR_WHY)),
        (
            "fee_ratio",
            frac(
                0.10,
                "Lido docs",
                "Lido's docs describe a 10% fee on staking rewards; check the current terms",
            ),
        ),
    ]);
    risk(
        &mut p,
        0.005,
        0.30,
        (0.05, 0.05),
        eth_exit(),
        frac(
            0.0,
            RISK_SRC,
            "Lido is a liquid-staking, not a restaking, protocol: no share of the restaking sector",
        ),
    );
    out.push(product(
        "lido-wsteth",
        "lido",
        "Lido wstETH",
        Asset::Eth,
        Kind::Stake,
        "wstETH",
        true,
        p,
    ));

    let avs_src = "EigenCloud AVS defaults";
    let mut p = map(vec![(
        "commission_ratio",
        frac(
            0.10,
            "EigenLayer docs",
            "EigenLayer's default operator fee is 10% of AVS rewards; operators may set their own",
        ),
    )]);
    risk(
        &mut p,
        0.005,
        0.50,
        (0.0, 0.0),
        days(
            14.0,
            "EigenLayer docs",
            "withdrawal delay of 100,800 blocks ≈ 14 days",
            false,
        ),
        seed(
            0.68,
            FigureUnit::Fraction,
            "EigenCloud holds 68% of restaking TVL",
        ),
    );
    let mut eigen = product(
        "eigencloud-restake",
        "eigencloud",
        "EigenCloud restaking",
        Asset::Eth,
        Kind::Restake,
        "eETH (restaked)",
        false,
        p,
    );
    eigen.avs = vec![
        avs(
            "EigenDA",
            frac(0.004, avs_src, "AVS rewards are small and vary by AVS and token price; 0.4%/yr is an editable placeholder"),
            frac(0.30, avs_src, "share of the stake allocated (unique-stake magnitude); editable"),
            frac(0.01, avs_src, "no slashing history to calibrate: 1%/yr is a cautious placeholder"),
            frac(0.05, avs_src, "severity set below the allocated magnitude"),
        ),
        avs(
            "AI compute AVS",
            frac(0.006, avs_src, "seed: EigenCloud pivots to verifiable AI compute; reward placeholder"),
            frac(0.20, avs_src, "share of the stake allocated; editable"),
            frac(0.02, avs_src, "newer service, so a higher placeholder probability"),
            frac(0.10, avs_src, "severity set below the allocated magnitude"),
        ),
    ];
    out.push(eigen);

    let mut p = map(vec![(
        "commission_ratio",
        frac(
            0.10,
            "Symbiotic docs",
            "curators and operators set their own fees; 10% mirrors EigenLayer's default",
        ),
    )]);
    risk(
        &mut p,
        0.01,
        0.50,
        (0.0, 0.0),
        days(
            7.0,
            "Symbiotic docs",
            "withdrawals are claimable after the vault epoch ends; 7-day epochs are common",
            true,
        ),
        seed_share(0.56e9, "Symbiotic"),
    );
    let mut sym = product(
        "symbiotic-vault",
        "symbiotic",
        "Symbiotic vault",
        Asset::Eth,
        Kind::Restake,
        "wstETH (restaked)",
        false,
        p,
    );
    sym.avs = vec![avs(
        "Symbiotic network",
        frac(
            0.005,
            "Symbiotic defaults",
            "network rewards vary; Symbiotic has no token yet (seed), so points dominate",
        ),
        frac(
            0.50,
            "Symbiotic defaults",
            "vault delegation share to the network; editable",
        ),
        frac(
            0.01,
            "Symbiotic defaults",
            "no slashing history to calibrate: a cautious placeholder",
        ),
        frac(
            0.10,
            "Symbiotic defaults",
            "severity set below the allocated magnitude",
        ),
    )];
    out.push(sym);

    let mut p = map(vec![(
        "fee_ratio",
        frac(
            0.0,
            "EtherFi docs",
            "wrapping eETH into weETH is fee-free; EtherFi's share is taken in the eETH layer",
        ),
    )]);
    risk(&mut p, 0.005, 0.30, (0.05, 0.05), eth_exit(), etherfi_share);
    out.push(product(
        "etherfi-weeth",
        "etherfi",
        "EtherFi weETH",
        Asset::Eth,
        Kind::Lrt,
        "weETH",
        true,
        p,
    ));

    let pendle_share = seed_share(3.791e9, "Pendle");
    let mut p = map(vec![
        ("implied_apy", frac(0.03, "Pendle app", "implied APYs of LRT markets moved around the underlying yield; set yours from the market you buy")),
        ("maturity_days", days(180.0, "Pendle app", "Pendle markets typically run 3–6 months", true)),
        ("reward_apr", frac(0.0, "Pendle app", "external YT incentives vary by market; none assumed")),
        ("fee_ratio", sourced(0.05, "Pendle docs, Fees page (pendle-finance/documentation)", "2025-05-16", "\"Pendle collects a 5% fee from all yield accrued (including points) by all YT\"; 3% before 2025-05-16")),
    ]);
    risk(
        &mut p,
        0.005,
        0.50,
        (0.0, 0.0),
        days(0.0, "Pendle", "YT trades on Pendle's AMM", false),
        pendle_share.clone(),
    );
    out.push(product(
        "pendle-yt-weeth",
        "pendle",
        "Pendle YT-weETH",
        Asset::Eth,
        Kind::Yt,
        "YT-weETH",
        true,
        p,
    ));

    let mut p = map(vec![
        (
            "implied_apy",
            frac(
                0.035,
                "Pendle app",
                "fixed rate locked at purchase; set yours from the market you buy",
            ),
        ),
        (
            "maturity_days",
            days(
                180.0,
                "Pendle app",
                "Pendle markets typically run 3–6 months",
                true,
            ),
        ),
    ]);
    risk(
        &mut p,
        0.005,
        0.50,
        (0.02, 0.02),
        days(
            180.0,
            "Pendle",
            "PT redeems 1:1 at maturity; before that only the AMM exit",
            true,
        ),
        pendle_share,
    );
    out.push(product(
        "pendle-pt-weeth",
        "pendle",
        "Pendle PT-weETH",
        Asset::Eth,
        Kind::Pt,
        "PT-weETH",
        true,
        p,
    ));

    let aave = "Aave v3 governance";
    const AAVE_EMODE_SRC: &str =
        "Aave governance: weETH e-mode payloads (bgd-labs/aave-proposals-v3)";
    let mut p = map(vec![
        ("ltv", sourced(0.93, AAVE_EMODE_SRC, "2025-05", "weETH in the ETH-correlated e-mode of Aave v3 Ethereum Core: LTV 93% (raised from 90% by the Jan 2024 AIP; unchanged in the May 2025 payload); Risk Stewards may change it: check the current market")),
        ("liq_threshold", sourced(0.95, AAVE_EMODE_SRC, "2025-05", "e-mode liquidation threshold 95% (raised from 93% in Jan 2024)")),
        ("liq_bonus", sourced(0.01, AAVE_EMODE_SRC, "2025-05", "e-mode liquidation bonus 1%")),
        ("close_factor", aave_close_factor()),
        ("borrow_apr", frac(0.025, aave, "WETH variable borrow rate was mostly 2–3% in 2025; editable")),
        ("supply_apr", frac(0.0, aave, "weETH supply earns next to nothing on Aave")),
        ("loops", assume(3.0, FigureUnit::Number, "Restack default", "a common loop count; pick a target leverage instead if you prefer")),
    ]);
    risk(
        &mut p,
        0.005,
        0.30,
        (0.0, 0.0),
        days(
            0.0,
            aave,
            "repay and withdraw at once, if the pool has liquidity",
            false,
        ),
        no_share("a lending venue, not a restaking protocol"),
    );
    let mut aave_eth = product(
        "aave-weeth-loop",
        "aave",
        "Aave v3 weETH/WETH loop",
        Asset::Eth,
        Kind::Loop,
        "weETH (looped)",
        true,
        p,
    );
    aave_eth.oracle = Some(OracleKind::ExchangeRate);
    aave_eth.debt = Some(DebtAsset::Base);
    out.push(aave_eth);
    out
}

fn btc_products() -> Vec<Product> {
    let mut out = Vec::new();
    let b = "Babylon docs";
    let mut p = map(vec![(
        "commission_ratio",
        frac(
            0.05,
            b,
            "finality providers set their own commission; 5% is a typical value",
        ),
    )]);
    risk(
        &mut p,
        0.005,
        0.30,
        (0.0, 0.0),
        days(
            7.0,
            b,
            "unbonding takes about 1,000 Bitcoin blocks ≈ 7 days",
            true,
        ),
        seed_share(5.549e9, "Babylon"),
    );
    let mut babylon = product(
        "babylon-btc",
        "babylon",
        "Babylon BTC staking",
        Asset::Btc,
        Kind::Restake,
        "BTC (staked)",
        false,
        p,
    );
    babylon.avs = vec![avs(
        "Babylon Genesis",
        frac(0.01, b, "BTC stakers are paid in BABY; the USD value moves with the token: 1%/yr is a placeholder"),
        frac(1.0, b, "the whole delegation secures the chain it finalises"),
        frac(0.002, b, "slashing needs a finality provider to double-sign; rare, so a small placeholder"),
        frac(0.10, b, "slashing rate applied to a finality provider's delegations; check the current parameter"),
    )];
    out.push(babylon);

    let mut p = map(vec![
        ("ltv", frac(0.70, "Aave v3 (planned Babylon integration)", "seed: Babylon plans an Aave integration for BTC lending; BTC-collateral LTVs on Aave are around 70%")),
        ("liq_threshold", frac(0.75, "Aave v3", "typical BTC-collateral liquidation threshold")),
        ("liq_bonus", frac(0.05, "Aave v3", "typical BTC-collateral liquidation bonus")),
        ("close_factor", aave_close_factor()),
        ("borrow_apr", frac(0.06, "Aave v3", "stablecoin variable borrow rates were mostly 4–8% in 2025; editable")),
        ("supply_apr", frac(0.0, "Aave v3", "BTC collateral earns next to nothing")),
        ("loops", assume(1.0, FigureUnit::Number, "Restack default", "one loop: borrow USD, buy and stake more BTC")),
    ]);
    risk(
        &mut p,
        0.005,
        0.30,
        (0.0, 0.0),
        days(
            0.0,
            "Aave v3",
            "repay and withdraw at once, if the pool has liquidity",
            false,
        ),
        no_share("a lending venue, not a restaking protocol"),
    );
    let mut aave_btc = product(
        "aave-btc-loop",
        "aave",
        "Aave BTC loop (planned)",
        Asset::Btc,
        Kind::Loop,
        "BTC (looped)",
        false,
        p,
    );
    aave_btc.oracle = Some(OracleKind::Market);
    aave_btc.debt = Some(DebtAsset::Usd);
    out.push(aave_btc);
    out
}

fn sol_products() -> Vec<Product> {
    let mut out = Vec::new();
    // 5.94% APY with daily compounding is an APR of 365·((1.0594)^(1/365) − 1) = 5.771%.
    let jito_apr = 365.0 * ((1.0594_f64).ln() / 365.0).exp_m1();
    let mut p = map(vec![
        ("base_apr", seed((jito_apr * 1e4).round() / 1e4, FigureUnit::Fraction, "APR equivalent of the seed's 5.94% average APY (daily compounding), already net of Jito's fee")),
        ("fee_ratio", frac(0.0, "Jito docs", "set to 0 because the seed's APY is net of Jito's fee")),
    ]);
    risk(
        &mut p,
        0.005,
        0.30,
        (0.03, 0.03),
        days(
            3.0,
            "Solana docs",
            "stake deactivates at the end of an epoch (~2–3 days)",
            true,
        ),
        seed_share(2.026e9, "Jito"),
    );
    out.push(product(
        "jito-jitosol",
        "jito",
        "Jito JitoSOL",
        Asset::Sol,
        Kind::Stake,
        "JitoSOL",
        true,
        p,
    ));

    let k = "Kamino";
    let mut p = map(vec![
        ("ltv", frac(0.85, k, "JitoSOL/SOL multiply markets allowed LTVs around 85–90% in 2025; check the current market")),
        ("liq_threshold", frac(0.90, k, "check the current market")),
        ("liq_bonus", frac(0.02, k, "typical liquidation bonus")),
        ("close_factor", whole_debt_close_factor(k)),
        ("borrow_apr", frac(0.055, k, "SOL borrow rates sat close to staking yields in 2025; editable")),
        ("supply_apr", frac(0.0, k, "JitoSOL collateral earns next to nothing")),
        ("loops", assume(2.0, FigureUnit::Number, "Restack default", "a moderate loop count")),
    ]);
    risk(
        &mut p,
        0.01,
        0.30,
        (0.0, 0.0),
        days(
            0.0,
            k,
            "repay and withdraw at once, if the pool has liquidity",
            false,
        ),
        no_share("a lending venue, not a restaking protocol"),
    );
    let mut loop_sol = product(
        "kamino-jitosol-loop",
        "kamino",
        "Kamino JitoSOL/SOL loop",
        Asset::Sol,
        Kind::Loop,
        "JitoSOL (looped)",
        true,
        p,
    );
    loop_sol.oracle = Some(OracleKind::ExchangeRate);
    loop_sol.debt = Some(DebtAsset::Base);
    out.push(loop_sol);
    out
}

fn sui_products() -> Vec<Product> {
    let mut out = Vec::new();
    let h = "Haedal docs";
    let mut p = map(vec![
        ("base_apr", frac(0.03, "Sui validators", "Sui staking APR was around 2.5–3.5% in 2025 (suiscan.xyz); the seed's 1.07 haSUI/SUI rate means ~7.03% earned since launch, cumulative, not per year")),
        ("fee_ratio", frac(0.10, h, "a protocol share of rewards of around 10%; check the current terms")),
    ]);
    risk(
        &mut p,
        0.01,
        0.30,
        (0.03, 0.03),
        days(
            1.0,
            "Sui docs",
            "unstaked SUI is released at the next epoch (~24 h)",
            true,
        ),
        seed_share(97e6, "Haedal"),
    );
    p.insert(
        "exchange_rate".into(),
        seed(
            1.07,
            FigureUnit::Number,
            "haSUI/SUI exchange rate: ≈ 7.03% cumulative staking yield",
        ),
    );
    out.push(product(
        "haedal-hasui",
        "haedal",
        "Haedal haSUI",
        Asset::Sui,
        Kind::Stake,
        "haSUI",
        true,
        p,
    ));

    let n = "NAVI Protocol";
    let mut p = map(vec![
        (
            "ltv",
            frac(
                0.70,
                n,
                "haSUI collateral LTVs around 70% in 2025; check the current market",
            ),
        ),
        ("liq_threshold", frac(0.75, n, "check the current market")),
        ("liq_bonus", frac(0.05, n, "typical liquidation bonus")),
        ("close_factor", whole_debt_close_factor(n)),
        (
            "borrow_apr",
            frac(0.04, n, "SUI borrow rates vary; editable"),
        ),
        (
            "supply_apr",
            frac(0.0, n, "haSUI collateral earns next to nothing"),
        ),
        (
            "loops",
            assume(
                2.0,
                FigureUnit::Number,
                "Restack default",
                "a moderate loop count",
            ),
        ),
    ]);
    risk(
        &mut p,
        0.01,
        0.30,
        (0.0, 0.0),
        days(
            0.0,
            n,
            "repay and withdraw at once, if the pool has liquidity",
            false,
        ),
        no_share("a lending venue, not a restaking protocol"),
    );
    let mut loop_sui = product(
        "navi-hasui-loop",
        "navi",
        "NAVI haSUI/SUI loop",
        Asset::Sui,
        Kind::Loop,
        "haSUI (looped)",
        true,
        p,
    );
    loop_sui.oracle = Some(OracleKind::Market);
    loop_sui.debt = Some(DebtAsset::Base);
    out.push(loop_sui);
    out
}

fn protocol(
    id: &str,
    name: &str,
    chain: &str,
    docs: &str,
    figures: Vec<(&str, Figure)>,
) -> ProtocolInfo {
    ProtocolInfo {
        id: id.into(),
        name: name.into(),
        chain: chain.into(),
        docs: docs.into(),
        figures: map(figures),
    }
}

fn usd(v: f64, note: &str) -> Figure {
    seed(v, FigureUnit::Usd, note)
}

fn protocols() -> Vec<ProtocolInfo> {
    vec![
        protocol(
            "eigencloud",
            "EigenCloud (ex-EigenLayer)",
            "Ethereum",
            "https://docs.eigencloud.xyz",
            vec![
                ("tvl_usd", usd(13.86e9, "TVL")),
                (
                    "market_share",
                    seed(0.68, FigureUnit::Fraction, "share of restaking TVL"),
                ),
                (
                    "native_eth_share",
                    seed(0.872, FigureUnit::Fraction, "native ETH share of its TVL"),
                ),
            ],
        ),
        protocol(
            "etherfi",
            "EtherFi",
            "Ethereum",
            "https://etherfi.gitbook.io/etherfi",
            vec![(
                "tvl_usd",
                usd(8.703e9, "TVL: native staking + EigenCloud restaking"),
            )],
        ),
        protocol(
            "babylon",
            "Babylon",
            "Bitcoin",
            "https://docs.babylonlabs.io",
            vec![
                ("tvl_usd", usd(5.549e9, "TVL, about 61,063 BTC locked")),
                (
                    "btc_locked",
                    seed(61_063.0, FigureUnit::Number, "BTC locked"),
                ),
            ],
        ),
        protocol(
            "pendle",
            "Pendle",
            "multi-chain",
            "https://docs.pendle.finance",
            vec![
                ("tvl_usd", usd(3.791e9, "TVL")),
                ("revenue_usd", usd(76.03e6, "total revenue")),
                (
                    "volume_usd",
                    usd(90e9, "cumulative trading volume, about $90B"),
                ),
            ],
        ),
        protocol(
            "jito",
            "Jito",
            "Solana",
            "https://www.jito.network/docs",
            vec![
                ("tvl_usd", usd(2.026e9, "TVL")),
                ("apy", seed(0.0594, FigureUnit::Fraction, "average APY")),
            ],
        ),
        protocol(
            "symbiotic",
            "Symbiotic",
            "Ethereum",
            "https://docs.symbiotic.fi",
            vec![("tvl_usd", usd(0.56e9, "TVL, down 77% from a $2.5B peak"))],
        ),
        protocol(
            "haedal",
            "Haedal",
            "Sui",
            "https://docs.haedal.xyz",
            vec![("tvl_usd", usd(97e6, "TVL, about $97M"))],
        ),
        protocol(
            "ethereum",
            "Ethereum staking",
            "Ethereum",
            "https://ethereum.org/en/staking/",
            vec![("exit_days", seed(14.0, FigureUnit::Days, ETH_EXIT))],
        ),
        protocol("lido", "Lido", "Ethereum", "https://docs.lido.fi", vec![]),
        protocol(
            "aave",
            "Aave v3",
            "Ethereum",
            "https://aave.com/docs",
            vec![],
        ),
        protocol(
            "kamino",
            "Kamino",
            "Solana",
            "https://docs.kamino.finance",
            vec![],
        ),
        protocol(
            "navi",
            "NAVI Protocol",
            "Sui",
            "https://naviprotocol.gitbook.io",
            vec![],
        ),
    ]
}

fn prices() -> BTreeMap<String, Figure> {
    let p = "Restack default";
    map(vec![
        (
            "ETH",
            assume(
                default_price_usd(Asset::Eth),
                FigureUnit::Usd,
                p,
                "round figure in ETH's early-2026 range; type today's price",
            ),
        ),
        (
            "BTC",
            seed(
                default_price_usd(Asset::Btc),
                FigureUnit::Usd,
                "BTC ≈ $89.43K",
            ),
        ),
        (
            "SOL",
            assume(
                default_price_usd(Asset::Sol),
                FigureUnit::Usd,
                p,
                "round figure in SOL's early-2026 range; type today's price",
            ),
        ),
        (
            "SUI",
            assume(
                default_price_usd(Asset::Sui),
                FigureUnit::Usd,
                p,
                "round figure in SUI's early-2026 range; type today's price",
            ),
        ),
    ])
}

/// The compiled-in catalog.
pub fn catalog() -> Catalog {
    let mut products = eth_products();
    products.extend(btc_products());
    products.extend(sol_products());
    products.extend(sui_products());
    Catalog {
        schema_version: super::payload::SCHEMA_VERSION,
        as_of: SEED_AS_OF.into(),
        prices: prices(),
        protocols: protocols(),
        products,
    }
}
