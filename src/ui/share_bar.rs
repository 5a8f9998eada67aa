//! "Copy link" and "Embed": the link is the address bar's; the embed snippet is an `<iframe>`
//! of the same link with `embed=1`, plus the optional resize script `embed.js`.

use crate::ui::link::{current_query, page_base};
use crate::ui::state::use_state;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The ready-to-paste embed snippet for `url` (escaped for an HTML attribute).
pub fn embed_snippet(base: &str, query: &str, title: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let script = base
        .rsplit_once('/')
        .map(|(dir, _)| format!("{dir}/embed.js"))
        .unwrap_or_else(|| "embed.js".into());
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"720\" style=\"border:0;max-width:820px\" data-restack-embed></iframe>\n<script src=\"{}\" async></script>",
        esc(&format!("{base}?{query}")),
        esc(title),
        esc(&script)
    )
}

/// Copy and embed buttons with their confirmations.
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = use_state();
    let copied = RwSignal::new(None::<Result<(), String>>);
    let show_embed = RwSignal::new(false);
    let url = move || format!("{}?{}", page_base(), current_query(state, false));
    let copy = move |_| {
        let text = untrack(url);
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            copied.set(Some(Err(text)));
            return;
        };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => copied.set(Some(Ok(()))),
                Err(_) => copied.set(Some(Err(text))),
            }
        });
    };
    let snippet = move || {
        let query = current_query(state, true);
        embed_snippet(&page_base(), &query, "Restack restaking calculator")
    };
    view! {
        <div class="toolbar">
            <button type="button" class="primary" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <button type="button" data-testid="embed-button" aria-expanded=move || show_embed.get().to_string()
                on:click=move |_| show_embed.update(|v| *v = !*v)>"Embed"</button>
        </div>
        {move || copied.get().map(|r| match r {
            Ok(()) => view! { <p class="toast" role="status" data-testid="copy-status">"Link copied."</p> }.into_any(),
            Err(text) => view! {
                <div class="field" data-testid="copy-fallback">
                    <label for="copy-fallback-input">"Copying was blocked by the browser; copy the link here:"</label>
                    <input id="copy-fallback-input" class="control" type="text" readonly prop:value=text
                        on:focus=|ev| { if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) { el.select(); } }/>
                </div>
            }.into_any(),
        })}
        {move || show_embed.get().then(|| view! {
            <div class="field">
                <label for="embed-snippet">"Paste into your post (the script resizes the frame to fit):"</label>
                <textarea id="embed-snippet" class="snippet" readonly data-testid="embed-snippet" prop:value=snippet></textarea>
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::embed_snippet;

    #[test]
    fn snippet_escapes_and_points_at_embed_js() {
        // Guards against a scenario label breaking out of the attribute in a writer's post.
        let s = embed_snippet("https://x.io/tools/index.html", "v=1&a=\"<b>\"", "T");
        assert!(s.contains("src=\"https://x.io/tools/index.html?v=1&amp;a=&quot;&lt;b&gt;&quot;\""));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("title=\"T\""));
        assert!(s.contains("<script src=\"https://x.io/tools/embed.js\" async>"));
    }
}
