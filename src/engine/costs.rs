//! Entry and exit costs (docs/METHODOLOGY.md §12): the gas, swap fees and price impact of
//! building a stack today and leaving it on a given day, the APY after them
//! ([`CostModel::summary`]), and when the stack catches up with holding (`break_even.rs`).
//!
//! Everything is per unit of today's equity E = amount × price, like the rest of the engine. m is
//! the value held before a layer (1 at the bottom; loops multiply it), V = m the value a layer
//! trades. The chain's native token is the staked asset, so gas is priced at the stake's price P.
//!
//! | kind | entering | leaving by its own path | selling its token |
//! |---|---|---|---|
//! | stake, restake, wrapper | gas in; a trade of V only when `bought` | gas out (redemption) | gas out + a trade of V, when it trades (`inst`); leaves every layer beneath too |
//! | Pendle PT | gas in + a trade of V with Pendle's fee on V | gas out; before maturity a trade of V with Pendle's fee for the days left | — |
//! | Pendle YT | gas in + a trade of V with Pendle's fee on the PT swapped, V · P_PT / P_YT | gas out; before maturity a trade of the YT's value then with Pendle's fee for the days left | — |
//! | loop | (gas in + a trade of the borrowed (L − 1) · m) per loop | (gas out + the same trade back) per loop | — |
//!
//! A trade of value X pays fee = min(X, swap_fee · X + Pendle's fee) and
//! impact = min(X − fee, impact · X): never more than what it trades.

use super::error::ScenarioError;
use super::leverage::loops_for_target;
use super::pendle::{pt_price, years_to_maturity, yt_price, MIN_YT_PRICE};
use super::projection::{equity_apr, growth_to, maturities};
use super::r#yield::{walk, Step};
use super::rates::{annualised_yield_from_exchange_rate, apr_to_apy, finite_or};
use super::report::{Cost, CostSummary, ExitPath, LayerCostReport, LayerExit, Maturity, StackExit};
use super::scenario::{Layer, LayerKind, LoopSize, Scenario};
use super::validate::{validate, MAX_HORIZON_DAYS};

/// A gas price is in billionths of the native token per gas unit (gwei on Ethereum, lamports
/// on Solana, MIST on Sui).
pub const GAS_PRICE_UNIT: f64 = 1e-9;

/// Latest break-even day searched: 100 years, the longest horizon.
pub const MAX_BREAK_EVEN_DAYS: f64 = MAX_HORIZON_DAYS;

/// Gas cost of transactions in USD.
///
/// # Formula
/// gas_usd = gas units × gas price × 1e-9 × native price (Ethereum's fee is gas used × gas price
/// in gwei, ethereum.org "Gas and fees"; Sui's computation fee is units × reference gas price in
/// MIST, docs.sui.io; Solana's base fee is 5,000 lamports per signature, solana.com). Negative
/// or non-finite inputs count as 0.
///
/// # Examples
/// ```
/// // 507,847 gas at 1 gwei with ETH at $3,000: 0.000507847 ETH = $1.523541.
/// let usd = restack::engine::gas_cost_usd(507_847.0, 1.0, 3_000.0);
/// assert!((usd - 1.523_541).abs() < 1e-9);
/// ```
pub fn gas_cost_usd(gas_units: f64, gas_price: f64, native_price_usd: f64) -> f64 {
    finite_or(
        gas_units.max(0.0) * gas_price.max(0.0) * GAS_PRICE_UNIT * native_price_usd.max(0.0),
        0.0,
    )
}

/// Pendle's swap fee as a fraction of the PT value a trade swaps.
///
/// # Formula
/// fee = fee tier × days to maturity / 365 (Pendle docs, Fees page: "Trading Fee = (Fee Tier /
/// 365) * Days to Maturity"; in code the PT exchange rate moves by e^(lnFeeRateRoot · τ) ≈
/// 1 + tier · τ, pendle-core-v2 MarketMathCore). 0 at or after maturity ("Redeeming PT for the
/// underlying asset after maturity incurs no protocol fee").
pub fn pendle_swap_fee(fee_tier: f64, days_to_maturity: f64) -> f64 {
    finite_or(fee_tier.max(0.0) * years_to_maturity(days_to_maturity), 0.0)
}

