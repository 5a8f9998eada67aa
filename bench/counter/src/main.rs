//! A bare Leptos counter: one signal, one button; marks `counter:rendered` once on screen.
use leptos::prelude::*;

fn main() {
    let handle = leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        request_animation_frame(|| {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                let _ = p.mark("counter:rendered");
            }
        });
        view! { <button on:click=move |_| count.update(|n| *n += 1)>"Count: " {move || count.get()}</button> }
    });
    std::mem::forget(handle);
}
