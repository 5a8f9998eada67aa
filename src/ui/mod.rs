//! minimal shell for pipeline check
mod panic;
use leptos::prelude::*;
#[component]
pub fn App() -> impl IntoView {
    let q = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    #[allow(clippy::panic)] // Test-only flag: proves the error panel appears.
    if q.contains("__panic=1") {
        std::panic::panic_any("test panic requested by the __panic URL flag");
    }
    view! { <header><h1>"Restack"</h1></header><main></main><footer><p>"Data as of 2026-01"</p></footer> }
}
pub fn start() {
    panic::install();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    root.set_inner_html("");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    std::mem::forget(leptos::mount::mount_to(root, App));
}
