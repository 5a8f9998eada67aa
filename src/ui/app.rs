//! The top-level components: each reads the link once, owns the state and lays out the page.
//! [`App`] is the full calculator (it also lays out an embed when opened with `embed`);
//! [`EmbedApp`] is the embed alone, the light build a blog post loads (`src/bin/embed.rs`).

use crate::ui::charts::{MarginLadder, ProjectionChart, RiskStack, YieldWaterfall};
use crate::ui::data::DataState;
use crate::ui::methodology::Methodology;
use crate::ui::results::{CrisisTable, Headline, LayerTable, ResultNote, StressTable, SummaryBar};
use crate::ui::settings_panel::SettingsPanel;
use crate::ui::share_bar::ShareBar;
use crate::ui::sources::Sources;
use crate::ui::stack_builder::StackBuilder;
use crate::ui::stake_fields::StakeFields;
use crate::ui::stake_panel::StakePanel;
use crate::ui::state::AppState;
use crate::ui::{browser, embed_resize, link};
use leptos::prelude::*;

/// What both layouts set up: the data, the state from the link, URL sync, the first-result mark,
/// the embed's height reports. Returns the link's notices (shown once). `sync_url`: keep the
/// address bar equal to the scenario's link (the security view writes its own, with the network).
fn open_with(sync_url: bool) -> (DataState, AppState, Option<AnyView>) {
    let data = DataState::new();
    provide_context(data);
    let opened = link::read_location(&data);
    let embed = opened.view.embed;
    browser::apply_theme(opened.view.theme, embed);
    let state = AppState::new(opened.scenario, opened.strategy, opened.view, data);
    provide_context(state);
    data.load_file(state, opened.from_link);
    if sync_url {
        link::keep_url_in_sync(state);
    }
    browser::mark_first_result(state);
    if embed {
        embed_resize::start();
    }
    let notices = (!opened.notices.is_empty()).then(|| {
        view! {
            <ul class="notices" data-testid="link-notices" aria-label="About the link you opened">
                {opened.notices.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    });
    (data, state, notices)
}

fn open() -> (DataState, AppState, Option<AnyView>) {
    open_with(true)
}

/// The embed layout: the strategy's title, the reader's stake, the headline, the per-layer table
/// and the yield chart, with links to the full calculator and the methodology.
#[component]
fn EmbedView(
    /// The link's notices.
    notices: Option<AnyView>,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let stale = move || state.is_stale();
    let title = move || {
        let strategy = state
            .strategy
            .get()
            .and_then(crate::catalog::Strategy::find);
        match strategy {
            Some(s) => format!("Restack · {}", s.name),
            None => state.scenario.with(|s| {
                let tokens: Vec<&str> = s.layers.iter().map(|l| l.token.as_str()).collect();
                format!(
                    "Restack · {} → {}",
                    s.stake.asset.ticker(),
                    tokens.join(" → ")
                )
            }),
        }
    };
    view! {
        <main class="embed-main" data-testid="calculator">
            <div class="embed-bar">
                <h1>{title}</h1>
                <span class="toolbar">
                    <a href=move || link::full_calculator_href(state) target="_blank" rel="noopener" data-testid="open-full">"Open full calculator ↗"</a>
                    <a href="methodology.html" target="_blank" rel="noopener" data-testid="methodology-link">"How this is calculated ↗"</a>
                </span>
            </div>
            {notices}
            <div class="embed-inputs fields">
                <StakeFields/>
            </div>
            <div class="results" class:stale=stale>
                <ResultNote/>
                <Headline/>
                <LayerTable/>
                <YieldWaterfall/>
            </div>
            <crate::ui::simulation::SimulationPanel inputs=false/>
        </main>
    }
}

/// The embed alone: what a blog post's iframe loads (a smaller build than the full page).
#[component]
pub fn EmbedApp() -> impl IntoView {
    let (_, _, notices) = open();
    view! { <EmbedView notices=notices/> }
}

/// The on-demand views (`view=compare`, `view=security`): what `public/boot.js` loads for them,
/// so the calculator's first load carries none of their code.
#[component]
pub fn ViewsApp() -> impl IntoView {
    let security = link::opened_page() == crate::share::Page::Security;
    let (_, _, notices) = open_with(!security);
    if security {
        return view! { <crate::ui::security::SecurityView notices=notices/> }.into_any();
    }
    view! { <crate::ui::compare::CompareView notices=notices/> }.into_any()
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let (data, state, notices) = open();
    if state.view.with_value(|v| v.embed) {
        return view! { <EmbedView notices=notices/> }.into_any();
    }
    let stale = move || state.is_stale();

    view! {
        <header class="site-header">
            <h1>"Restack"</h1>
            <p class="tagline">"What each layer of a restaking stack adds in yield, leverage and risk — computed in your browser."</p>
        </header>
        <main data-testid="calculator">
            {notices}
            <div class="layout">
                <div class="inputs">
                    <StakePanel/>
                    <StackBuilder/>
                    <SettingsPanel/>
                </div>
                <div class="results" class:stale=stale>
                    <section class="panel" aria-labelledby="results-title">
                        <header class="embed-bar">
                            <h2 id="results-title">"Results"</h2>
                            <ShareBar/>
                        </header>
                        <ResultNote/>
                        <Headline/>
                    </section>
                    <section class="panel" aria-labelledby="layers-title">
                        <h2 id="layers-title">"Layer by layer"</h2>
                        <LayerTable/>
                    </section>
                    <div class="charts">
                        <YieldWaterfall/>
                        <RiskStack/>
                        <MarginLadder/>
                        <ProjectionChart/>
                    </div>
                    <section class="panel" aria-labelledby="stress-title">
                        <h2 id="stress-title">"Stress scenarios"</h2>
                        <p class="hint">"Deterministic shocks applied to today's position; sizes are editable under “Risk model and stress sizes”."</p>
                        <StressTable/>
                        <CrisisTable/>
                    </section>
                    <crate::ui::simulation::SimulationPanel inputs=true/>
                    <Methodology/>
                </div>
            </div>
            <SummaryBar/>
            <Sources/>
        </main>
        <footer class="site-footer">
            <p>
                {move || format!("Data as of {} · ", data.as_of_label())}
                <a href="#sources">"Sources and assumptions"</a>
                " · "
                <a href="methodology.html">"How this is calculated"</a>
                " · Not financial advice: figures are estimates from public sources and your inputs."
            </p>
        </footer>
    }
    .into_any()
}
