//! Today's prices (DefiLlama) and the validator exit queue (beaconcha.in), fetched beside the live
//! yields when the user asks: each answer checked by `catalog::prices` / `catalog::queue`, its
//! figures put in use, and the scenario's untouched values moved to them (`rebase_scenario`).
//! Same timeout, fallback (nothing changes, the page says why) and "as of" as the yields.

use super::{fetch, DataState, LiveStatus};
use crate::catalog::refresh::{RefreshOutcome, Refreshed};
use crate::catalog::{prices, queue, Catalog, PayloadError};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// How an answer becomes a refresh outcome, given the catalog in use.
type Reader = fn(&Catalog, &str) -> Result<RefreshOutcome, PayloadError>;

fn read_prices(c: &Catalog, body: &str) -> Result<RefreshOutcome, PayloadError> {
    prices::apply_prices(c, body, js_sys::Date::now() / 1_000.0)
}

fn read_queue(c: &Catalog, body: &str) -> Result<RefreshOutcome, PayloadError> {
    queue::apply_exit_queue(c, body, &fetch::now_iso())
}

impl DataState {
    /// Fetch today's prices and the exit queue, each on its own (a slow one does not hold the
    /// other back).
    pub(super) fn refresh_today(self, state: AppState) {
        self.status.update(|s| {
            s.prices = LiveStatus::Loading;
            s.queue = LiveStatus::Loading;
        });
        let jobs: [(String, Reader, bool); 2] = [
            (fetch::prices_url(), read_prices, true),
            (fetch::queue_url(), read_queue, false),
        ];
        for (url, read, is_prices) in jobs {
            leptos::task::spawn_local(async move {
                let done = self.fetch_today(state, &url, read).await;
                self.status.update(|s| {
                    if is_prices {
                        s.prices = done;
                    } else {
                        s.queue = done;
                    }
                });
            });
        }
    }

    /// Fetch one answer and put what passes its checks in use.
    async fn fetch_today(self, state: AppState, url: &str, read: Reader) -> LiveStatus {
        let at = fetch::now_iso();
        let result = fetch::get_text(url, fetch::timeout_ms("restack-live-timeout-ms", 15_000))
            .await
            .and_then(|body| {
                self.catalog
                    .with_untracked(|c| read(c, &body))
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(outcome) => {
                let updated = outcome
                    .updated
                    .iter()
                    .map(|c| {
                        let name = match &c.figure {
                            Refreshed::ExitDays { product } => outcome
                                .catalog
                                .product(product)
                                .map_or(product.as_str(), |p| p.name.as_str()),
                            Refreshed::Price(_) => "",
                        };
                        crate::ui::words::refreshed_text(c, name)
                    })
                    .collect();
                let skipped = outcome.skipped.iter().map(ToString::to_string).collect();
                if !outcome.updated.is_empty() {
                    self.apply(state, outcome.catalog, true);
                }
                LiveStatus::Done {
                    updated,
                    skipped,
                    at,
                }
            }
            Err(why) => LiveStatus::Failed(why),
        }
    }
}
