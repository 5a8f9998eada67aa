// Runtime data file and live refresh (issue 4): the site's data file and the live yields API are
// answered by routes of the local test server with fixtures: good, stale, malformed, wrong schema,
// invalid, huge, HTTP 500, and slow beyond the timeout. Each case must end with the app working,
// a clear notice where something was not used, and no NaN on screen. The page under test is
// dist/index.html with <meta> tags pointing the live URL at the local server and shortening the
// timeouts (the mechanism site owners use to configure them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, repo, dist, loadExpected } from './harness.mjs';

const expected = loadExpected();
const fixture = (name) => readFileSync(join(repo, 'tests', 'fixtures', 'catalog', name), 'utf8');
const variant = (name) => readFileSync(join(repo, 'target', 'e2e', 'data', `${name}.json`), 'utf8');
const shipped = readFileSync(join(dist, 'data', 'protocols.json'), 'utf8');
const defaultNet = expected.cases.find((c) => c.name === 'default').headline['net-apy'];

const TIMEOUT_MS = 800;
const testPage = readFileSync(join(dist, 'index.html'), 'utf8').replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">
  <meta name="restack-live-url" content="live/pools">
  <meta name="restack-prices-url" content="live/prices">
  <meta name="restack-queue-url" content="live/queue">
  <meta name="restack-data-timeout-ms" content="${TIMEOUT_MS}">
  <meta name="restack-live-timeout-ms" content="${TIMEOUT_MS}">`,
);
const DATA = '/data/protocols.json';
const LIVE = '/live/pools';
const json = (body, extra = {}) => () => ({ body, ...extra });

let browser, server;
before(async () => {
  assert.ok(testPage.includes('restack-live-url'), 'test page has the config meta tags');
  browser = await launch();
  server = await serveDist({
    '/t.html': () => ({ type: 'text/html; charset=utf-8', body: testPage }),
    // The refresh also asks for today's prices and exit queue (tests/e2e/costs.test.mjs tests
    // them): here they answer with nothing to apply, so only the yields change.
    '/live/prices': () => ({ body: '{"coins":{}}' }),
    '/live/queue': () => ({ body: '{"status":"OK","data":{}}' }),
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Open the test page with the data file answered by `dataRoute` (undefined: the shipped file),
 * run `body(page, problems)`, and close the context whatever happens.
 */
async function withPage(dataRoute, ignore, body) {
  if (dataRoute) server.routes[DATA] = dataRoute;
  else delete server.routes[DATA];
  const { page, context, problems } = await openPage(browser, server.url + '/t.html', { ignore });
  try {
    await waitForResults(page);
    await body(page, problems);
  } finally {
    await context.close();
  }
}

/** Wait for the data file's outcome to be on screen (the source line stops saying "Loading"). */
async function settled(page) {
  await page.waitForFunction(
    () => !/Loading/.test(document.querySelector('[data-testid="data-source"]')?.textContent ?? 'Loading'),
    null,
    { timeout: 10000 },
  );
  return (await byId(page, 'data-source').textContent()).trim();
}

async function assertHealthy(page, problems) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /NaN|Infinity|undefined/, 'no NaN, Infinity or undefined on screen');
  assert.equal(await page.locator('[data-testid="fatal-error"]:visible').count(), 0, 'no fatal panel');
  assert.ok((await byId(page, 'net-apy').textContent()).trim().length > 0, 'results on screen');
  assert.deepEqual(problems, []);
}

async function notice(page) {
  return (await byId(page, 'data-notice').textContent()).trim();
}

test('the shipped data file is used and named with its date', async () => {
  await withPage(undefined, [], async (page, problems) => {
  assert.match(await settled(page), /site's data file \(as of 2026-01\)/);
  assert.equal(await byId(page, 'data-notice').count(), 0);
  assert.equal((await byId(page, 'net-apy').textContent()).trim(), defaultNet);
  assert.match(await page.locator('.site-footer').innerText(), /Data as of 2026-01 \(data file\)/);
  assert.ok(server.requests.some((r) => r.startsWith(DATA)), 'the data file was requested');
  await assertHealthy(page, problems);
  });
});

test('a stale data file is used, its older date shown, and the presets move to its figures', async () => {
  await withPage(json(variant('stale')), [], async (page, problems) => {
  assert.match(await settled(page), /site's data file \(as of 2025-06\)/);
  assert.match(await page.locator('.site-footer').innerText(), /Data as of 2025-06/);
  // The stale file's eETH staking APR (3.4%) replaces the snapshot's in the untouched default.
  await page.waitForFunction(() => document.querySelector('[data-testid="field-layers[0].base_apr"]')?.value === '3.4', null, { timeout: 5000 });
  assert.notEqual((await byId(page, 'net-apy').textContent()).trim(), defaultNet, 'figures recomputed');
  assert.match(await byId(page, 'stale-since').textContent(), /stale since 2025-06/);
  await assertHealthy(page, problems);
  });
});

const BAD_FILES = [
  ['truncated', () => json(shipped.slice(0, 200)), [], /not valid JSON/],
  ['not JSON', () => json('<html>oops</html>', { type: 'text/html' }), [], /not valid JSON/],
  ['wrong schema', () => json(JSON.stringify({ ...JSON.parse(shipped), schema_version: 99 })), [], /schema/i],
  ['invalid figure', () => json(variant('ltv-above-threshold')), [], /ltv|threshold/i],
  ['huge', () => json(' '.repeat(1100 * 1024) + shipped), [], /bytes, more than the 1048576-byte limit/],
  ['HTTP 500', () => json('boom', { status: 500 }), [/data\/protocols\.json/], /HTTP 500/],
  ['slow beyond the timeout', () => json(shipped, { delayMs: TIMEOUT_MS + 2500 }), [/data\/protocols\.json/], /no answer within 0\.8 s/],
];

for (const [name, route, ignore, reason] of BAD_FILES) {
  test(`a bad data file (${name}) leaves the shipped figures in use with a notice`, async () => {
    await withPage(route(), ignore, async (page, problems) => {
    assert.match(await settled(page), /Figures shipped with Restack \(as of 2026-01\)/);
    const why = await notice(page);
    assert.match(why, /was not used/);
    assert.match(why, reason);
    assert.equal((await byId(page, 'net-apy').textContent()).trim(), defaultNet, 'shipped figures');
    // Still a working calculator: editing the stake recomputes.
    await byId(page, 'stake-amount').fill('10');
    await page.waitForFunction((n) => document.querySelector('[data-testid="net-apy"]')?.textContent.trim() !== '' && document.querySelector('[data-testid="projected-value"]')?.textContent.includes('$'), null);
    await assertHealthy(page, problems);
    });
  });
}

test('with neither the site\'s file nor the shipped copy, links still compute and the page says so', async () => {
  server.routes[DATA] = json('boom', { status: 500 });
  server.routes['/data/defaults.json'] = json('boom', { status: 500 });
  try {
    const c = expected.cases.find((x) => x.name === 'loop');
    const { page, context, problems } = await openPage(browser, `${server.url}/?${c.query}`, { ignore: [/data\/(protocols|defaults)\.json/] });
    await waitForResults(page);
    assert.match(await settled(page), /No figures available/);
    assert.match(await notice(page), /HTTP 500/);
    assert.equal((await byId(page, 'net-apy').textContent()).trim(), c.headline['net-apy'], 'the link still computes');
    await assertHealthy(page, problems);
    await context.close();
  } finally {
    delete server.routes[DATA];
    delete server.routes['/data/defaults.json'];
  }
});

/** Click "refresh" and wait for the live status to leave "Fetching". */
async function refresh(page) {
  await byId(page, 'refresh-live').click();
  await page.waitForFunction(
    () => !/Fetching/.test(document.querySelector('[data-testid="live-status"]')?.textContent ?? 'Fetching'),
    null,
    { timeout: 10000 },
  );
  return (await byId(page, 'live-status').textContent()).trim();
}

test('live refresh applies the matching yields, lists what changed and what was skipped', async () => {
  server.routes[LIVE] = json(fixture('live-good.json'));
  await withPage(undefined, [], async (page, problems) => {
  await settled(page);
  const before = (await byId(page, 'stale-since').textContent()).trim();
  assert.match(before, /stale since 2026-01/);
  const status = await refresh(page);
  assert.match(status, /Updated \d+ preset\(s\) from live yields/);
  const updated = await byId(page, 'live-updated').locator('li').allTextContents();
  // DefiLlama reports APY; the preset holds an APR: 7.12% APY is 6.88% APR (daily compounding).
  assert.ok(updated.some((u) => /JitoSOL staking APR 5\.77% → 6\.88%/.test(u)), `Jito updated: ${updated}`);
  const skipped = await byId(page, 'live-skipped').locator('li').allTextContents();
  assert.ok(skipped.length > 0, 'the out-of-range Lido and string-typed Haedal answers are listed as skipped');
  assert.match(await byId(page, 'stale-since').textContent(), /stale since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  assert.match(await page.locator('.site-footer').innerText(), /live yields applied/);
  await assertHealthy(page, problems);
  });
});

const BAD_LIVE = [
  ['malformed', json('{"status":"success","data":[{"pool":'), [], /not valid JSON/],
  ['wrong shape', json('{"status":"success","data":{"pools":[]}}'), [], /not in the expected format/],
  ['HTTP 500', json('boom', { status: 500 }), [/live\/pools/], /HTTP 500/],
  ['slow', json(fixture('live-good.json'), { delayMs: TIMEOUT_MS + 2500 }), [/live\/pools/], /no answer within 0\.8 s/],
];

for (const [name, route, ignore, reason] of BAD_LIVE) {
  test(`a bad live answer (${name}) changes nothing and says why`, async () => {
    server.routes[LIVE] = route;
    await withPage(undefined, ignore, async (page, problems) => {
    await settled(page);
    const net = (await byId(page, 'net-apy').textContent()).trim();
    const status = await refresh(page);
    assert.match(status, /Live refresh failed: .*Nothing was changed/);
    assert.match(status, reason);
    assert.equal((await byId(page, 'net-apy').textContent()).trim(), net, 'figures unchanged');
    assert.match(await byId(page, 'stale-since').textContent(), /stale since 2026-01/);
    assert.equal(await byId(page, 'refresh-live').isEnabled(), true, 'can try again');
    await assertHealthy(page, problems);
    });
  });
}
