//! Benchmark of the Monte Carlo simulation: 100,000 paths × 52 weekly steps of a 5-layer stack
//! (criterion, native only; see benches/evaluate.rs for why the `cfg`s are per item).
//!
//! The stack: EtherFi eETH → EigenCloud (two services) → weETH → Pendle PT → a Morpho loop on
//! the PT against USDC (linear-discount oracle), so the base asset's price moves its health
//! factor every step; every event source is on (exploits, depegs, slashes, crashes, the borrow
//! spike) in crisis mode. The browser target is under 250 ms on a 2-core machine.
//!
//! Run: `cargo bench --bench montecarlo -- --warm-up-time 2 --measurement-time 20`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/bench_stack.rs"]
mod bench_stack;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::bench_stack::five_layers;
    use criterion::{black_box, Criterion};
    use restack::engine::McPlan;

    pub fn benches() {
        let scenario = five_layers();
        let plan = match McPlan::new(&scenario) {
            Ok(plan) => plan,
            Err(e) => {
                eprintln!("the benchmark scenario is invalid: {e}");
                return;
            }
        };
        let mut c = Criterion::default().sample_size(10).configure_from_args();
        c.bench_function("montecarlo 100k paths x 52 steps, 5 layers", |b| {
            b.iter(|| plan.run(black_box(0..100_000)))
        });
        c.bench_function("montecarlo finish 100k paths", |b| {
            let partial = plan.run(0..100_000);
            b.iter(|| partial.finish(black_box(&plan)))
        });
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
}
