//! The one state at the top of the app. Everything on screen derives from `scenario` through the
//! engine; inputs write back into it through the methods here. Fields that fail to parse never
//! reach the scenario: their messages live in `input_errors`, and the last good report stays on
//! screen, marked stale.

use crate::catalog::Strategy;
use crate::engine::{evaluate, Asset, Layer, Report, Scenario, ScenarioError};
use crate::share::ViewOptions;
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
    /// The engine's objection alone, derived from `result`: what fields read, so a valid edit
    /// (the usual case) does not re-run every field's error check.
    pub problem: Memo<Option<ScenarioError>>,
    /// The asset staked, derived from `scenario`: labels and presets read it, not the scenario.
    pub asset: Memo<Asset>,
    /// The last report computed from a valid scenario (kept on screen while input is invalid),
    /// derived from `result`: `None` until a scenario has been valid once.
    pub report: Memo<Option<Report>>,
    /// Bumped whenever the scenario is replaced wholesale (strategy picked, link opened, data
    /// file applied, layer moved), so fields drop any half-typed text and show the new values.
    pub generation: RwSignal<u64>,
    /// The ready-made strategy last loaded (or named by the link).
    loaded: RwSignal<Option<&'static Strategy>>,
    /// A strategy was picked before the figures arrived: load it when they do.
    awaiting: StoredValue<bool>,
    /// The strategy the page still shows: the one loaded, while the stack is its stack (any
    /// hand edit of the layers makes the stack custom). Written into links as `strategy=`.
    pub strategy: Memo<Option<&'static str>>,
    /// How the page was opened (embed layout, forced theme), read once from the link.
    pub view: StoredValue<ViewOptions>,
}

impl AppState {
    /// Create the state around an initial scenario, the strategy it came from and the view.
    pub fn new(
        initial: Scenario,
        strategy: Option<&'static Strategy>,
        view: ViewOptions,
        data: crate::ui::data::DataState,
    ) -> Self {
        let scenario = RwSignal::new(initial);
        let result = Memo::new(move |_| scenario.with(evaluate));
        let problem = Memo::new(move |_| result.with(|r| r.as_ref().err().cloned()));
        let asset = Memo::new(move |_| scenario.with(|s| s.stake.asset));
        let report = Memo::new(move |previous: Option<&Option<Report>>| {
            result.with(|r| match r {
                Ok(report) => Some(report.clone()),
                Err(_) => previous.cloned().flatten(),
            })
        });
        let loaded = RwSignal::new(strategy);
        let strategy = Memo::new(move |_| {
            let s = loaded.get()?;
            match data.strategy_layers(s) {
                Some(layers) => scenario.with(|sc| sc.layers == layers).then_some(s.id),
                // Before the figures arrive there is nothing to compare with.
                None => data.catalog.with(|c| c.is_empty()).then_some(s.id),
            }
        });
        AppState {
            scenario,
            input_errors: RwSignal::new(BTreeMap::new()),
            result,
            problem,
            asset,
            report,
            generation: RwSignal::new(0),
            loaded,
            awaiting: StoredValue::new(false),
            strategy,
            view: StoredValue::new(view),
        }
    }

    /// Replace the whole scenario (a strategy picked, a preset applied to a layer, a data file
    /// rebasing untouched values): clears half-typed field errors and tells every field to show
    /// the new values. `strategy` is the ready-made strategy it came from, if any.
    pub fn replace(&self, next: Scenario, strategy: Option<&'static Strategy>) {
        self.input_errors.set(BTreeMap::new());
        self.loaded.set(strategy);
        self.scenario.set(next);
        self.generation.update(|g| *g += 1);
    }

    /// The ready-made strategy last loaded or named by the link.
    pub fn loaded_strategy(&self) -> Option<&'static Strategy> {
        self.loaded.get_untracked()
    }

    /// Load `strategy` as soon as the figures are there (now, if they are: `scenario`).
    pub fn pick_strategy(&self, strategy: &'static Strategy, scenario: Option<Scenario>) {
        match scenario {
            Some(sc) => self.replace(sc, Some(strategy)),
            None => {
                self.loaded.set(Some(strategy));
                self.awaiting.set_value(true);
            }
        }
    }

    /// Whether a picked strategy waits for the figures (and stop waiting).
    pub fn take_awaiting(&self) -> bool {
        let waiting = self.awaiting.get_value();
        self.awaiting.set_value(false);
        waiting
    }

    /// Change the scenario where the user edited it (the fields keep their text).
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }

    /// Change the stack's shape (move or remove a layer): like [`AppState::edit`], and the
    /// fields re-read their values, since a field bound to layer 2 now shows another layer.
    pub fn reshape(&self, f: impl FnOnce(&mut Scenario)) {
        self.input_errors.set(BTreeMap::new());
        self.scenario.update(f);
        self.generation.update(|g| *g += 1);
    }

    /// The engine's problem with `path`, if the engine rejected exactly that field.
    pub fn engine_problem_for(&self, path: &str) -> Option<crate::engine::Problem> {
        self.problem.with(|e| match e {
            Some(e) if e.field() == path => Some(e.problem.clone()),
            _ => None,
        })
    }

    /// Layer `index` as its own memo, for the controls of one layer card: an edit of another
    /// layer changes the scenario but not this memo, so this card's fields do not re-run
    /// (docs: ARCHITECTURE.md, "An edit updates only what changed"). Create it once per card.
    pub fn layer_memo(&self, index: usize) -> Memo<Option<Layer>> {
        let scenario = self.scenario;
        Memo::new(move |_| scenario.with(|s| s.layers.get(index).cloned()))
    }

    /// The path of the field the engine rejects, if any.
    pub fn invalid_path(&self) -> Option<String> {
        self.problem
            .with(|e| e.as_ref().map(|e| e.field().to_string()))
    }

    /// Whether what is on screen is not the current input's result.
    pub fn is_stale(&self) -> bool {
        self.input_errors.with(|m| !m.is_empty()) || self.problem.with(Option::is_some)
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
/// provides it; without it this fails loudly (the panic panel shows, and the browser tests fail)
/// instead of building a second, unconnected state.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
