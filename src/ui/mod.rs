//! Leptos UI: renders what the engine returns; holds no finance of its own.
//!
//! `state` holds the one scenario signal and the derived report; `data` the catalog in use;
//! inputs (`stake_panel`, `stack_builder`, `layer_card`, `settings_panel`) write into the
//! scenario through `AppState`'s methods; `results` and `charts` render the report; `words` and
//! `format` are the only places that turn codes and numbers into text; `link` keeps the URL
//! equal to the share link.

mod app;
mod avs_editor;
mod browser;
pub mod charts;
pub mod compare;
mod data;
mod embed_resize;
mod field;
pub mod format;
mod layer_card;
mod layer_field;
mod link;
mod live_panel;
mod loop_controls;
pub mod markup;
mod methodology;
mod panic;
mod params;
pub mod results;
pub mod security;
mod settings_panel;
mod share_bar;
// The Monte Carlo simulation's section and its figures' markup (issue 13).
pub mod simulation;
mod sources;
mod stack_builder;
mod stake_fields;
mod stake_panel;
mod state;
mod table_wrap;
pub mod words;

pub use app::{App, EmbedApp, ViewsApp};

/// Install the panic hook and mount the full calculator into `#app` (it reads the link once).
pub fn start() {
    mount(App);
}

/// Install the panic hook and mount the embed alone into `#app`: the light build that a page
/// opened with `embed` loads (`public/boot.js` picks it).
pub fn start_embed() {
    mount(EmbedApp);
}

/// Install the panic hook and mount the on-demand views (`view=compare`, `view=security`) into
/// `#app`.
pub fn start_views() {
    mount(ViewsApp);
}

fn mount<F, V>(app: F)
where
    F: FnOnce() -> V + 'static,
    V: leptos::IntoView,
{
    panic::install();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        panic::show_fatal("The page has no #app element.");
        return;
    };
    root.set_inner_html("");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let handle = leptos::mount::mount_to(root, app);
    // Keep the app mounted for the page's lifetime (dropping the handle unmounts it).
    std::mem::forget(handle);
}
