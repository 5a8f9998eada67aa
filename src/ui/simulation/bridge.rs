//! The page's half of the worker protocol (ARCHITECTURE.md, "The simulation build"):
//! `window.restackMc(query, id, report)` asks for a run (an empty query cancels), and
//! `report(id, done, total, html, error)` comes back after every chunk and at the end. Ids let
//! the page drop whatever an older request still reports.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where a run stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// Nothing requested yet.
    Idle,
    /// `done` of `total` paths simulated.
    Running {
        /// Paths done.
        done: u32,
        /// Paths asked for.
        total: u32,
    },
    /// Finished: `total` paths.
    Done {
        /// Paths simulated.
        total: u32,
    },
    /// Stopped because the inputs changed.
    Cancelled,
    /// The simulation could not run (a message for the reader).
    Failed(String),
}

/// The state one panel shares with the callback.
#[derive(Clone, Copy)]
pub struct Channel {
    /// Where the current request stands.
    pub progress: RwSignal<Progress>,
    /// The last finished result's markup ("" before the first).
    pub html: RwSignal<String>,
    /// The request whose reports are shown (0: none in flight).
    current: StoredValue<u32>,
    /// The last id handed out.
    last: StoredValue<u32>,
}

impl Channel {
    /// A channel with nothing requested.
    pub fn new() -> Self {
        Channel {
            progress: RwSignal::new(Progress::Idle),
            html: RwSignal::new(String::new()),
            current: StoredValue::new(0),
            last: StoredValue::new(0),
        }
    }

    /// Whether a request is in flight.
    pub fn running(&self) -> bool {
        self.current.get_value() != 0
    }

    /// Ask for a simulation of `query` (a share link's query); any run in flight is dropped.
    pub fn run(&self, query: &str, paths: u32) {
        let id = self.last.get_value().wrapping_add(1).max(1);
        self.last.set_value(id);
        self.current.set_value(id);
        self.progress.set(Progress::Running {
            done: 0,
            total: paths,
        });
        if let Err(message) = self.call(query, id) {
            self.current.set_value(0);
            self.progress.set(Progress::Failed(message));
        }
    }

    /// The inputs changed: stop the run in flight, if any (its later reports are ignored), and
    /// mark what is shown as not the inputs' result.
    pub fn cancel(&self) {
        self.progress.set(Progress::Cancelled);
        if self.running() {
            let id = self.last.get_value().wrapping_add(1).max(1);
            self.last.set_value(id);
            self.current.set_value(0);
            let _ = self.call("", id);
        }
    }

    fn call(&self, query: &str, id: u32) -> Result<(), String> {
        let unavailable = || "The simulation is unavailable in this page.".to_string();
        let window = web_sys::window().ok_or_else(unavailable)?;
        let run = js_sys::Reflect::get(&window, &JsValue::from_str("restackMc"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(unavailable)?;
        let callback = self.callback();
        run.call3(
            &JsValue::NULL,
            &JsValue::from_str(query),
            &JsValue::from(id),
            &callback,
        )
        .map(|_| ())
        .map_err(|_| unavailable())
    }

    /// A `report` for one request. Forgotten: one small closure per run the reader starts
    /// (its reports may arrive at any time until the runner drops the request).
    fn callback(&self) -> JsValue {
        let this = *self;
        let closure = Closure::<dyn FnMut(u32, u32, u32, String, String)>::new(
            move |id: u32, done: u32, total: u32, html: String, error: String| {
                this.report(id, done, total, html, error)
            },
        );
        let f: JsValue = closure.as_ref().clone();
        closure.forget();
        f
    }

    fn report(&self, id: u32, done: u32, total: u32, html: String, error: String) {
        if id != self.current.get_value() {
            return;
        }
        if !error.is_empty() {
            self.current.set_value(0);
            self.progress.set(Progress::Failed(error));
        } else if !html.is_empty() {
            self.current.set_value(0);
            self.html.set(html);
            self.progress.set(Progress::Done { total });
        } else {
            self.progress.set(Progress::Running { done, total });
        }
    }
}
