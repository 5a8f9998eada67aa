//! Protocol catalog: sourced presets, strategies, runtime data validation.