/// PT value a YT trade swaps per unit of value paid for (or received for) the YT: P_PT / P_YT.
///
/// # Formula
/// Buying YT worth V buys N = V / P_YT YT; Pendle's router mints N PT + N YT and sells the N PT
/// (worth N · P_PT) through the PT AMM, and "since YT swaps are also routed through the PT AMM,
/// its fees are calculated based on the PT swapped" (Pendle docs, Fees page). P_YT is floored at
/// [`MIN_YT_PRICE`].
pub fn yt_pt_swapped(implied_apy: f64, maturity_days: f64) -> f64 {
    finite_or(
        pt_price(implied_apy, maturity_days)
            / yt_price(implied_apy, maturity_days).max(MIN_YT_PRICE),
        0.0,
    )
}

/// Loops a loop layer pays transactions for: its loop count, or for a target leverage the
/// smallest count that reaches it ([`loops_for_target`]).
pub fn loops_paid(ltv: f64, size: LoopSize) -> u32 {
    match size {
        LoopSize::Loops(n) => n,
        LoopSize::Target(t) => loops_for_target(ltv, t),
    }
}

/// The parts of a cost: gas in USD (fixed, whatever the stake) and the fee and impact as
/// fractions of equity (they scale with the stake).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Parts {
    /// Gas in USD.
    pub gas_usd: f64,
    /// Fees, a fraction of equity.
    pub fee: f64,
    /// Price impact, a fraction of equity.
    pub impact: f64,
}

impl Parts {
    fn gas(gas_usd: f64) -> Parts {
        Parts {
            gas_usd,
            ..Parts::default()
        }
    }

    fn plus(self, o: Parts) -> Parts {
        Parts {
            gas_usd: self.gas_usd + o.gas_usd,
            fee: self.fee + o.fee,
            impact: self.impact + o.impact,
        }
    }

    /// The fraction of equity `equity_usd` it costs (`equity_usd` > 0, validated).
    pub fn share(&self, equity_usd: f64) -> f64 {
        finite_or(
            self.gas_usd / equity_usd.max(f64::MIN_POSITIVE) + self.fee + self.impact,
            0.0,
        )
    }

    /// In USD, split.
    pub fn cost(&self, equity_usd: f64) -> Cost {
        let fee_usd = finite_or(self.fee * equity_usd, 0.0);
        let impact_usd = finite_or(self.impact * equity_usd, 0.0);
        Cost {
            gas_usd: self.gas_usd,
            fee_usd,
            impact_usd,
            total_usd: finite_or(self.gas_usd + fee_usd + impact_usd, 0.0),
            share: self.share(equity_usd),
        }
    }
}

/// How a layer trades.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Trades {
    /// Stake, restake, wrapper: minted (or `bought`), redeemed or (`sellable`) sold.
    Mint { bought: bool, sellable: bool },
    /// Pendle PT.
    Pt {
        implied_apy: f64,
        maturity_days: f64,
        fee_tier: f64,
    },
    /// Pendle YT.
    Yt {
        implied_apy: f64,
        maturity_days: f64,
        fee_tier: f64,
    },
    /// A loop swapping `borrowed` (per unit of equity) into collateral, and back on exit.
    Loop { borrowed: f64 },
}

/// One layer's cost terms.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LayerTerms {
    trades: Trades,
    /// Value held before the layer, per unit of equity (m).
    value: f64,
    /// Gas of entering, USD (all loops).
    gas_in_usd: f64,
    /// Gas of leaving, USD (all loops).
    gas_out_usd: f64,
    swap_fee: f64,
    impact: f64,
    /// The layer's redemption path in days.
    exit_days: f64,
}

