// The simulation's browser benchmark (issue 13; a report, not a timed test): the benchmark's
// stack (benches/montecarlo.rs: 5 layers, 100,000 paths × 52 weekly steps, every event source
// on, crisis mode) run from the page in headless Chromium, timed by the page's own
// performance.measure('restack:mc') from request to figures on screen. The first run includes
// fetching and compiling the engine; the others are warm. Compare with
// `cargo bench --bench montecarlo`.
// Usage: node scripts/mc-bench.mjs [runs]   (after `trunk build --release --offline` and
// `cargo test --test ui_expect_mc`, which writes the stack's link to target/e2e/expected-mc.json)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, waitForResults, repo } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const { bench_query: query } = JSON.parse(readFileSync(join(repo, 'target', 'e2e', 'expected-mc.json'), 'utf8'));
const browser = await launch();
const server = await serveDist();
const bench = async (label, init) => {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(`${server.url}/?${query}`);
  await waitForResults(page);
  const times = [];
  for (let i = 1; i <= runs; i++) {
    await page.locator('[data-testid="mc-run"]').click();
    await page.waitForFunction((n) => performance.getEntriesByName('restack:mc').length === n, i, { timeout: 120000 });
    times.push(await page.evaluate((n) => performance.getEntriesByName('restack:mc')[n - 1].duration, i));
  }
  const paths = await page.locator('[data-testid="mc-basis"]').textContent();
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm.length ? warm[Math.floor(warm.length / 2)] : NaN;
  console.log(`${label}: ${paths}`);
  console.log(`  first run (fetch + compile + run): ${times[0].toFixed(0)} ms; warm runs: ${warm.map((t) => t.toFixed(0)).join(', ')} ms; median ${median.toFixed(0)} ms`);
  await context.close();
};
await bench('worker');
await bench('main thread (no Worker)', () => { delete window.Worker; });
await browser.close();
await server.close();
