// Calculator UI: what the browser shows equals what the native engine computes for the same
// scenario (target/e2e/expected.json, written by `cargo test --test ui_expectations`), inputs
// recompute as the user types, invalid input is reported next to its field and keeps the last
// good result, screenshots on phone and desktop in light and dark, and an axe-core scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, repo, artifacts, loadExpected, headline } from './harness.mjs';

const expected = loadExpected();

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const caseNamed = (name) => {
  const c = expected.cases.find((c) => c.name === name);
  assert.ok(c, `fixture case ${name} missing`);
  return c;
};

async function layerRows(page) {
  return byId(page, 'layer-row').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('td')).slice(0, 6).map((td) => (td.firstChild?.textContent ?? '').trim())));
}

/** Assert the page shows exactly the fixture case's figures. */
async function assertShows(page, c) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() === want,
    ['projected-value', c.headline['projected-value']],
    { timeout: 5000 },
  ).catch(() => {});
  assert.deepEqual(await headline(page), c.headline, `headline of ${c.name}`);
  assert.deepEqual(await layerRows(page), c.layer_cells, `layer table of ${c.name}`);
}

async function typeInto(page, testid, text) {
  const input = byId(page, testid);
  await input.fill(text);
}

test('the default page shows the engine figures for the default strategy', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  await assertShows(page, caseNamed('default'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('crises that happened are replayed on the stack as the native engine does', async () => {
  const { page, context } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  for (const name of ['default', 'loop']) {
    const c = caseNamed(name);
    if (name !== 'default') {
      await page.goto(`${server.url}/?${c.query}`);
      await waitForResults(page);
    }
    await byId(page, 'historical-stress').first().waitFor();
    const rows = await byId(page, 'historical-stress').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent.trim())));
    assert.ok(c.crises.length >= 5, 'the shipped catalog has its crises');
    assert.deepEqual(rows, c.crises, `crises of ${name}`);
  }
  await context.close();
});

const CHARTS = ['chart-waterfall', 'chart-risk', 'chart-margin', 'chart-projection'];

/** Each chart: an SVG with an accessible name, a text-alternative table, finite coordinates. */
async function chartState(page) {
  return page.evaluate((ids) => ids.map((id) => {
    const fig = document.querySelector(`[data-testid="${id}"]`);
    const svg = fig?.querySelector('svg[role="img"]');
    return {
      id,
      label: svg?.getAttribute('aria-label') ?? '',
      shapes: svg ? svg.querySelectorAll('rect, path, circle').length : 0,
      tableRows: fig ? fig.querySelectorAll('table tbody tr').length : 0,
      bad: svg ? /NaN|Infinity|undefined/.test(svg.outerHTML) : true,
    };
  }), CHARTS);
}

test('the four charts draw the report, name it in text, and follow the strategy', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  const c = caseNamed('default');
  const first = await chartState(page);
  for (const ch of first) {
    assert.ok(ch.shapes > 0, `${ch.id} draws shapes`);
    assert.ok(ch.tableRows > 0, `${ch.id} has a text alternative`);
    assert.ok(ch.label.length > 10, `${ch.id} has an accessible name`);
    assert.equal(ch.bad, false, `${ch.id} has only finite coordinates`);
  }
  // The waterfall's name carries the same net APY as the headline, and one bar per layer + net.
  assert.ok(first[0].label.includes(`net ${c.headline['net-apy']}`), first[0].label);
  const bars = await page.locator('[data-testid="chart-waterfall"] rect').count();
  assert.equal(bars, c.layer_cells.length + 1);
  const loop = caseNamed('loop');
  await byId(page, 'strategy').selectOption(loop.strategy);
  await assertShows(page, loop);
  const second = await chartState(page);
  assert.notDeepEqual(second.map((x) => x.label), first.map((x) => x.label), 'charts follow the strategy');
  assert.equal(await page.locator('[data-testid="chart-waterfall"] rect').count(), loop.layer_cells.length + 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing the stake, the strategy and a layer parameter recomputes to the engine figures', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);

  const before = await headline(page);
  await typeInto(page, 'stake-amount', '10');
  const amountCase = caseNamed('default-amount-10');
  await assertShows(page, amountCase);
  assert.notEqual(before['projected-value'], amountCase.headline['projected-value']);

  const loop = caseNamed('loop');
  await byId(page, 'strategy').selectOption(loop.strategy);
  await assertShows(page, loop);
  assert.equal(await byId(page, 'layer-row').count(), loop.layer_cells.length);

  const edited = caseNamed('loop-edited');
  await typeInto(page, edited.edit.testid, edited.edit.text);
  await assertShows(page, edited);
  assert.notDeepEqual(edited.headline, loop.headline);

  for (const c of expected.cases.filter((c) => c.name.startsWith('strategy-'))) {
    await byId(page, 'strategy').selectOption(c.strategy);
    await assertShows(page, c);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('invalid values show a message next to the field and keep the last good result', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  const good = await headline(page);
  for (const bad of expected.invalid) {
    await typeInto(page, bad.testid, bad.text);
    const field = byId(page, bad.testid);
    const error = page.locator(`.field:has([data-testid="${bad.testid}"]) [data-testid="field-error"]`);
    await error.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await error.textContent(), new RegExp(bad.message), `message for ${bad.testid}=${bad.text}`);
    assert.doesNotMatch(await error.textContent(), /\w\.\w+(\[\d+\])?:|\d{13,}/, 'beside a field: words, not paths or raw floats');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await byId(page, 'stale').waitFor({ state: 'visible' });
    assert.deepEqual(await headline(page), good, `last good result kept after ${bad.testid}=${bad.text}`);
    const body = await page.locator('body').textContent();
    assert.doesNotMatch(body, /NaN|Infinity|undefined/);
    // Restore: the message goes away and results are live again.
    await typeInto(page, bad.testid, bad.restore);
    await byId(page, 'stale').waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await byId(page, 'field-error').count(), 0);
  }
  assert.deepEqual(await headline(page), good);
  assert.deepEqual(problems, []);
  await context.close();
});

test('adding, reordering and removing layers keeps the page working', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  const n = await byId(page, 'layer-row').count();
  await byId(page, 'add-layer').selectOption('loop');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="layer-row"]').length === n + 1, n);
  assert.equal(await byId(page, 'layer-card').count(), n + 1);
  await byId(page, 'layer-card').last().getByRole('button', { name: /Remove layer/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="layer-row"]').length === n, n);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [w, h] of [[390, 844], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot ${w}x${h} ${scheme}`, async () => {
      const { page, context, problems } = await openPage(browser, server.url + '/', { viewport: { width: w, height: h }, colorScheme: scheme });
      await waitForResults(page);
      await page.screenshot({ path: join(artifacts, `calculator-${w}x${h}-${scheme}.png`), fullPage: true });
      // Nothing overflows the viewport horizontally on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the viewport`);
      // On a phone a sticky bar keeps the headline in view while editing the stack; not on desktop.
      const bar = page.locator('.summary-bar');
      if (w < 960) {
        assert.ok(await bar.isVisible(), 'summary bar visible on a phone');
        assert.ok((await bar.textContent()).includes((await byId(page, 'net-apy').textContent()).trim()));
      } else {
        assert.equal(await bar.isVisible(), false, 'no summary bar on desktop');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

for (const [view, path] of [['calculator', '/'], ['compare view', `/?${expected.compare_query}`]]) for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no serious or critical violations (${view}, ${scheme})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await waitForResults(page);
    // Open the collapsed sections so their controls are scanned too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
    await context.close();
  });
}