/// Whether a Pendle layer maturing after `maturity_days` has matured on `day`; `left` asks just
/// before `day` (the left limit at a maturity).
fn matured(maturity_days: f64, day: f64, left: bool) -> bool {
    maturity_days <= 0.0 || day > maturity_days || (!left && day >= maturity_days)
}

impl LayerTerms {
    fn new(layer: &Layer, before: f64, after: f64, gas_price: f64, price_usd: f64) -> Self {
        let c = &layer.costs;
        let (trades, txs) = match &layer.kind {
            LayerKind::Stake { .. }
            | LayerKind::Restake { .. }
            | LayerKind::LiquidRestake { .. } => (
                Trades::Mint {
                    bought: c.bought,
                    sellable: layer.risk.instant_exit,
                },
                1.0,
            ),
            LayerKind::PendlePt {
                implied_apy,
                maturity_days,
                fee_tier,
            } => (
                Trades::Pt {
                    implied_apy: *implied_apy,
                    maturity_days: *maturity_days,
                    fee_tier: *fee_tier,
                },
                1.0,
            ),
            LayerKind::PendleYt {
                implied_apy,
                maturity_days,
                fee_tier,
                ..
            } => (
                Trades::Yt {
                    implied_apy: *implied_apy,
                    maturity_days: *maturity_days,
                    fee_tier: *fee_tier,
                },
                1.0,
            ),
            LayerKind::Loop { ltv, size, .. } => (
                Trades::Loop {
                    borrowed: (after - before).max(0.0),
                },
                f64::from(loops_paid(*ltv, *size)),
            ),
        };
        LayerTerms {
            trades,
            value: before,
            gas_in_usd: txs * gas_cost_usd(c.gas_in, gas_price, price_usd),
            gas_out_usd: txs * gas_cost_usd(c.gas_out, gas_price, price_usd),
            swap_fee: c.swap_fee,
            impact: c.impact,
            exit_days: layer.risk.exit_days,
        }
    }

    /// A trade of `value` paying this market's fee and impact plus `pendle_fee` (all fractions
    /// of equity), capped at the value traded. No gas.
    fn trade(&self, value: f64, pendle_fee: f64) -> Parts {
        let value = finite_or(value.max(0.0), 0.0);
        let fee = finite_or(self.swap_fee * value + pendle_fee, 0.0).clamp(0.0, value);
        let impact = finite_or(self.impact * value, 0.0).clamp(0.0, value - fee);
        Parts {
            gas_usd: 0.0,
            fee,
            impact,
        }
    }

    /// Entering the layer today.
    fn entry(&self) -> Parts {
        let v = self.value;
        let trade = match self.trades {
            Trades::Mint { bought, .. } if bought => self.trade(v, 0.0),
            Trades::Mint { .. } => Parts::default(),
            Trades::Pt { maturity_days, .. } if maturity_days <= 0.0 => Parts::default(),
            Trades::Pt {
                maturity_days,
                fee_tier,
                ..
            } => self.trade(v, pendle_swap_fee(fee_tier, maturity_days) * v),
            Trades::Yt {
                implied_apy,
                maturity_days,
                fee_tier,
            } => self.trade(
                v,
                pendle_swap_fee(fee_tier, maturity_days)
                    * v
                    * yt_pt_swapped(implied_apy, maturity_days),
            ),
            Trades::Loop { borrowed } => self.trade(borrowed, 0.0),
        };
        Parts::gas(self.gas_in_usd).plus(trade)
    }

