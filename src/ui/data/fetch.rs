//! Fetching text with a timeout (`fetch` + `AbortController`, through web-sys), and the
//! configurable URLs.
//! Site owners (and the browser tests) set them with `<meta>` tags in `index.html`:
//! `restack-data-url`, `restack-live-url`, `restack-data-timeout-ms`, `restack-live-timeout-ms`,
//! `restack-prices-url`, `restack-queue-url` (these two share the live timeout).

use crate::catalog::{live::MAX_LIVE_BYTES, MAX_PAYLOAD_BYTES};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// URL of the pristine copy of the shipped figures, used when the site's file cannot be.
pub fn fallback_url() -> String {
    meta("restack-fallback-url").unwrap_or_else(|| "data/defaults.json".into())
}

/// URL of the live yields API.
pub fn live_url() -> String {
    meta("restack-live-url").unwrap_or_else(|| crate::catalog::live::DEFAULT_LIVE_URL.into())
}

/// URL of today's prices (`restack-prices-url`; DefiLlama's by default).
pub fn prices_url() -> String {
    meta("restack-prices-url").unwrap_or_else(|| crate::catalog::prices::PRICES_URL.into())
}

/// URL of the validator exit queue (`restack-queue-url`; beaconcha.in's by default).
pub fn queue_url() -> String {
    meta("restack-queue-url").unwrap_or_else(|| crate::catalog::queue::EXIT_QUEUE_URL.into())
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

/// A fetch that failed, in words.
fn failed(e: &wasm_bindgen::JsValue) -> String {
    let text = js_sys::Error::from(e.clone()).message().as_string();
    format!(
        "the request failed ({})",
        short(&text.unwrap_or_else(|| "network error".into()))
    )
}

/// GET `url` as text, aborted after `timeout_ms`. Errors are short sentences for the UI.
pub async fn get_text(url: &str, timeout_ms: u32) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = web_sys::AbortController::new()
        .map_err(|_| "this browser cannot time out requests".to_string())?;
    let signal = controller.signal();
    let timer = set_timeout_with_handle(
        move || controller.abort(),
        Duration::from_millis(u64::from(timeout_ms)),
    )
    .ok();
    let timed_out = || {
        let tenths = (timeout_ms + 50) / 100;
        format!("no answer within {}.{} s", tenths / 10, tenths % 10)
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&signal));
    let outcome = async {
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|e| {
                if signal.aborted() {
                    timed_out()
                } else {
                    failed(&e)
                }
            })?;
        let r: web_sys::Response = response.dyn_into().map_err(|_| "not an HTTP answer")?;
        if !r.ok() {
            return Err(format!("the server answered HTTP {}", r.status()));
        }
        let declared = r
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        if declared > MAX_LIVE_BYTES.max(MAX_PAYLOAD_BYTES) {
            return Err(format!("the answer is {declared} bytes, too large to read"));
        }
        let text = r.text().map_err(|e| failed(&e))?;
        JsFuture::from(text)
            .await
            .map_err(|e| {
                if signal.aborted() {
                    timed_out()
                } else {
                    format!(
                        "the answer could not be read ({})",
                        short(&format!("{e:?}"))
                    )
                }
            })?
            .as_string()
            .ok_or_else(|| "the answer is not text".to_string())
    }
    .await;
    if let Some(t) = timer {
        t.clear();
    }
    outcome
}

fn short(s: &str) -> String {
    s.chars().take(120).collect()
}
