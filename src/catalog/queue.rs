//! The Ethereum validator exit queue from beaconcha.in's public API ([`EXIT_QUEUE_URL`], v1,
//! keyless, 10 requests a minute; gobitfly/eth2-beaconchain-explorer `handlers/api.go`,
//! `ApiValidatorQueue`): `{"status": "OK", "data": {"beaconchain_entering": …,
//! "beaconchain_exiting": …, "validatorscount": …, "beaconchain_entering_balance": …,
//! "beaconchain_exiting_balance": <Gwei>}}`. It becomes the exit days of the native ETH staking
//! product ([`NATIVE_ETH_PRODUCT`], docs/METHODOLOGY.md §12).
//!
//! Total: any text gives an outcome or a [`PayloadError`], never a panic.

use super::json::{self, Value};
use super::payload::PayloadError;
use super::refresh::{tenths, FigureChange, RefreshOutcome, Refreshed, SkipReason, Skipped};
use super::{Catalog, Figure, FigureUnit};
use crate::engine::MAX_MATURITY_DAYS;

/// The request.
pub const EXIT_QUEUE_URL: &str = "https://beaconcha.in/api/v1/validators/queue";
/// Largest answer read (the real one is under 1 KB).
pub const MAX_QUEUE_BYTES: usize = 64 << 10;
/// The product whose exit days the queue sets: native ETH staking.
pub const NATIVE_ETH_PRODUCT: &str = "eth-native";
/// The protocol whose headline exit-days figure the queue sets too.
const NATIVE_ETH_PROTOCOL: &str = "ethereum";

/// ETH leaving the validator set per day: the Electra exit churn of 256 ETH an epoch
/// (`MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT`, ethereum/consensus-specs
/// `specs/electra/beacon-chain.md`; it binds whenever more than 16.8M ETH is staked) × 225
/// epochs a day (32 slots of 12 s) = 57,600 ETH.
pub const EXIT_CHURN_ETH_PER_DAY: f64 = 256.0 * 225.0;
/// Days from the exit epoch to withdrawable: 1 + `MAX_SEED_LOOKAHEAD` (5 epochs) +
/// `MIN_VALIDATOR_WITHDRAWABILITY_DELAY` (256 epochs) = 261 epochs of 384 s (consensus-specs,
/// phase0 and Electra).
pub const EXIT_DELAY_DAYS: f64 = 261.0 * 384.0 / 86_400.0;
/// Withdrawals per slot (`MAX_WITHDRAWALS_PER_PAYLOAD`, Capella), one slot every 12 s.
const WITHDRAWALS_PER_SLOT: f64 = 16.0;
/// Most Gwei an exit queue can hold: 150M ETH, more than all ETH there is.
const MAX_EXITING_GWEI: f64 = 1.5e17;
/// Most validators accepted.
const MAX_VALIDATORS: f64 = 1e8;

/// The queue as read, and the exit days it gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExitQueue {
    /// ETH waiting to exit.
    pub exiting_eth: f64,
    /// Active validators, when given.
    pub validators: Option<f64>,
    /// Days the queue takes to clear: exiting ETH / [`EXIT_CHURN_ETH_PER_DAY`].
    pub queue_days: f64,
    /// Days to a withdrawal: [`exit_days`].
    pub exit_days: f64,
}

/// Days from asking to exit to the ETH in the withdrawal address.
///
/// # Formula
/// exit days = exiting ETH / 57,600 (the queue, [`EXIT_CHURN_ETH_PER_DAY`]) + 1.16 (261 epochs,
/// [`EXIT_DELAY_DAYS`]) + validators / 16 × 12 s / 2 (the withdrawal sweep visits up to 16
/// validators a slot, so a validator waits half a full round on average; 0 when the count is
/// unknown), at most [`MAX_MATURITY_DAYS`] (the engine's longest redemption path). With the
/// 2.5M ETH queued in mid-September 2025 and a million validators: 43.4 + 1.16 + 4.34 = 48.9.
pub fn exit_days(exiting_eth: f64, validators: Option<f64>) -> f64 {
    let queue = exiting_eth.max(0.0) / EXIT_CHURN_ETH_PER_DAY;
    let sweep = validators.map_or(0.0, |n| {
        n.max(0.0) / WITHDRAWALS_PER_SLOT * 12.0 / 86_400.0 / 2.0
    });
    let days = queue + EXIT_DELAY_DAYS + sweep;
    if days.is_finite() {
        days.min(MAX_MATURITY_DAYS)
    } else {
        MAX_MATURITY_DAYS
    }
}

fn skipped(reason: SkipReason) -> Skipped {
    Skipped {
        item: "exit queue".into(),
        reason,
    }
}

/// A number of `data`: present, a number, within `0..=max`.
fn field(data: &Value, name: &'static str, max: f64) -> Result<f64, SkipReason> {
    let v = data.get(name).ok_or(SkipReason::MissingField(name))?;
    let x = v.as_f64().ok_or(SkipReason::WrongType {
        field: name,
        found: v.kind(),
    })?;
    if x.is_finite() && (0.0..=max).contains(&x) {
        Ok(x)
    } else {
        Err(SkipReason::OutOfRange {
            field: name,
            value: x,
            min: 0.0,
            max,
        })
    }
}

