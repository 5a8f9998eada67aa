//! The Monte Carlo simulation's build (`restack-mc`, docs/METHODOLOGY.md §11): the engine, the
//! link decoder and the figures' markup, and no Leptos. `public/mc.js` loads it at the first
//! run, in a Web Worker (or on the main thread when the page cannot make one), and drives a
//! [`McJob`] chunk by chunk:
//!
//! ```text
//! const job = new McJob(query);          // a share link's query; throws a message if invalid
//! while (job.done < job.total) job.step(1000);   // post progress, yield, check for a cancel
//! const html = job.finish();             // the figures, histogram and causes as markup
//! job.free();
//! ```
//!
//! Each path depends only on the scenario, the seed and its index, so the figures are the same
//! bits whatever the chunking, natively and here (`tests/ui_expect_mc.rs` writes the native
//! ones the browser tests compare with).

#[cfg(target_arch = "wasm32")]
mod job {
    use restack::engine::{McPartial, McPlan, Scenario};
    use restack::share;
    use restack::ui::simulation::text::result_markup;
    use wasm_bindgen::prelude::*;

    /// One simulation in progress: the plan, the paths merged so far and the scenario (for the
    /// labels of the loss causes).
    #[wasm_bindgen]
    pub struct McJob {
        scenario: Scenario,
        plan: McPlan,
        partial: McPartial,
        next: u32,
    }

    #[wasm_bindgen]
    impl McJob {
        /// Decode `query` (a share link's query) and prepare its simulation.
        ///
        /// # Errors
        /// A message for the reader when the link holds no scenario or the engine rejects it.
        #[wasm_bindgen(constructor)]
        pub fn new(query: &str) -> Result<McJob, String> {
            let scenario = share::decode(query)
                .scenario
                .ok_or_else(|| "The link holds no scenario to simulate.".to_string())?;
            let plan = McPlan::new(&scenario).map_err(|e| e.to_string())?;
            let partial = plan.run(0..0);
            Ok(McJob {
                scenario,
                plan,
                partial,
                next: 0,
            })
        }

        /// Paths asked for.
        #[wasm_bindgen(getter)]
        pub fn total(&self) -> u32 {
            self.plan.paths()
        }

        /// Paths simulated so far.
        #[wasm_bindgen(getter)]
        pub fn done(&self) -> u32 {
            self.next
        }

        /// Simulate the next `paths` paths (fewer at the end); returns the paths done.
        pub fn step(&mut self, paths: u32) -> u32 {
            let end = self
                .next
                .saturating_add(paths.max(1))
                .min(self.plan.paths());
            let chunk = self.plan.run(self.next..end);
            // Disjoint chunks of one plan always merge.
            if self.partial.merge(chunk).is_ok() {
                self.next = end;
            }
            self.next
        }

        /// The figures of the paths simulated, as markup (`ui::simulation::text`).
        ///
        /// # Errors
        /// Never for a job's own partial; a message otherwise.
        pub fn finish(&self) -> Result<String, String> {
            self.partial
                .finish(&self.plan)
                .map(|r| result_markup(&r, &self.scenario))
                .map_err(|e| e.to_string())
        }
    }
}

fn main() {}
