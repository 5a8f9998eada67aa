// The security view (view=security): each preset network's margins, cascade and bound equal the
// native engine's (target/e2e/expected-security.json, written by tests/ui_expect_security.rs);
// editing an allocation updates the table and the drawing; the link round-trips; bad input keeps
// the last result; the user's exposure; the embed; axe; no NaN/Infinity; and the calculator's
// first load fetches none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, repo, artifacts, loadExpected } from './harness.mjs';

const expected = loadExpected('expected-security');
let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the view shows, in the fixture's shape. */
async function shown(page) {
  await byId(page, 'service-row').first().waitFor();
  const services = await byId(page, 'service-row').evaluateAll((trs) => trs.map((tr) => {
    const td = Array.from(tr.querySelectorAll('td')).map((c) => c.textContent.trim());
    return { name: tr.querySelector('th').textContent.trim(), securing: td[0], cost: td[1], profit: td[2], margin: td[3], status: td[4] };
  }));
  const text = async (id) => (await byId(page, id).textContent()).trim();
  const rows = await byId(page, 'cascade-step').evaluateAll((trs) => trs.map((tr) => {
    const c = Array.from(tr.children).map((x) => x.textContent.trim());
    return { step: c[0], falls: c[1], slashed: c[2], lost: c[3] };
  }));
  // The drawing: the services marked fallen, in step order.
  const fallen = await page.locator('[data-testid="cascade"] svg g.node.service.fallen').evaluateAll((gs) =>
    gs.map((g) => ({ name: g.dataset.name, step: Number(g.dataset.step) })).sort((a, b) => a.step - b.step).map((g) => g.name));
  const margins = await byId(page, 'service-margin').allTextContents();
  return {
    services, margins: margins.map((m) => m.trim()),
    network_margin: await text('network-margin'),
    sufficient: await text('sufficient-condition'),
    loss: await text('cascade-loss'),
    bound: await text('cascade-bound-text'),
    rows, fallen,
  };
}

function assertFigures(got, want, label) {
  assert.deepEqual(got.services, want.services.map(({ name, securing, cost, profit, margin, status }) => ({ name, securing, cost, profit, margin, status })), `services of ${label}`);
  assert.deepEqual(got.margins, want.services.map((s) => s.margin), `margins of ${label}`);
  assert.equal(got.network_margin, want.network_margin, `network γ of ${label}`);
  assert.equal(got.sufficient, want.sufficient, `sufficient condition of ${label}`);
  assert.equal(got.loss, want.cascade.loss, `cascade loss of ${label}`);
  assert.equal(got.bound, want.bound, `bound of ${label}`);
  assert.deepEqual(got.rows, want.cascade.rows, `cascade steps of ${label}`);
  assert.deepEqual(got.fallen, want.cascade.fallen, `fallen services drawn for ${label}`);
}

async function assertNoNonFinite(page) {
  const body = await page.evaluate(() => document.body.innerHTML);
  assert.ok(!/NaN|Infinity/.test(body), 'no NaN or Infinity in the DOM');
}

const preset = (id) => expected.presets.find((p) => p.id === id);

test('without network keys it opens the first preset, with the native engine\'s figures', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?view=security`);
  await waitForResults(page);
  await byId(page, 'security-view').waitFor();
  assert.equal(await byId(page, 'security-preset').inputValue(), expected.default_preset);
  const want = preset(expected.default_preset);
  assert.ok(want.services >= 2, 'at least two services');
  assertFigures(await shown(page), want.figures, want.id);
  assert.match(await byId(page, 'reuse-rule').textContent(), /Unique stake/);
  // Step by step: the shock alone marks no fallen service, every step marks them all again.
  await page.getByRole('button', { name: 'The shock' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cascade"] svg g.node.service.fallen').length === 0);
  assert.ok(await page.locator('[data-testid="cascade"] svg .shocked').count() > 0, 'the shock is marked');
  assert.equal(await page.getByRole('button', { name: 'The shock' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Every step' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cascade"] svg g.node.service.fallen').length === n, want.figures.cascade.fallen.length);
  assert.match(await byId(page, 'cascade-bound').textContent(), /bound/i);
  await assertNoNonFinite(page);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const p of expected.presets) {
  test(`preset ${p.id}: its link and the picker show the native figures`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/?${p.query}`);
    await waitForResults(page);
    assert.equal(await byId(page, 'security-preset').inputValue(), p.id);
    assertFigures(await shown(page), p.figures, p.id);
    await assertNoNonFinite(page);
    await context.close();
    // The same preset picked from the other one.
    const other = expected.presets.find((q) => q.id !== p.id);
    const second = await openPage(browser, `${server.url}/?${other.query}`);
    await waitForResults(second.page);
    await byId(second.page, 'security-preset').selectOption(p.id);
    await second.page.waitForFunction((n) => document.querySelectorAll('[data-testid="service-row"]').length === n, p.services);
    assertFigures(await shown(second.page), p.figures, `${p.id} (picked)`);
    assert.deepEqual([...problems, ...second.problems], []);
    await second.context.close();
  });
}

