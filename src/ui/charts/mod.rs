//! Hand-written SVG charts (no chart library): yield waterfall, risk stack, margin ladder and
//! projected value, one component per file. `geometry` computes every shape from the `Report`
//! (pure, natively tested); the components only draw it. Each chart is an `<svg role="img">`
//! with a one-line `aria-label` and a visually hidden table holding the same numbers, its text
//! alternative. Colours come from classes in `style/charts.css` (the CSP forbids inline styles).

pub(crate) mod frame;
pub mod geometry;
mod margin_ladder;
mod projection;
mod risk_stack;
mod waterfall;

pub use margin_ladder::MarginLadder;
pub use projection::ProjectionChart;
pub use risk_stack::RiskStack;
pub use waterfall::YieldWaterfall;
