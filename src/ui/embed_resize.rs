//! Embed mode: tell the host page our content height (`postMessage`) whenever it changes, so
//! `public/embed.js` can size the iframe. Only a number leaves the frame.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Message shape, shared with `public/embed.js`.
pub const MESSAGE_TYPE: &str = "restack:height";

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(height) = window
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.get_bounding_client_rect().height())
        .filter(|h| h.is_finite())
    else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.ceil().into());
    // The host's origin is unknown (any blog); the message carries only a height.
    let _ = parent.post_message(&msg, "*");
}

/// Observe the document's size and report it to the parent frame.
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| post_height());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
    post_height();
}