test('editing a magnitude updates the table and the drawing; the link round-trips', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?view=security`);
  await waitForResults(page);
  const want = expected.edit.figures;
  const before = await shown(page);
  await byId(page, `sec-field-${expected.edit.field}`).fill(expected.edit.text);
  await page.waitForFunction((m) => document.querySelector('[data-testid="network-margin"]').textContent.trim() === m, want.network_margin);
  const after = await shown(page);
  assertFigures(after, want, 'the edited network');
  assert.notDeepEqual(after.fallen, before.fallen, 'the drawing changed');
  assert.equal(await byId(page, 'security-preset').inputValue(), '', 'no longer a preset');
  await page.waitForFunction(() => location.search.includes('mag:0.5') && location.search.includes('view=security'), null, { timeout: 5000 });
  const url = page.url();
  await context.close();
  const fresh = await openPage(browser, url);
  await waitForResults(fresh.page);
  assertFigures(await shown(fresh.page), want, 'the edited network, reloaded');
  assert.equal(await byId(fresh.page, `sec-field-${expected.edit.field}`).inputValue(), expected.edit.text);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('bad input shows a message next to the field and keeps the last result', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?view=security`);
  await waitForResults(page);
  const want = preset(expected.default_preset).figures;
  const field = byId(page, 'sec-field-operators[0].stake');
  await field.fill('abc');
  const cell = page.locator('.sec-input', { has: field });
  await cell.locator('[data-testid="sec-field-error"]').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assertFigures(await shown(page), want, 'the last good result (parse error)');
  // A number the engine refuses: a threshold above 100 %.
  await field.fill('4158');
  const thr = byId(page, 'sec-field-services[0].thr');
  await thr.fill('150');
  const thrCell = page.locator('.sec-input', { has: thr });
  await thrCell.locator('[data-testid="sec-field-error"]').waitFor();
  assert.match(await thrCell.locator('[data-testid="sec-field-error"]').textContent(), /at most 100%/);
  await byId(page, 'security-error').waitFor();
  assertFigures(await shown(page), want, 'the last good result (engine error)');
  const search = new URL(page.url()).search;
  assert.ok(!search.includes('thr:1.5'), 'an invalid network never reaches the link');
  await assertNoNonFinite(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the stack in the link: its exposure to the network', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?${expected.exposure.query}`);
  await waitForResults(page);
  await byId(page, 'exposure-table').waitFor();
  assert.deepEqual((await byId(page, 'exposure-cascade').allTextContents()).map((t) => t.trim()), expected.exposure.cascade);
  // Back to the calculator with the same stack.
  const href = await byId(page, 'back-to-calculator').getAttribute('href');
  assert.ok(href.includes('l=') && !href.includes('view=security'), href);
  // Fed into the risk model on request: the AVS that falls in the cascade (AI compute AVS,
  // magnitude 20 %) is slashed of its whole allocation, severity 10 % → 20 %; EigenDA keeps 5 %.
  const fed = await byId(page, 'exposure-apply').getAttribute('href');
  assert.ok(fed.includes('avs:AI%20compute%20AVS(apr:0.006,mag:0.2,p:0.02,sev:0.2)'), fed);
  assert.ok(fed.includes('avs:EigenDA(apr:0.004,mag:0.3,p:0.01,sev:0.05)'), fed);
  await Promise.all([page.waitForURL((u) => !u.search.includes('view=security')), byId(page, 'exposure-apply').click()]);
  await waitForResults(page);
  assert.equal(await byId(page, 'field-layers[1].avs[1].severity').inputValue(), '20');
  assert.equal(await byId(page, 'field-layers[1].avs[0].severity').inputValue(), '5');
  assert.deepEqual(problems, []);
  await context.close();
});

