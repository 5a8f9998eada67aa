//! The page's half of the worker protocol (ARCHITECTURE.md, "The simulation build"):
//! `window.restackMc(query, id, report)` asks for a run (an empty query cancels), and
//! `report(id, done, total, html, error)` comes back after every chunk and at the end. Ids let
//! the page drop whatever an older request still reports.
//!
//! What the panel shows is kept as markup strings (the progress bar or a note; the finished
//! figures from the worker), each set with one `inner_html`: in the calculator's wasm that costs
//! less than reactive views, for blocks redrawn whole anyway.

use crate::ui::format::number;
use crate::ui::markup::escape;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The state one panel shares with the runner's reports.
#[derive(Clone, Copy)]
pub struct Channel {
    /// The progress bar, or why there is none (markup; "" before the first run).
    pub status: RwSignal<String>,
    /// The last finished result's markup ("" before the first).
    pub html: RwSignal<String>,
    /// Whether `html` is the result of the request last made.
    pub fresh: RwSignal<bool>,
    /// (the request whose reports are shown, 0 when none is in flight; the last id handed out).
    ids: StoredValue<(u32, u32)>,
}

impl Channel {
    /// A channel with nothing requested.
    pub fn new() -> Self {
        Channel {
            status: RwSignal::new(String::new()),
            html: RwSignal::new(String::new()),
            fresh: RwSignal::new(false),
            ids: StoredValue::new((0, 0)),
        }
    }

    /// A new id, made the current one (`current`) or only used up.
    fn next_id(&self, current: bool) -> u32 {
        let id = self.ids.get_value().1.wrapping_add(1).max(1);
        self.ids.set_value((if current { id } else { 0 }, id));
        id
    }

    /// Ask for a simulation of `query` (a share link's query); any run in flight is dropped.
    pub fn run(&self, query: &str, paths: u32) {
        let id = self.next_id(true);
        self.fresh.set(false);
        self.status.set(bar(0, paths));
        if let Err(message) = call(query, id, self.callback()) {
            self.ids.update_value(|ids| ids.0 = 0);
            self.status.set(failed(&message));
        }
    }

    /// The inputs changed: stop the run in flight, if any (its later reports are ignored), and
    /// mark what is shown as not the inputs' result.
    pub fn cancel(&self) {
        self.fresh.set(false);
        self.status.set(
            "<p class=\"hint\" data-testid=\"mc-cancelled\">Inputs changed: the simulation runs again when you pause.</p>".into(),
        );
        if self.ids.get_value().0 != 0 {
            let id = self.next_id(false);
            let _ = call("", id, JsValue::NULL);
        }
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
        if id != self.ids.get_value().0 {
            return;
        }
        if !error.is_empty() {
            self.ids.update_value(|ids| ids.0 = 0);
            self.status.set(failed(&error));
        } else if !html.is_empty() {
            self.ids.update_value(|ids| ids.0 = 0);
            self.html.set(html);
            self.fresh.set(true);
            self.status.set(bar(total, total));
        } else {
            self.status.set(bar(done, total));
        }
    }
}

/// `window.restackMc(query, id, report)`.
fn call(query: &str, id: u32, report: JsValue) -> Result<(), String> {
    let unavailable = || "The simulation is unavailable in this page.".to_string();
    let window = web_sys::window().ok_or_else(unavailable)?;
    let run = js_sys::Reflect::get(&window, &JsValue::from_str("restackMc"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(unavailable)?;
    run.call3(
        &JsValue::NULL,
        &JsValue::from_str(query),
        &JsValue::from(id),
        &report,
    )
    .map(|_| ())
    .map_err(|_| unavailable())
}

/// Why the simulation could not run.
fn failed(message: &str) -> String {
    format!(
        "<p class=\"field-error\" role=\"alert\" data-testid=\"mc-error\">{}</p>",
        escape(message)
    )
}

/// `<progress>` at `done` of `total` paths, with its text beside it.
fn bar(done: u32, total: u32) -> String {
    let text = format!(
        "{} of {} paths",
        number(f64::from(done), 0),
        number(f64::from(total), 0)
    );
    format!(
        "<div class=\"mc-progress\"><progress data-testid=\"mc-progress\" role=\"progressbar\" aria-label=\"Paths simulated\" \
         max=\"{total}\" value=\"{done}\" aria-valuemin=\"0\" aria-valuemax=\"{total}\" aria-valuenow=\"{done}\" \
         aria-valuetext=\"{text}\"></progress><span data-testid=\"mc-progress-text\">{text}</span></div>"
    )
}
