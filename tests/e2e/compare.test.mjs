// The compare view (view=compare): every ready-made strategy beside the user's stack for the same
// stake, with the figures the native engine computes (target/e2e/expected.json), sortable by
// keyboard, each row opening its stack in the calculator, the scatter's data table equal to the
// rows, its link reproducing it in a fresh context, and none of its code fetched by the calculator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, byId, waitForResults, loadExpected } from './harness.mjs';

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

/** Rows as shown: id, name link text, cells after the name. */
async function rows(page) {
  await byId(page, 'compare-row').first().waitFor();
  return byId(page, 'compare-row').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.dataset.strategy,
    name: tr.querySelector('[data-testid="compare-open"]').textContent.trim(),
    cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim()),
  })));
}

test('every strategy for the same stake, with the native engine\'s figures', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?${expected.compare_query}`);
  await waitForResults(page);
  await byId(page, 'compare-view').waitFor();
  const shown = await rows(page);
  assert.equal(shown.length, expected.compare.length);
  for (const want of expected.compare) {
    const got = shown.find((r) => r.id === want.id);
    assert.ok(got, `row ${want.id}`);
    assert.equal(got.name, want.name);
    assert.deepEqual(got.cells, want.cells, `cells of ${want.id}`);
  }
  // The scatter's text alternative holds the same stacks and figures.
  const table = await page.locator('[data-testid="compare-scatter-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.children).map((c) => c.textContent.trim())));
  assert.equal(table.length, shown.length);
  for (const r of shown) {
    const t = table.find((row) => row[0] === r.name);
    assert.ok(t, `scatter row ${r.name}`);
    assert.equal(t[2], r.cells[1], `net APY of ${r.name} in the scatter`);
    assert.equal(t[1], r.cells[8], `expected loss of ${r.name} in the scatter`);
  }
  assert.ok(table.some((row) => row[3] === 'yes'), 'a frontier exists');
  assert.deepEqual(problems, []);
  await context.close();
});

test('sorting by a column, from the keyboard', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?${expected.compare_query}`);
  await waitForResults(page);
  await byId(page, 'compare-row').first().waitFor();
  const loss = (id) => expected.compare.find((c) => c.id === id).point[0];
  const header = page.locator('th', { has: page.getByRole('button', { name: 'Expected loss' }) });
  await page.getByRole('button', { name: 'Expected loss' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  let order = (await rows(page)).map((r) => loss(r.id));
  assert.deepEqual(order, [...order].sort((a, b) => b - a), 'largest expected loss first');
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  order = (await rows(page)).map((r) => loss(r.id));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'smallest expected loss first');
  await context.close();
});

test('a row opens its stack in the calculator; the link reproduces the view in a fresh context', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?${expected.compare_query}`);
  await waitForResults(page);
  await page.locator('[data-testid="compare-row"][data-strategy="eth-native"] [data-testid="compare-open"]').click();
  await waitForResults(page);
  assert.equal(await byId(page, 'strategy').inputValue(), 'eth-native');
  assert.ok(!page.url().includes('view=compare'));
  await context.close();

  const first = await openPage(browser, `${server.url}/?${expected.compare_query}`);
  await waitForResults(first.page);
  await first.page.locator('[data-testid="stake-amount"]').fill('10');
  await first.page.waitForFunction(() => location.search.includes('stake=10&'), null, { timeout: 5000 });
  const url = first.page.url();
  const before = await rows(first.page);
  await first.context.close();
  const fresh = await openPage(browser, url);
  await waitForResults(fresh.page);
  assert.ok(fresh.page.url().includes('view=compare'));
  assert.deepEqual(await rows(fresh.page), before);
  await fresh.context.close();
});

test('the calculator\'s first load fetches none of the compare view\'s code', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(server.url + '/');
  await waitForResults(page);
  assert.ok(urls.some((u) => /restack_bg-[0-9a-f]{10}\.wasm$/.test(u)), 'the calculator loaded');
  assert.ok(!urls.some((u) => u.includes('restack-views')), urls.join('\n'));
  await byId(page, 'open-compare').click();
  await byId(page, 'compare-view').waitFor();
  assert.ok(urls.some((u) => u.includes('restack-views')), 'following the link loads it');
  await context.close();
});
