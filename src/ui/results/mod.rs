//! The results side: headline figures, per-layer table, stress table. Each renders one part of
//! the engine's `Report` and computes nothing itself.

mod headline;
mod layer_table;
mod stress_table;
mod summary_bar;
mod text;

pub use headline::Headline;
pub use layer_table::LayerTable;
pub use stress_table::StressTable;
pub use summary_bar::SummaryBar;
pub use text::{headline_values, health_text, layer_cells, liquidation_text};
