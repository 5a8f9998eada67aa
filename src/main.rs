//! Entry point: set the panic hook and mount the app. Nothing else lives here.

fn main() {
    restack::ui::start();
}