/// Read a queue answer. The exiting balance is required (Gwei, at most 150M ETH); the validator
/// count is optional (a bad one only leaves the sweep out, listed as skipped); a `status` other
/// than `OK` skips the answer.
///
/// # Errors
/// The answer is too large, not JSON, or has no `data` object.
pub fn parse_exit_queue(body: &str) -> Result<(Option<ExitQueue>, Vec<Skipped>), PayloadError> {
    if body.len() > MAX_QUEUE_BYTES {
        return Err(PayloadError::TooLarge {
            bytes: body.len(),
            max: MAX_QUEUE_BYTES,
        });
    }
    let value = json::parse(body)
        .map_err(|e| PayloadError::NotJson(e.to_string().chars().take(160).collect()))?;
    let data = value
        .get("data")
        .filter(|d| d.as_object().is_some())
        .ok_or_else(|| PayloadError::WrongShape("no \"data\" object in the answer".into()))?;
    let mut notes = Vec::new();
    if let Some(status) = value.get("status") {
        let text = status.as_str().unwrap_or(status.kind());
        if !text.eq_ignore_ascii_case("OK") {
            notes.push(skipped(SkipReason::NotOk {
                status: text.chars().take(16).collect(),
            }));
            return Ok((None, notes));
        }
    }
    let exiting_gwei = match field(data, "beaconchain_exiting_balance", MAX_EXITING_GWEI) {
        Ok(x) => x,
        Err(reason) => {
            notes.push(skipped(reason));
            return Ok((None, notes));
        }
    };
    let validators = match data.get("validatorscount") {
        None => None,
        Some(_) => match field(data, "validatorscount", MAX_VALIDATORS) {
            Ok(n) => Some(n),
            Err(reason) => {
                notes.push(skipped(reason));
                None
            }
        },
    };
    let exiting_eth = exiting_gwei / 1e9;
    Ok((
        Some(ExitQueue {
            exiting_eth,
            validators,
            queue_days: exiting_eth / EXIT_CHURN_ETH_PER_DAY,
            exit_days: exit_days(exiting_eth, validators),
        }),
        notes,
    ))
}

/// Apply a queue answer to `catalog`: the exit days of [`NATIVE_ETH_PRODUCT`] (and of the
/// `ethereum` protocol's headline figure) become [`exit_days`] of the queue, rounded to 0.1 day,
/// dated `fetched_on`.
///
/// # Errors
/// As [`parse_exit_queue`]: then nothing is applied.
pub fn apply_exit_queue(
    catalog: &Catalog,
    body: &str,
    fetched_on: &str,
) -> Result<RefreshOutcome, PayloadError> {
    let (queue, mut skipped_items) = parse_exit_queue(body)?;
    let mut out = catalog.clone();
    let mut updated = Vec::new();
    if let Some(q) = queue {
        let days = (q.exit_days * 10.0).round() / 10.0;
        let as_of: String = fetched_on.chars().take(32).collect();
        let figure = Figure {
            value: days,
            unit: FigureUnit::Days,
            source: "beaconcha.in validator queue API (v1)".into(),
            as_of: as_of.clone(),
            assumption: false,
            note: format!(
                "{} ETH exiting: {} days of queue at 57,600 ETH a day, 1.2 days to withdrawable, {} days of withdrawal sweep on average",
                q.exiting_eth.round(),
                tenths(q.queue_days),
                tenths((q.exit_days - q.queue_days - EXIT_DELAY_DAYS).max(0.0))
            ),
        };
        match out.products.iter_mut().find(|p| p.id == NATIVE_ETH_PRODUCT) {
            None => skipped_items.push(skipped(SkipReason::NotInCatalog)),
            Some(p) => {
                let old = p.params.get("exit_days").map(|f| f.value);
                p.params.insert("exit_days".into(), figure.clone());
                if let Some(info) = out
                    .protocols
                    .iter_mut()
                    .find(|p| p.id == NATIVE_ETH_PROTOCOL)
                {
                    info.figures.insert("exit_days".into(), figure);
                }
                updated.push(FigureChange {
                    figure: Refreshed::ExitDays {
                        product: NATIVE_ETH_PRODUCT.into(),
                    },
                    old,
                    new: days,
                    as_of,
                });
            }
        }
    }
    Ok(RefreshOutcome {
        catalog: out,
        updated,
        skipped: skipped_items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tolerance for days computed from round numbers.
    const TOL_DAYS: f64 = 1e-9;

    #[test]
    fn exit_days_cases() {
        // (exiting ETH, validators, days)
        let cases: [(f64, Option<f64>, f64); 5] = [
            // Empty queue, no count: only the 261 epochs, 261 · 384 / 86,400 = 1.16 days.
            (0.0, None, 1.16),
            // 57,600 ETH is one day of churn.
            (57_600.0, None, 2.16),
            // 2.5M ETH (mid-September 2025): 43.402778 + 1.16 days.
            (2_500_000.0, None, 43.402_777_777_8 + 1.16),
            // 1,000,000 validators: 62,500 slots of 12 s = 8.680556 days a round, half of it.
            (0.0, Some(1_000_000.0), 1.16 + 4.340_277_777_8),
            // Bounded by the longest redemption path.
            (1e12, None, MAX_MATURITY_DAYS),
        ];
        for (eth, n, want) in cases {
            let got = exit_days(eth, n);
            assert!((got - want).abs() < 1e-6, "{eth} {n:?}: {got} vs {want}");
        }
        assert!((EXIT_DELAY_DAYS - 1.16).abs() < TOL_DAYS);
        assert_eq!(EXIT_CHURN_ETH_PER_DAY, 57_600.0);
    }
}
