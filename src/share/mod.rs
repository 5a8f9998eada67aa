//! Share-link codec: versioned, total, hand-editable URL state.