    /// Leaving the layer by its own path on `day` (see [`matured`] for `left`).
    fn exit_own(&self, day: f64, left: bool) -> Parts {
        let v = self.value;
        let trade = match self.trades {
            Trades::Mint { .. } => Parts::default(),
            Trades::Pt { maturity_days, .. } | Trades::Yt { maturity_days, .. }
                if matured(maturity_days, day, left) =>
            {
                Parts::default()
            }
            Trades::Pt {
                maturity_days,
                fee_tier,
                ..
            } => self.trade(v, pendle_swap_fee(fee_tier, maturity_days - day) * v),
            Trades::Yt {
                implied_apy,
                maturity_days,
                fee_tier,
            } => {
                // The YT is worth P_YT(days left) / P_YT(today) of what it cost, and the trade
                // swaps the same N PT as the purchase.
                let left_days = maturity_days - day;
                let sold = v * yt_price(implied_apy, left_days)
                    / yt_price(implied_apy, maturity_days).max(MIN_YT_PRICE);
                let swapped = v * yt_pt_swapped(implied_apy, maturity_days);
                self.trade(sold, pendle_swap_fee(fee_tier, left_days) * swapped)
            }
            Trades::Loop { borrowed } => self.trade(borrowed, 0.0),
        };
        Parts::gas(self.gas_out_usd).plus(trade)
    }

    /// Selling the layer's token on its market (which leaves every layer beneath too), when it
    /// trades.
    fn sale(&self) -> Option<Parts> {
        match self.trades {
            Trades::Mint { sellable: true, .. } => {
                Some(Parts::gas(self.gas_out_usd).plus(self.trade(self.value, 0.0)))
            }
            Trades::Mint { .. } | Trades::Pt { .. } | Trades::Yt { .. } | Trades::Loop { .. } => {
                None
            }
        }
    }
}

/// The cost model of a scenario: its layers' cost terms and the projection's growth, from which
/// every cost figure, the value after costs on any day, the break-even day and the break-even
/// stake follow.
#[derive(Debug, Clone, PartialEq)]
pub struct CostModel {
    layers: Vec<LayerTerms>,
    /// Entering every layer (computed once: every day's value needs it).
    entry: Parts,
    pub(super) equity_usd: f64,
    pub(super) price_usd: f64,
    pub(super) horizon_days: f64,
    pub(super) net_apy: f64,
    /// Every maturity before [`MAX_BREAK_EVEN_DAYS`], in order of day.
    pub(super) maturities: Vec<Maturity>,
}

impl CostModel {
    /// The cost model of a scenario.
    ///
    /// # Errors
    /// The scenario's first invalid field ([`validate`]).
    pub fn new(s: &Scenario) -> Result<CostModel, ScenarioError> {
        validate(s)?;
        let steps = walk(&s.layers, None);
        let with_points = s.risk.include_points;
        let net_apy = steps
            .last()
            .map_or(0.0, |st| apr_to_apy(equity_apr(st, with_points)));
        let all = maturities(s, MAX_BREAK_EVEN_DAYS, with_points, None);
        Ok(Self::build(s, &steps, net_apy, all))
    }

    /// Built from the walk, the headline net APY and every maturity before
    /// [`MAX_BREAK_EVEN_DAYS`] (what `assemble` already has).
    pub(crate) fn build(
        s: &Scenario,
        steps: &[Step],
        net_apy: f64,
        maturities: Vec<Maturity>,
    ) -> CostModel {
        let price = s.stake.price_usd;
        let mut before = 1.0;
        let layers: Vec<LayerTerms> = s
            .layers
            .iter()
            .zip(steps)
            .map(|(layer, step)| {
                let terms =
                    LayerTerms::new(layer, before, step.value_mult, s.costs.gas_price, price);
                before = step.value_mult;
                terms
            })
            .collect();
        let entry = layers
            .iter()
            .fold(Parts::default(), |sum: Parts, l: &LayerTerms| {
                sum.plus(l.entry())
            });
        CostModel {
            layers,
            entry,
            equity_usd: finite_or(s.stake.amount * price, 0.0),
            price_usd: price,
            horizon_days: s.horizon_days,
            net_apy,
            maturities,
        }
    }

