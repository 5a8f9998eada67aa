//! Typed validation errors that name the field (`layers[2].ltv: ...`).

/// Why a scenario cannot be evaluated. `Display` names the field, e.g.
/// `layers[2].ltv: 0.95 is above the liquidation threshold 0.93`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The stack has no layers.
    #[error("layers: the stack is empty")]
    Empty,
    /// A field is out of its range or not a finite number.
    #[error("{field}: {message}")]
    Field {
        /// Path of the field (`stake.amount`, `layers[2].ltv`).
        field: String,
        /// What is wrong with it.
        message: String,
    },
}

impl ScenarioError {
    /// Path of the offending field, for putting the message next to it in the UI.
    pub fn field(&self) -> &str {
        match self {
            ScenarioError::Empty => "layers",
            ScenarioError::Field { field, .. } => field,
        }
    }
}
