//! The results side: the note on stale or missing results, headline figures, per-layer table,
//! stress table and the phones' summary bar. Each places text from `text` (pure, natively
//! tested) and updates only the cells whose text changed.

mod cost_text;
mod crisis_table;
mod headline;
mod layer_table;
mod result_note;
mod stress_table;
mod summary_bar;
mod text;

pub use cost_text::{cost_metrics, cost_values, exit_text, layer_cost_text, min_stake_text};
pub use crisis_table::CrisisTable;
pub use headline::Headline;
pub use layer_table::LayerTable;
pub use result_note::ResultNote;
pub use stress_table::StressTable;
pub use summary_bar::SummaryBar;
pub use text::{
    headline_metrics, headline_values, health_text, layer_cells, liquidation_text, CrisisRow,
    LayerRow, Metric, StressRow,
};
