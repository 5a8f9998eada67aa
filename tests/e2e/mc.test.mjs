// The Monte Carlo simulation (issue 13): the first load fetches none of its code; a run shows a
// progress bar that completes, and figures equal to the native engine's for the same seed
// (target/e2e/expected-mc.json, written by `cargo test --test ui_expect_mc`); an edit during a run
// cancels it and its result never shows; it runs in a sandboxed cross-origin embed, and on the
// main thread when no Worker can be made; every finished run records performance.measure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, repo, loadExpected } from './harness.mjs';
import { startServer } from './server.mjs';

const expected = loadExpected('expected-mc');
const byName = (name) => expected.cases.find((c) => c.name === name);
// The simulation's own files (the runner, the engine's module and wasm), not its stylesheet.
const MC_FILE = /\/(mc-[0-9a-f]{10}\.js|restack-mc[-_])/;

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Wait for the figures of a finished run in `root` (a page or a frame). */
async function waitForFigures(root, paths) {
  const want = `${paths.toLocaleString('en-US')} of ${paths.toLocaleString('en-US')} paths`;
  await root.waitForFunction((w) => {
    const bar = document.querySelector('[data-testid="mc-progress"]');
    const text = document.querySelector('[data-testid="mc-progress-text"]')?.textContent;
    return bar && text === w && document.querySelector('[data-testid="mc-p-loss"]');
  }, want, { timeout: 30000 });
}

/** The figures on screen, as the fixture lists them: id → [value, line under it]. */
async function shown(root) {
  return root.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('.mc-figures .metric')) {
      const value = el.querySelector('[data-testid]');
      out[value.dataset.testid] = [value.textContent, el.querySelector('.sub').textContent];
    }
    return out;
  });
}

async function assertFigures(root, c) {
  assert.deepEqual(await shown(root), c.figures);
  assert.equal(await root.locator('[data-testid="mc-basis"]').textContent(), c.basis);
  const causes = await root.locator('[data-testid="mc-causes"] li').allTextContents();
  assert.deepEqual(causes, c.causes);
  const bins = await root.locator('[data-testid="mc-histogram"] tbody td:nth-child(2)').allTextContents();
  assert.deepEqual(bins, c.bins.map((n) => n.toLocaleString('en-US')));
  assert.equal(await root.locator('[data-testid="mc-histogram"] svg[role="img"] rect.mc-bar').count(), c.bins.length);
  const text = await root.locator('body').textContent();
  assert.doesNotMatch(text, /NaN|Infinity/);
}

test('the first load fetches no simulation code; a run shows progress, then the native figures', async () => {
  const c = byName('default');
  const start = server.requests.length;
  const { page, context, problems } = await openPage(browser, `${server.url}/?${c.query}`);
  await waitForResults(page);
  await page.waitForTimeout(300);
  const first = server.requests.slice(start);
  assert.ok(first.some((r) => /restack_bg-/.test(r)), 'the app loaded');
  assert.deepEqual(first.filter((r) => MC_FILE.test(r)), [], 'no simulation code on first load');
  assert.equal(await byId(page, 'mc-progress').count(), 0);

  await byId(page, 'mc-run').click();
  await byId(page, 'mc-progress').waitFor();
  await waitForFigures(page, c.paths);
  const bar = byId(page, 'mc-progress');
  assert.equal(await bar.getAttribute('role'), 'progressbar');
  assert.equal(await bar.getAttribute('aria-valuenow'), String(c.paths));
  assert.equal(await bar.getAttribute('aria-valuemax'), String(c.paths));
  await assertFigures(page, c);
  const later = server.requests.slice(start);
  // The runner (imported by the page, then the worker's script), the engine's module and wasm.
  const files = new Set(later.filter((r) => MC_FILE.test(r)));
  assert.equal(files.size, 3, [...files].join(' '));
  // The run was timed from its request to its figures on screen.
  await page.waitForFunction(() => performance.getEntriesByName('restack:mc').length === 1);
  const ms = await page.evaluate(() => performance.getEntriesByName('restack:mc')[0].duration);
  assert.ok(ms > 0 && ms < 30000, `${ms} ms`);
  // A second run of the same link gives the same figures (the seed is in the link).
  await byId(page, 'mc-run').click();
  await page.waitForFunction(() => performance.getEntriesByName('restack:mc').length === 2);
  await assertFigures(page, c);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an edit during a run cancels it: its result never shows, the edited inputs re-run', async () => {
  const c = byName('default');
  const { page, context, problems } = await openPage(browser, `${server.url}/?${expected.long_query}`);
  await waitForResults(page);
  // Record every basis line the page ever shows.
  await page.evaluate(() => {
    window.__mcSeen = [];
    new MutationObserver(() => {
      const b = document.querySelector('[data-testid="mc-basis"]');
      if (b) window.__mcSeen.push(b.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await byId(page, 'mc-run').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="mc-progress"]')?.getAttribute('aria-valuenow')) > 0, null, { timeout: 30000 });
  await byId(page, 'field-mc.paths').fill(String(c.paths));
  assert.equal(await byId(page, 'mc-cancelled').count(), 1, 'says the run stopped');
  await waitForFigures(page, c.paths);
  await assertFigures(page, c);
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => window.__mcSeen);
  assert.ok(seen.length > 0 && seen.every((b) => b === c.basis), `only the edited run's figures: ${[...new Set(seen)]}`);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('restack:mc').length), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the simulation runs on the main thread when no Worker can be made', async () => {
  const c = byName('loop');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => { delete window.Worker; });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${server.url}/?${c.query}`);
  await waitForResults(page);
  assert.equal(await page.evaluate(() => typeof Worker), 'undefined');
  await byId(page, 'mc-run').click();
  await waitForFigures(page, c.paths);
  await assertFigures(page, c);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the simulation runs in a sandboxed cross-origin embed', async () => {
  const c = byName('loop');
  const blog = await startServer({
    routes: {
      '/post.html': () => ({
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><body>
          <iframe id="calc" src="${server.url}/?${c.query}&embed=1" sandbox="allow-scripts allow-popups" data-restack-embed style="width:700px;height:900px;border:0"></iframe>
          <script src="${server.url}/embed.js"></script></body></html>`,
      }),
    },
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The blog's own missing favicon is not the embed's problem.
  page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '') && problems.push(`${m.text()} ${m.location()?.url}`));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${blog.url}/post.html`);
  await page.waitForFunction(() => document.getElementById('calc').hasAttribute('data-restack-height'), null, { timeout: 20000 });
  const frame = page.frame({ url: /127\.0\.0\.1:\d+\/\?v=1/ });
  assert.ok(frame, 'embed frame');
  assert.equal(await frame.evaluate(() => origin), 'null', 'an opaque origin');
  await frame.locator('[data-testid="mc-run"]').click();
  await waitForFigures(frame, c.paths);
  await assertFigures(frame, c);
  // It ran in a worker started from a blob: URL (a script URL is cross-origin to the frame).
  assert.ok(workers.some((u) => u.startsWith('blob:')), `workers: ${workers}`);
  assert.deepEqual(problems, []);
  await context.close();
  await blog.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no serious or critical violations in a finished simulation (${scheme})`, async () => {
    const c = byName('loop');
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/?${c.query}`);
    await waitForResults(page);
    await byId(page, 'mc-run').click();
    await waitForFigures(page, c.paths);
    await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('[data-testid="mc"]'), { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
    await context.close();
  });
}
