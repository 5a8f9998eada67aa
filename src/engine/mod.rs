//! The calculation engine (`DESIGN.md` §3): pure Rust, no Leptos, web-sys or JS.
//!
//! [`evaluate`] turns a [`Scenario`] into a [`Report`]; each concern lives in its own module.

mod error;
mod report;
mod scenario;

pub use error::ScenarioError;
pub use report::*;
pub use scenario::*;

/// Evaluate a scenario: validate it, then compute every per-layer and whole-stack figure and the
/// stress scenarios.
///
/// # Errors
/// A [`ScenarioError`] naming the first invalid field.
pub fn evaluate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    let _ = scenario;
    Err(ScenarioError::Empty)
}
