// Entry and exit costs, break-even, today's prices and exit queue (issue 16, docs/METHODOLOGY.md
// §12). The page's cost figures must equal the native engine's (target/e2e/expected-costs.json,
// written by `cargo test --test ui_expect_costs`), follow edits of the cost fields, and survive
// every answer of the prices API (good, malformed, HTTP 500, slow) with the figures in use kept and
// a message. The real API addresses are intercepted with Playwright routes, so the page's CSP
// (connect-src) is exercised as in production. The page under test is dist/index.html with the
// live timeout shortened by its <meta> tag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, repo, dist, loadExpected } from './harness.mjs';

const expected = loadExpected('expected-costs');
const caseNamed = (name) => {
  const c = expected.cases.find((c) => c.name === name);
  assert.ok(c, `fixture case ${name} missing`);
  return c;
};
const COSTS = ['net-apy-after-costs', 'entry-cost', 'exit-cost', 'break-even-days'];
const TIMEOUT_MS = 800;
const testPage = readFileSync(join(dist, 'index.html'), 'utf8').replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">
  <meta name="restack-live-timeout-ms" content="${TIMEOUT_MS}">`,
);
const PRICES = 'https://coins.llama.fi/prices/current/**';
const QUEUE = 'https://beaconcha.in/api/v1/validators/queue';
const YIELDS = 'https://yields.llama.fi/pools';
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** A good prices answer, priced a minute ago: ETH at `eth`. */
function pricesAnswer(eth) {
  const t = Math.floor(Date.now() / 1000) - 60;
  const coin = (price, symbol) => ({ price, symbol, timestamp: t, confidence: 0.99 });
  return JSON.stringify({
    coins: {
      'coingecko:ethereum': coin(eth, 'ETH'),
      'coingecko:bitcoin': coin(90000, 'BTC'),
      'coingecko:solana': coin(140, 'SOL'),
      'coingecko:sui': coin(3.2, 'SUI'),
    },
  });
}
// 2,500,000 ETH exiting (in Gwei) and a million validators: 2.5M / 57,600 = 43.40 days of queue
// + 1.16 days to withdrawable + 4.34 days of sweep on average = 48.90, rounded to 48.9
// (METHODOLOGY §12, catalog::queue).
const QUEUE_GOOD = JSON.stringify({
  status: 'OK',
  data: { beaconchain_entering: 0, beaconchain_exiting: 78125, validatorscount: 1000000, beaconchain_exiting_balance: 2.5e15 },
});

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist({ '/t.html': () => ({ type: 'text/html; charset=utf-8', body: testPage }) });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Open `path` of the test page with the three refresh APIs answered by `answers`
 * ({prices, queue}: each {status?, body, delayMs?}), run `body(page, problems)`, close.
 */
async function withPage(path, answers, ignore, body) {
  const { page, context, problems } = await openPage(browser, server.url + path, { ignore });
  const answer = (a) => async (route) => {
    if (a.delayMs) await new Promise((ok) => setTimeout(ok, a.delayMs));
    try {
      await route.fulfill({ status: a.status ?? 200, headers: CORS, contentType: 'application/json', body: a.body });
    } catch { /* the page gave up on it (timeout): nothing to answer */ }
  };
  await context.route(PRICES, answer(answers.prices ?? { body: '{"coins":{}}' }));
  await context.route(QUEUE, answer(answers.queue ?? { body: '{"status":"OK","data":{}}' }));
  await context.route(YIELDS, answer({ body: '{"status":"success","data":[]}' }));
  try {
    await waitForResults(page);
    await body(page, problems);
  } finally {
    await context.close();
  }
}

/** The cost figures on the page (absent ones as null). */
async function costs(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? null])), COSTS);
}

/** Wait until the page shows case `c`'s cost figures, then compare them all. */
async function assertCosts(page, c) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() === want,
    ['entry-cost', c.costs['entry-cost']],
    { timeout: 5000 },
  ).catch(() => {});
  const { 'min-stake': minStake, 'exit-path': exitPath, ...figures } = c.costs;
  assert.deepEqual(await costs(page), figures, `cost figures of ${c.name}`);
  // The break-even stake and the exit path are the lines under the break-even day and the exit.
  const sub = async (id) => (await byId(page, id).locator('xpath=following-sibling::span').textContent()).trim();
  assert.equal(await sub('break-even-days'), minStake, `break-even stake of ${c.name}`);
  assert.equal(await sub('exit-cost'), exitPath, `exit path of ${c.name}`);
  const cells = await byId(page, 'layer-costs').allTextContents();
  assert.deepEqual(cells.map((t) => t.trim()), c.layer_costs, `per-layer costs of ${c.name}`);
  const text = await page.locator('main').innerText();
  assert.ok(!/NaN|Infinity|∞/.test(text), 'no NaN or infinity on the page');
}

/** Click refresh and wait until the prices and the exit queue have both answered. */
async function refresh(page) {
  await byId(page, 'refresh-live').click();
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="today-status"]')?.textContent ?? '';
    return /Prices/.test(t) && /Exit queue/.test(t) && !/Fetching/.test(t);
  }, null, { timeout: 10000 });
  return (await byId(page, 'today-status').textContent()).trim();
}

test('the default page shows the native cost figures, and an edit of a cost field updates them', async () => {
  await withPage('/t.html', {}, [], async (page, problems) => {
    await assertCosts(page, caseNamed('default'));
    for (const name of ['default-gas-20', 'default-yt-impact-3']) {
      const c = caseNamed(name);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await byId(page, c.edit.testid).fill(c.edit.text);
      await assertCosts(page, c);
      // Back to the default, for the next edit.
      await page.goto(server.url + '/t.html');
      await waitForResults(page);
    }
    assert.deepEqual(problems, []);
  });
});

for (const name of ['small-stake', 'tiny-stake']) {
  test(`a ${name} link shows its break-even as the native engine computes it`, async () => {
    const c = caseNamed(name);
    await withPage(`/t.html?${c.query}`, {}, [], async (page, problems) => {
      await assertCosts(page, c);
      assert.deepEqual(problems, []);
    });
  });
}

test('a link without cost keys shows no cost figures (old links unchanged)', async () => {
  const query = readFileSync(join(repo, 'tests', 'fixtures', 'links', 'v1_seed_restaking_stack.txt'), 'utf8').trim();
  assert.ok(!/gin:|gas=|swap:|imp:|tier:/.test(query), 'the link has no cost keys');
  await withPage(`/t.html?${query}`, {}, [], async (page, problems) => {
    assert.deepEqual(await costs(page), Object.fromEntries(COSTS.map((id) => [id, null])));
    const cells = await byId(page, 'layer-costs').allTextContents();
    assert.ok(cells.length > 0 && cells.every((t) => t.trim() === '—'), `no per-layer costs: ${cells}`);
    assert.equal(await byId(page, 'field-costs.gas_price').inputValue(), '0');
    assert.deepEqual(problems, []);
  });
});

test("today's prices move the untouched ETH price, with their source and time", async () => {
  await withPage('/t.html', { prices: { body: pricesAnswer(3100) } }, [], async (page, problems) => {
    const status = await refresh(page);
    assert.match(status, /ETH price \$3,000 → \$3,100 \(as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    assert.equal(await byId(page, 'field-stake.price_usd').inputValue(), '3100');
    assert.match(await page.locator('#stake-price_usd-hint').textContent(), /DefiLlama prices API/);
    await assertCosts(page, caseNamed('default-price-3100'));
    assert.deepEqual(problems, []);
  });
});

const BAD_PRICES = [
  ['malformed', { body: '{"coins":{"coingecko:ethereum":' }, [], /not valid JSON/],
  ['HTTP 500', { status: 500, body: 'boom' }, [/coins\.llama\.fi/], /HTTP 500/],
  ['slow', { body: pricesAnswer(3100), delayMs: TIMEOUT_MS + 1500 }, [/coins\.llama\.fi/], /no answer within 0\.8 s/],
];
for (const [name, answer, ignore, reason] of BAD_PRICES) {
  test(`a bad prices answer (${name}) keeps the prices in use and says why`, async () => {
    await withPage('/t.html', { prices: answer }, ignore, async (page, problems) => {
      const status = await refresh(page);
      assert.match(status, /Prices not refreshed: .*The figures in use stay/);
      assert.match(status, reason);
      assert.equal(await byId(page, 'field-stake.price_usd').inputValue(), '3000');
      await assertCosts(page, caseNamed('default'));
      assert.equal(await byId(page, 'refresh-live').isEnabled(), true, 'can try again');
      assert.deepEqual(problems, []);
    });
  });
}

test("the exit queue sets the native ETH stake's untouched exit days", async () => {
  await withPage('/t.html', { queue: { body: QUEUE_GOOD } }, [], async (page, problems) => {
    await byId(page, 'strategy').selectOption('eth-native');
    await page.waitForFunction(() => document.querySelector('[data-testid="field-layers[0].exit_days"]')?.value === '14');
    const status = await refresh(page);
    assert.match(status, /Ethereum validator exit 14 days → 48\.9 days/);
    await page.waitForFunction(() => document.querySelector('[data-testid="field-layers[0].exit_days"]')?.value === '48.9', null, { timeout: 5000 });
    assert.match(await page.locator('[id="layers-0--exit_days-hint"]').textContent(), /beaconcha\.in/);
    assert.deepEqual(problems, []);
  });
});
