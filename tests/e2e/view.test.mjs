// View options and the states around the results: a bare `embed` posts its height, a rejected
// theme is never written back, the strategy hint goes once the stack is edited, an embed takes the
// reader's stake, a link the engine rejects names its field in words and opens the section that
// holds it, and the methodology is one click away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, byId, waitForResults, loadExpected } from './harness.mjs';
import { startServer } from './server.mjs';

const expected = loadExpected();
const defaultCase = expected.cases.find((c) => c.name === 'default');

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function settledUrl(page) {
  await page.waitForTimeout(400); // the app debounces URL updates by 250 ms
  let last = page.url();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    if (page.url() === last) return last;
    last = page.url();
  }
  return last;
}

for (const flag of ['embed', 'embed=true', 'embed=1']) {
  test(`a link with ${flag} gets the embed layout and posts its height`, async () => {
    const blog = await startServer({
      routes: {
        '/post.html': () => ({
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><html><body>
            <iframe id="calc" src="${server.url}/?${defaultCase.query}&${flag}" sandbox="allow-scripts allow-popups" data-restack-embed style="width:700px;height:200px;border:0"></iframe>
            <script src="${server.url}/embed.js"></script></body></html>`,
        }),
      },
    });
    const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${blog.url}/post.html`);
    await page.waitForFunction(() => document.getElementById('calc').hasAttribute('data-restack-height'), null, { timeout: 20000 });
    const frame = page.frame({ url: /127\.0\.0\.1:\d+\/\?v=1/ });
    assert.ok(frame, 'embed frame');
    assert.equal(await frame.locator('body.embed').count(), 1, 'embed layout');
    await context.close();
    await blog.close();
  });
}

test('a rejected theme is reported once and never written back into the link', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?${defaultCase.query}&theme=bogus`);
  await waitForResults(page);
  assert.match(await byId(page, 'link-notices').textContent(), /theme/);
  await byId(page, 'stake-amount').fill('10');
  const url = await settledUrl(page);
  assert.match(url, /stake=10/);
  assert.doesNotMatch(url, /theme/);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), null);
  // A valid theme is kept, in any case it was typed.
  const dark = await openPage(browser, `${server.url}/?${defaultCase.query}&theme=DARK`);
  await waitForResults(dark.page);
  assert.equal(await dark.page.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
  await byId(dark.page, 'stake-amount').fill('11');
  assert.match(await settledUrl(dark.page), /theme=dark/);
  assert.deepEqual([...problems, ...dark.problems], []);
  await dark.context.close();
  await context.close();
});

test('the strategy hint leaves the link once the stack is edited by hand, and comes back with it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/`);
  await waitForResults(page);
  await byId(page, 'stake-amount').fill('20');
  assert.match(await settledUrl(page), /strategy=eth-etherfi-yt/, 'the stake is not the stack');
  const field = byId(page, 'field-layers[0].base_apr');
  const before = await field.inputValue();
  await field.fill('3.3');
  const edited = await settledUrl(page);
  assert.doesNotMatch(edited, /strategy=/);
  assert.equal(await byId(page, 'strategy').inputValue(), '');
  await field.fill(before);
  assert.match(await settledUrl(page), /strategy=eth-etherfi-yt/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed takes the reader\'s stake and horizon, without adding history entries', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/?${defaultCase.query}&embed=1`, { viewport: { width: 700, height: 900 } });
  await waitForResults(page);
  const history = await page.evaluate(() => history.length);
  await byId(page, 'stake-amount').fill('10');
  const ten = expected.cases.find((c) => c.name === 'default-amount-10');
  await page.waitForFunction((want) => document.querySelector('[data-testid="projected-value"]')?.textContent.trim() === want, ten.headline['projected-value'], { timeout: 5000 });
  assert.ok(await byId(page, 'field-horizon_days').count() === 1, 'the horizon is editable');
  await settledUrl(page);
  assert.equal(await page.evaluate(() => history.length), history);
  // The per-layer table fits the frame: no sideways scrolling at 700 px.
  const overflow = await byId(page, 'layer-table').evaluate((t) => t.scrollWidth - t.parentElement.clientWidth);
  assert.ok(overflow <= 1, `table overflows by ${overflow}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link the engine rejects says so in words, opens the section holding the field and focuses it', async () => {
  // A negative exploit probability sits inside a collapsed "Risk assumptions" section.
  const bad = defaultCase.query.replace('pex:0.01', 'pex:-0.5');
  assert.notEqual(bad, defaultCase.query);
  const { page, context, problems } = await openPage(browser, `${server.url}/?${bad}`);
  const note = byId(page, 'stale');
  await note.waitFor();
  assert.match(await note.textContent(), /No result yet/);
  assert.match(await note.textContent(), /Exploit probability, layer 1 \(eETH\): Enter at least 0%/);
  assert.equal(await byId(page, 'layer-row').count(), 0, 'no stale table to show');
  const input = byId(page, 'field-layers[0].p_exploit');
  assert.ok(await input.isVisible(), 'its section is open');
  await byId(page, 'go-to-field').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'field-layers[0].p_exploit');
  await input.fill('1');
  await waitForResults(page);
  assert.equal(await note.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();

  const price = await openPage(browser, `${server.url}/?v=1&asset=ETH&stake=32&price=-1&days=365&l=stake.lido.stETH(apr:0.03)`);
  await byId(price.page, 'stale').waitFor();
  assert.match(await byId(price.page, 'stale').textContent(), /No result yet\. Price: Enter a value above \$0/);
  await price.context.close();
});

test('the maturity of the YT and the methodology are stated next to the figures', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}/`);
  await waitForResults(page);
  assert.match(await byId(page, 'maturity-note').textContent(), /YT-weETH matures on day 180/);
  const href = await byId(page, 'methodology-link').getAttribute('href');
  const doc = await openPage(browser, new URL(href, page.url()).href);
  assert.match(await doc.page.locator('h1').first().textContent(), /How Restack calculates/);
  assert.ok(await doc.page.locator('h2', { hasText: '§9 Worked examples' }).count() === 1);
  assert.deepEqual([...problems, ...doc.problems], []);
  await doc.context.close();
  await context.close();
});
