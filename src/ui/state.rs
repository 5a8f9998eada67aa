//! The one state at the top of the app. Everything on screen derives from `scenario` through the
//! engine; inputs write back into it. Fields that fail to parse never reach the scenario: their
//! messages live in `input_errors`, and the last good report stays on screen, marked stale.

use crate::engine::{evaluate, Report, Scenario, ScenarioError};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Shared app state, provided as context by [`crate::ui::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario being edited: the single source of truth.
    pub scenario: RwSignal<Scenario>,
    /// Parse errors of fields whose text is not a number, keyed by field path (`layers[1].ltv`).
    pub input_errors: RwSignal<BTreeMap<String, String>>,
    /// The engine's answer for the current scenario.
    pub result: Memo<Result<Report, ScenarioError>>,
    /// The last report computed from a valid scenario (kept on screen while input is invalid).
    pub last_good: RwSignal<Option<Report>>,
    /// Bumped whenever the scenario is replaced wholesale (strategy picked, link opened), so
    /// fields drop any half-typed text and show the new values.
    pub generation: RwSignal<u64>,
    /// Id of the ready-made strategy last loaded ("" once the stack is built by hand).
    pub strategy: RwSignal<String>,
}

impl AppState {
    /// Create the state around an initial scenario.
    pub fn new(initial: Scenario, strategy: String) -> Self {
        let scenario = RwSignal::new(initial);
        let result = Memo::new(move |_| scenario.with(evaluate));
        let last_good = RwSignal::new(None);
        Effect::new(move |_| {
            result.with(|r| {
                if let Ok(report) = r {
                    last_good.set(Some(report.clone()));
                }
            })
        });
        AppState {
            scenario,
            input_errors: RwSignal::new(BTreeMap::new()),
            result,
            last_good,
            generation: RwSignal::new(0),
            strategy: RwSignal::new(strategy),
        }
    }

    /// Replace the whole scenario (strategy or link): clears half-typed field errors.
    pub fn replace(&self, next: Scenario) {
        self.input_errors.set(BTreeMap::new());
        self.scenario.set(next);
        self.generation.update(|g| *g += 1);
    }

    /// The engine's problem with `path`, if the engine rejected exactly that field.
    pub fn engine_problem_for(&self, path: &str) -> Option<crate::engine::Problem> {
        self.result.with(|r| match r {
            Err(e) if e.field() == path => Some(e.problem.clone()),
            _ => None,
        })
    }

    /// Whether what is on screen is not the current input's result.
    pub fn is_stale(&self) -> bool {
        self.input_errors.with(|m| !m.is_empty()) || self.result.with(|r| r.is_err())
    }

    /// Record (or clear, with `None`) a parse error for a field.
    pub fn set_input_error(&self, path: &str, message: Option<String>) {
        self.input_errors.update(|m| match message {
            Some(msg) => {
                m.insert(path.to_string(), msg);
            }
            None => {
                m.remove(path);
            }
        });
    }
}

/// The app state from context. Components are only rendered under [`crate::ui::App`], which
/// provides it; a missing context is a programming error caught by the browser tests.
pub fn use_state() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| AppState::new(crate::engine::example_scenario(), String::new()))
}