test('golden security links open the view: the network of the link, its notices, no error', async () => {
  const golden = (name) => readFileSync(join(repo, 'tests', 'fixtures', 'links', `${name}.txt`), 'utf8').trim().replace(/^\?/, '');
  // The Babylon preset's network beside a Babylon stack.
  let opened = await openPage(browser, `${server.url}/?${golden('v1_security_babylon_scenario_and_network')}`);
  await waitForResults(opened.page);
  assert.equal(await byId(opened.page, 'security-preset').inputValue(), 'babylon-full');
  assertFigures(await shown(opened.page), preset('babylon-full').figures, 'the Babylon golden link');
  await byId(opened.page, 'exposure-table').waitFor();
  assert.deepEqual(opened.problems, []);
  await opened.context.close();
  // A hand-edited network: notices for what was dropped, and a working page.
  opened = await openPage(browser, `${server.url}/?${golden('v1_security_network_hand_edited')}`);
  await waitForResults(opened.page);
  await byId(opened.page, 'security-view').waitFor();
  await byId(opened.page, 'link-notices').waitFor();
  await byId(opened.page, 'service-row').first().waitFor();
  assert.equal(await byId(opened.page, 'service-row').count(), 2);
  await assertNoNonFinite(opened.page);
  assert.deepEqual(opened.problems, []);
  await opened.context.close();
});

test('switching the reuse rule redraws the network under the other rule', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?view=security`);
  await waitForResults(page);
  const before = await shown(page);
  await byId(page, 'security-reuse').selectOption('full');
  await page.waitForFunction(() => /Full reuse/.test(document.querySelector('[data-testid="reuse-rule"]').textContent));
  // Every allocation is now a tick (the whole stake), and the page has a result for it.
  await page.locator('input.alloc-check').first().waitFor();
  assert.equal(await page.locator('input.alloc-check:checked').count(), 10);
  const after = await shown(page);
  assert.notDeepEqual(after.services, before.services);
  await page.waitForFunction(() => location.search.includes('reuse=full'), null, { timeout: 5000 });
  await assertNoNonFinite(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed=1 renders the view compactly', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?view=security&embed=1`, { viewport: { width: 700, height: 900 } });
  await waitForResults(page);
  await byId(page, 'security-view').waitFor();
  assert.equal(await page.locator('.site-header').count(), 0, 'no site header');
  assert.ok(await byId(page, 'open-full').isVisible());
  assert.ok(!(await byId(page, 'open-full').getAttribute('href')).includes('embed=1'));
  assertFigures(await shown(page), preset(expected.default_preset).figures, 'the embed');
  await page.screenshot({ path: join(artifacts, 'security-embed.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the calculator\'s first load fetches none of the security view; its link opens it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(server.url + '/');
  await waitForResults(page);
  assert.ok(!urls.some((u) => u.includes('restack-views')), urls.join('\n'));
  await byId(page, 'open-security').click();
  await byId(page, 'security-view').waitFor();
  assert.ok(urls.some((u) => u.includes('restack-views')), 'following the link loads it');
  await byId(page, 'exposure-table').waitFor();
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations on the security view (${scheme})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/?${expected.exposure.query}`);
    await waitForResults(page);
    await byId(page, 'service-row').first().waitFor();
    await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    assert.deepEqual(result, [], JSON.stringify(result, null, 2));
    await context.close();
  });
}

for (const [w, h] of [[390, 844], [1280, 900]]) for (const scheme of ['light', 'dark']) {
  test(`screenshot ${w}x${h} ${scheme}`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/?${expected.exposure.query}`, { viewport: { width: w, height: h }, colorScheme: scheme });
    await waitForResults(page);
    await byId(page, 'service-row').first().waitFor();
    await page.screenshot({ path: join(artifacts, `security-${w}x${h}-${scheme}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
