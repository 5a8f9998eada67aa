//! Crises that happened, as the catalog holds them: dates, a one-line account, and each number
//! of the shock profile as a sourced [`Figure`] (docs/METHODOLOGY.md §7, "Historical crises").
//! The engine replays them on any stack ([`crate::engine::replay_crisis`]).

use super::Figure;
use crate::engine::CrisisShock;
use serde::{Deserialize, Serialize};

/// One crisis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crisis {
    /// Id (`steth-2022`).
    pub id: String,
    /// Name shown in the stress table.
    pub name: String,
    /// First day of the stress window (`2022-05-12`).
    pub start: String,
    /// Last day (`2022-09-15`).
    pub end: String,
    /// What happened, in one or two sentences.
    pub summary: String,
    /// Base-asset price change to the worst point (fraction, −0.65).
    pub price_change: Figure,
    /// Derivative discount at the worst point (fraction).
    pub depeg: Figure,
    /// Days below peg.
    pub depeg_days: Figure,
    /// Peak borrow APR, if the event moved it.
    pub borrow_apr: Option<Figure>,
    /// Exit queue in days; `None` with `redemptions_closed`.
    pub exit_queue_days: Option<Figure>,
    /// No redemption path existed during the event.
    pub redemptions_closed: bool,
}

impl Crisis {
    /// The shock profile the engine replays.
    pub fn shock(&self) -> CrisisShock {
        CrisisShock {
            price_change: self.price_change.value,
            depeg: self.depeg.value,
            depeg_days: self.depeg_days.value,
            borrow_apr: self.borrow_apr.as_ref().map(|f| f.value),
            exit_queue_days: if self.redemptions_closed {
                None
            } else {
                Some(self.exit_queue_days.as_ref().map_or(0.0, |f| f.value))
            },
        }
    }

    /// Every figure with its name, for validation and the Sources section.
    pub fn figures(&self) -> impl Iterator<Item = (&'static str, &Figure)> {
        [
            ("price_change", Some(&self.price_change)),
            ("depeg", Some(&self.depeg)),
            ("depeg_days", Some(&self.depeg_days)),
            ("borrow_apr", self.borrow_apr.as_ref()),
            ("exit_queue_days", self.exit_queue_days.as_ref()),
        ]
        .into_iter()
        .filter_map(|(k, f)| f.map(|f| (k, f)))
    }

    /// Whether each number is in its range: a price change in [−1, 10], a discount in [0, 1),
    /// days in [0, 3650], a borrow APR in [0, 10]; and a queue given exactly when redemptions
    /// were open.
    pub fn check(&self) -> Result<(), String> {
        let within = |what: &str, f: &Figure, lo: f64, hi: f64| {
            if (lo..=hi).contains(&f.value) {
                Ok(())
            } else {
                Err(format!(
                    "crises[{}].{what}: {} is outside [{lo}, {hi}]",
                    self.id, f.value
                ))
            }
        };
        within("price_change", &self.price_change, -1.0, 10.0)?;
        within("depeg", &self.depeg, 0.0, 0.999)?;
        within("depeg_days", &self.depeg_days, 0.0, 3650.0)?;
        if let Some(b) = &self.borrow_apr {
            within("borrow_apr", b, 0.0, 10.0)?;
        }
        match (&self.exit_queue_days, self.redemptions_closed) {
            (Some(q), false) => within("exit_queue_days", q, 0.0, 3650.0),
            (None, true) => Ok(()),
            (Some(_), true) => Err(format!(
                "crises[{}]: an exit queue is given but redemptions are closed",
                self.id
            )),
            (None, false) => Err(format!(
                "crises[{}]: exit_queue_days missing (or set redemptions_closed)",
                self.id
            )),
        }
    }
}