    /// Growth of the position from today to `day`, before costs (the projection's, §6).
    pub fn growth(&self, day: f64) -> f64 {
        growth_to(day, self.net_apy, &self.maturities)
    }

    /// Entering every layer.
    pub(super) fn entry_parts(&self) -> Parts {
        self.entry
    }

    /// The redemption path on `day`: every layer by its own path.
    pub(super) fn redeem_parts(&self, day: f64, left: bool) -> Parts {
        self.layers
            .iter()
            .fold(Parts::default(), |sum, l| sum.plus(l.exit_own(day, left)))
    }

    /// The highest layer whose token is sold by the market exit.
    fn sold_layer(&self) -> Option<usize> {
        self.layers.iter().rposition(|l| l.sale().is_some())
    }

    /// The market exit on `day`: the layer sold and the cost (the layers above it by their own
    /// path, then the sale).
    pub(super) fn market_parts(&self, day: f64, left: bool) -> Option<(usize, Parts)> {
        let k = self.sold_layer()?;
        let sale = self.layers.get(k).and_then(LayerTerms::sale)?;
        let above = self
            .layers
            .iter()
            .skip(k + 1)
            .fold(Parts::default(), |sum, l| sum.plus(l.exit_own(day, left)));
        Some((k, above.plus(sale)))
    }

    /// The cheaper exit on `day` (the redemption path on a tie), with the layer sold if any.
    pub(super) fn exit_parts(&self, day: f64, left: bool) -> (Option<usize>, Parts) {
        let redeem = self.redeem_parts(day, left);
        match self.market_parts(day, left) {
            Some((k, market)) if market.share(self.equity_usd) < redeem.share(self.equity_usd) => {
                (Some(k), market)
            }
            _ => (None, redeem),
        }
    }

    /// What entering costs.
    pub fn entry(&self) -> Cost {
        self.entry_parts().cost(self.equity_usd)
    }

    /// What the cheaper exit costs on `day`.
    pub fn exit_on(&self, day: f64) -> Cost {
        self.exit_parts(day, false).1.cost(self.equity_usd)
    }

    /// The stack's value after costs if entered today and left on `day`, as a fraction of
    /// today's equity: (1 − c_in) · G(day) − c_out(day). Below 0 when the costs exceed the value.
    pub fn value_share_on(&self, day: f64) -> f64 {
        self.value_share(day, false)
    }

    /// [`Self::value_share_on`], with the left limit at a maturity when `left`.
    pub(super) fn value_share(&self, day: f64, left: bool) -> f64 {
        let e = self.equity_usd;
        let c_in = self.entry_parts().share(e);
        let c_out = self.exit_parts(day, left).1.share(e);
        finite_or((1.0 - c_in) * self.growth(day) - c_out, 0.0)
    }

    /// The longest redemption path among the layers above `k` (all layers for `None`).
    fn days_above(&self, k: Option<usize>) -> f64 {
        let from = k.map_or(0, |k| k + 1);
        self.layers
            .iter()
            .skip(from)
            .fold(0.0, |d: f64, l| d.max(l.exit_days))
    }

