//! The Monte Carlo simulation on the page (docs/METHODOLOGY.md §11). The simulation itself runs
//! in its own build, `restack-mc` (`src/bin/mc.rs`: the engine alone, no Leptos), which
//! `public/mc.js` loads at the first run, in a Web Worker when one can be made and on the main
//! thread between yields otherwise. That build renders the finished figures here ([`text`]),
//! so the calculator's wasm carries none of the simulation's code: it sends the share link's
//! query, shows the progress, and sets the finished markup.
//!
//! - [`text`]: the figures, the histogram and the loss causes as text and markup (pure);
//! - `bridge`: the call into `window.restackMc` (`public/boot.js`) and what comes back;
//! - `panel`: the section with its inputs, Run button, progress bar and result.

mod bridge;
mod panel;
pub mod text;

pub use panel::SimulationPanel;
