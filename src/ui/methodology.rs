//! "How this is calculated": the method in four sentences and a link to the full text
//! (`methodology.html`, rendered from docs/METHODOLOGY.md at build time).

use leptos::prelude::*;

/// The methodology section of the full page.
#[component]
pub fn Methodology() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="method-title" data-testid="methodology">
            <h2 id="method-title">"How this is calculated"</h2>
            <p>
                "Yields are stacked layer by layer (APR, compounded daily into APY). Loops on the same collateral are one position: one health factor with every debt counted. "
                "Each risk event (exploit, slashing, depeg) is revalued on the whole position, so a liquidation it triggers counts once, with Aave's close factor and bonus. "
                "A Pendle YT moves 1× with a depeg of its underlying but loses its remaining yield to a loss of backing. "
                "Probabilities are editable assumptions, combined as independent unless you set a correlation."
            </p>
            <p><a href="methodology.html" data-testid="methodology-link">"The full method, with every formula, its source and worked examples →"</a></p>
        </section>
    }
}
