//! Fetching text with a timeout (gloo-net + `AbortController`), and the configurable URLs.
//! Site owners (and the browser tests) set them with `<meta>` tags in `index.html`:
//! `restack-data-url`, `restack-live-url`, `restack-data-timeout-ms`, `restack-live-timeout-ms`.

use crate::catalog::{live::MAX_LIVE_BYTES, MAX_PAYLOAD_BYTES};
use gloo_net::http::Request;
use leptos::prelude::*;
use std::time::Duration;

/// The `content` of `<meta name=...>`, if present and non-empty.
fn meta(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    el.get_attribute("content").filter(|c| !c.trim().is_empty())
}

/// URL of the runtime data file.
pub fn data_url() -> String {
    meta("restack-data-url").unwrap_or_else(|| "data/protocols.json".into())
}

/// URL of the live yields API.
pub fn live_url() -> String {
    meta("restack-live-url").unwrap_or_else(|| crate::catalog::live::DEFAULT_LIVE_URL.into())
}

/// A timeout from a meta tag, bounded to [100 ms, 120 s].
pub fn timeout_ms(name: &str, default: u32) -> u32 {
    meta(name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(default)
        .clamp(100, 120_000)
}

/// Now, as an ISO date-time to the minute ("2026-11-24 10:02 UTC").
pub fn now_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    let date = iso.get(..10).unwrap_or("");
    let time = iso.get(11..16).unwrap_or("");
    format!("{date} {time} UTC")
}

/// GET `url` as text, aborted after `timeout_ms`. Errors are short sentences for the UI.
pub async fn get_text(url: &str, timeout_ms: u32) -> Result<String, String> {
    let controller = web_sys::AbortController::new()
        .map_err(|_| "this browser cannot time out requests".to_string())?;
    let signal = controller.signal();
    let timer = set_timeout_with_handle(
        move || controller.abort(),
        Duration::from_millis(u64::from(timeout_ms)),
    )
    .ok();
    let response = Request::get(url).abort_signal(Some(&signal)).send().await;
    let outcome = match response {
        Err(_) if signal.aborted() => Err(format!(
            "no answer within {:.1} s",
            f64::from(timeout_ms) / 1000.0
        )),
        Err(e) => Err(format!("the request failed ({})", short(&e.to_string()))),
        Ok(r) if !r.ok() => Err(format!("the server answered HTTP {}", r.status())),
        Ok(r) => {
            let declared = r
                .headers()
                .get("content-length")
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            if declared > MAX_LIVE_BYTES.max(MAX_PAYLOAD_BYTES) {
                Err(format!("the answer is {declared} bytes, too large to read"))
            } else {
                match r.text().await {
                    Err(_) if signal.aborted() => Err(format!(
                        "no answer within {:.1} s",
                        f64::from(timeout_ms) / 1000.0
                    )),
                    Err(e) => Err(format!(
                        "the answer could not be read ({})",
                        short(&e.to_string())
                    )),
                    Ok(t) => Ok(t),
                }
            }
        }
    };
    if let Some(t) = timer {
        t.clear();
    }
    outcome
}

fn short(s: &str) -> String {
    s.chars().take(120).collect()
}
