//! Leptos UI: renders what the engine returns.

/// Install the panic hook and mount the app.
pub fn start() {
    console_error_panic_hook::set_once();
}
