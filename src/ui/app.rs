//! The top-level component: reads the link, owns the state, lays out the page (full or embed).

use crate::ui::charts::{MarginLadder, ProjectionChart, RiskStack, YieldWaterfall};
use crate::ui::results::{Headline, LayerTable, StressTable, SummaryBar};
use crate::ui::settings_panel::SettingsPanel;
use crate::ui::share_bar::ShareBar;
use crate::ui::sources::Sources;
use crate::ui::stack_builder::StackBuilder;
use crate::ui::stake_panel::StakePanel;
use crate::ui::state::AppState;
use crate::ui::{browser, catalog_glue, link};
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    #[allow(clippy::panic)]
    if browser::query_flag("__panic") {
        // Test-only: proves the error panel appears (tests/e2e/smoke.test.mjs).
        std::panic::panic_any("test panic requested by the __panic URL flag");
    }
    let opened = link::read_location();
    let embed = opened.view.embed;
    let from_link = opened.from_link;
    browser::apply_theme(opened.view.theme.as_deref(), embed);
    let state = AppState::new(opened.scenario, opened.strategy_id);
    let strategy = state.strategy;
    provide_context(state);
    let link_notices = RwSignal::new(opened.notices);
    let data = catalog_glue::DataState::start(state, from_link);
    provide_context(data);
    link::keep_url_in_sync(state, embed);
    browser::mark_first_result(state);

    let report = Signal::derive(move || state.last_good.get());
    let ticker =
        Signal::derive(move || state.scenario.with(|s| s.stake.asset.ticker().to_string()));
    let horizon = Signal::derive(move || state.scenario.with(|s| s.horizon_days));
    let stale = move || state.is_stale();
    let engine_error = move || {
        state
            .result
            .with(|r| r.as_ref().err().map(|e| e.to_string()))
    };
    let notices = move || {
        link_notices.with(|n| {
            (!n.is_empty()).then(|| {
                view! {
                    <ul class="notices" data-testid="link-notices" aria-label="About the link you opened">
                        {n.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
                    </ul>
                }
            })
        })
    };
    let stale_banner = move || {
        stale().then(|| {
            view! {
                <p class="stale-banner" data-testid="stale" role="status">
                    "Showing the last valid result: fix the highlighted field to update. "
                    {engine_error}
                </p>
            }
        })
    };
    let results_head = move || {
        view! {
            {stale_banner}
            <Headline report=report ticker=ticker horizon_days=horizon/>
        }
    };

    if embed {
        return view! {
            <main class="embed-main" data-testid="calculator">
                <div class="embed-bar">
                    <h1>{move || format!("Restack · {}", catalog_glue::strategy_title(&strategy.get(), &state))}</h1>
                    <a href=move || link::full_calculator_href(state) target="_blank" rel="noopener" data-testid="open-full">"Open full calculator ↗"</a>
                </div>
                {notices}
                <div class="results" class:stale=stale>
                    {results_head}
                    <LayerTable report=report/>
                    <YieldWaterfall report=report/>
                </div>
            </main>
        }
        .into_any();
    }

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
                        {results_head}
                    </section>
                    <section class="panel" aria-labelledby="layers-title">
                        <h2 id="layers-title">"Layer by layer"</h2>
                        <LayerTable report=report/>
                    </section>
                    <div class="charts">
                        <YieldWaterfall report=report/>
                        <RiskStack report=report/>
                        <MarginLadder report=report/>
                        <ProjectionChart report=report/>
                    </div>
                    <section class="panel" aria-labelledby="stress-title">
                        <h2 id="stress-title">"Stress scenarios"</h2>
                        <p class="hint">"Deterministic shocks applied to today's position; sizes are editable under “Risk model and stress sizes”."</p>
                        <StressTable report=report ticker=ticker/>
                    </section>
                </div>
            </div>
            <SummaryBar report=report ticker=ticker stale=Signal::derive(stale)/>
            <Sources/>
        </main>
        <footer class="site-footer">
            <p>
                {move || format!("Data as of {} · ", data.as_of_label())}
                <a href="#sources">"Sources and assumptions"</a>
                " · Not financial advice: figures are estimates from public sources and your inputs."
            </p>
        </footer>
    }
    .into_any()
}