    /// Per layer, leaving on the horizon day by the chosen exit.
    pub(crate) fn layer_reports(&self) -> Vec<LayerCostReport> {
        let e = self.equity_usd;
        let h = self.horizon_days;
        let (sold, _) = self.exit_parts(h, false);
        self.layers
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let exit_own = l.exit_own(h, false).cost(e);
                let exit_sale = l.sale().map(|p| p.cost(e));
                let (exit, exit_by) = match sold {
                    Some(k) if i == k => (exit_sale.unwrap_or_default(), LayerExit::Sold),
                    Some(k) if i < k => (Cost::default(), LayerExit::Covered { by: k }),
                    _ => (exit_own, LayerExit::Own),
                };
                LayerCostReport {
                    entry: l.entry().cost(e),
                    exit_own,
                    exit_sale,
                    exit,
                    exit_by,
                }
            })
            .collect()
    }

    /// The whole stack's costs, leaving on the horizon day.
    pub fn summary(&self) -> CostSummary {
        let e = self.equity_usd;
        let h = self.horizon_days;
        let entry = self.entry_parts();
        let redeem = StackExit {
            path: ExitPath::Redeem,
            cost: self.redeem_parts(h, false).cost(e),
            days: self.days_above(None),
        };
        let market = self.market_parts(h, false).map(|(k, p)| StackExit {
            path: ExitPath::Market { layer: k },
            cost: p.cost(e),
            days: self.days_above(Some(k)),
        });
        let (sold, exit_parts) = self.exit_parts(h, false);
        let exit = match (sold, market) {
            (Some(_), Some(m)) => m,
            _ => redeem,
        };
        let g = self.growth(h);
        let ratio = self.value_share(h, false);
        CostSummary {
            entry: entry.cost(e),
            redeem,
            market,
            exit,
            total: entry.plus(exit_parts).cost(e),
            horizon_apy: annualised_yield_from_exchange_rate(g, h),
            net_apy_after_costs: annualised_yield_from_exchange_rate(ratio, h),
            projected_after_costs_usd: finite_or(ratio.max(0.0) * e, 0.0),
            break_even: self.break_even(),
            min_stake: self.min_stake(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kind::Kind;

    /// Tolerance for values computed from round numbers.
    const TOL: f64 = 1e-12;

    #[test]
    fn pendle_fee_scales_with_the_days_left() {
        // (tier, days, fee)
        let cases = [
            (0.001, 365.0, 0.001),
            (0.001, 182.5, 0.0005),
            (0.002, 73.0, 0.0004),
            (0.001, 0.0, 0.0),
            (0.001, -5.0, 0.0),
            (-0.1, 365.0, 0.0),
        ];
        for (tier, days, fee) in cases {
            assert!(
                (pendle_swap_fee(tier, days) - fee).abs() < TOL,
                "{tier} {days}"
            );
        }
    }

    #[test]
    fn a_yt_swaps_its_pt_notional() {
        // 10 % implied, one year: P_PT = 1/1.1, P_YT = 0.1/1.1, so P_PT / P_YT = 10.
        assert!((yt_pt_swapped(0.10, 365.0) - 10.0).abs() < 1e-9);
        // A matured YT is floored at MIN_YT_PRICE, not divided by 0.
        assert!(yt_pt_swapped(0.10, 0.0).is_finite());
    }

    #[test]
    fn a_trade_never_costs_more_than_it_trades() {
        let mut layer = Layer::template(Kind::Stake, "p".into(), "t".into());
        layer.costs.swap_fee = 0.6;
        layer.costs.impact = 0.7;
        layer.costs.bought = true;
        let t = LayerTerms::new(&layer, 1.0, 1.0, 0.0, 1.0);
        let p = t.entry();
        assert!(
            (p.fee - 0.6).abs() < TOL && (p.impact - 0.4).abs() < TOL,
            "{p:?}"
        );
    }

    #[test]
    fn gas_is_paid_per_loop() {
        let mut layer = Layer::template(Kind::Loop, "aave".into(), "x".into());
        layer.costs.gas_in = 100_000.0;
        if let LayerKind::Loop { size, .. } = &mut layer.kind {
            *size = LoopSize::Loops(4);
        }
        // 4 × 100,000 gas × 2 gwei × $1,000 = 4 × $0.2 = $0.8.
        let t = LayerTerms::new(&layer, 1.0, 1.0, 2.0, 1_000.0);
        assert!((t.entry().gas_usd - 0.8).abs() < TOL);
        // A target of 2.44× at LTV 0.8 needs 2 loops (1 + 0.8 + 0.64 = 2.44).
        assert_eq!(loops_paid(0.8, LoopSize::Target(2.44)), 2);
    }
}
