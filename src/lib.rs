//! Restack: a restaking yield, leverage and risk calculator.
//!
//! The finance lives in [`engine`], the protocol presets in [`catalog`] and the share-link codec
//! in [`share`]; all three are pure Rust (std + serde) and test natively. [`ui`] renders what they
//! return with Leptos.

pub mod catalog;
pub mod engine;
pub mod share;
pub mod ui;
