//! The panic hook: log the message to the console, then show the page's `#fatal` panel (a panic in wasm cannot
//! be recovered, so the user must at least see that the app stopped, not a frozen page).

use std::panic;
use wasm_bindgen::JsValue;

/// Install the hook once, before anything else runs.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        let detail = format!("Internal error: {info}");
        web_sys::console::error_1(&JsValue::from_str(&detail));
        show_fatal(&detail);
    }));
}

/// Call `window.restackFatal(detail)`, defined by `public/boot.js`. Best effort: errors ignored.
pub fn show_fatal(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("restackFatal")) else {
        return;
    };
    if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
        let _ = f.call1(&JsValue::NULL, &JsValue::from_str(detail));
    }
}
