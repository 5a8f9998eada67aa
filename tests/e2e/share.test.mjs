// Share links and embeds: the address bar reproduces the page exactly, golden v1 links open to
// their engine figures, malformed links degrade with a notice, copy-link works (and falls back),
// and the calculator embedded in a sandboxed iframe on another origin renders and resizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, openPage, byId, waitForResults, artifacts, loadExpected, headline } from './harness.mjs';
import { startServer } from './server.mjs';

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

/** Every input and select on the page, by data-testid (or id), with its current value. */
async function inputs(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main input, main select')).map((el) => [el.dataset.testid ?? el.id, el.type === 'checkbox' ? el.checked : el.value]));
}

async function waitForUrlToSettle(page) {
  let last = page.url();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    if (page.url() === last) return last;
    last = page.url();
  }
  return last;
}

test('the address bar reproduces the page in a fresh browser context', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  const loop = expected.cases.find((c) => c.name === 'loop');
  await byId(page, 'strategy').selectOption(loop.strategy);
  await byId(page, 'stake-amount').fill('12.5');
  const edited = expected.cases.find((c) => c.name === 'loop-edited');
  await byId(page, edited.edit.testid).fill(edited.edit.text);
  await page.waitForTimeout(400);
  const url = await waitForUrlToSettle(page);
  assert.match(url, /[?&]v=1(&|$)/);
  assert.match(url, /stake=12\.5/);
  const want = { inputs: await inputs(page), headline: await headline(page) };

  const fresh = await openPage(browser, url);
  await waitForResults(fresh.page);
  assert.deepEqual(await inputs(fresh.page), want.inputs);
  assert.deepEqual(await headline(fresh.page), want.headline);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
  await context.close();
});

test('golden v1 links open to their expected figures', async () => {
  assert.ok(expected.golden.length >= 6, 'golden links are present');
  for (const g of expected.golden) {
    const { page, context, problems } = await openPage(browser, `${server.url}/?${g.query}`);
    await waitForResults(page);
    assert.deepEqual(await headline(page), g.headline, `figures of ${g.name}`);
    assert.equal(await byId(page, 'layer-row').count(), g.layers);
    assert.deepEqual(problems, [], g.name);
    await context.close();
  }
});

test('malformed links show a notice, log no error and inject nothing', async () => {
  const cases = [
    ['truncated', 'v=1&asset=ETH&stake=32&price=3000&days=365&l=stake.ethereum.ETH(apr:0.03'],
    ['wrong types', 'v=1&asset=DOGE&stake=lots&price=-&days=%F0%9F%92%A5'],
    ['unknown keys', 'v=1&asset=ETH&stake=1&zzz=1&utm_source=x'],
    ['huge', 'v=1&stake=1&' + 'x'.repeat(20000)],
    ['script in a label', 'v=1&asset=ETH&stake=1&price=3000&days=365&l=stake.ethereum.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E(apr:0.03)&l=restake.eigencloud.%3Cscript%3Ealert(1)%3C%2Fscript%3E(avs:%3Cscript%3Ealert(2)%3C%2Fscript%3E)'],
  ];
  for (const [name, query] of cases) {
    const { page, context, problems } = await openPage(browser, `${server.url}/?${query}`);
    page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });
    await waitForResults(page);
    await byId(page, 'link-notices').waitFor({ state: 'visible' });
    assert.ok((await byId(page, 'link-notices').textContent()).length > 10, name);
    const injected = await page.evaluate(() => ({
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      imgs: document.querySelectorAll('main img').length,
      handlers: Array.from(document.querySelectorAll('main *')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(injected, { inlineScripts: 0, imgs: 0, handlers: 0 }, name);
    assert.doesNotMatch(await page.locator('body').textContent(), /NaN|Infinity|undefined/, name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

test('copy link confirms, and falls back to a selectable field when the clipboard is denied', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await waitForResults(page);
  await byId(page, 'copy-link').click();
  await byId(page, 'copy-status').waitFor({ state: 'visible' });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\?v=1&/);
  assert.ok(copied.startsWith(server.url + '/'));
  await context.close();

  const denied = await browser.newContext();
  await denied.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
    });
  });
  const p2 = await denied.newPage();
  await p2.goto(server.url + '/');
  await waitForResults(p2);
  await byId(p2, 'copy-link').click();
  await byId(p2, 'copy-fallback').waitFor({ state: 'visible' });
  assert.match(await byId(p2, 'copy-fallback').locator('input').inputValue(), /\?v=1&/);
  await denied.close();
});

test('the embed snippet is an iframe of the same scenario with embed=1', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await waitForResults(page);
  await byId(page, 'embed-button').click();
  const snippet = await byId(page, 'embed-snippet').inputValue();
  assert.match(snippet, /^<iframe src="[^"]+embed=1[^"]*" title="[^"]+" loading="lazy"/);
  assert.match(snippet, /<script src="[^"]+\/embed\.js" async><\/script>/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embedded in a sandboxed iframe on another origin: renders, resizes, ignores bad messages', async () => {
  const query = expected.cases.find((c) => c.name === 'default').query;
  const src = `${server.url}/?${query}&embed=1&theme=dark`;
  const blog = await startServer({
    routes: {
      '/post.html': () => ({
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><title>A blog post</title><link rel="icon" href="data:,"></head><body>
          <h1>My restaking post</h1>
          <iframe id="calc" src="${src}" title="Restack calculator" loading="lazy" width="100%" height="200"
            sandbox="allow-scripts allow-popups" data-restack-embed></iframe>
          <iframe id="other" src="${server.url}/favicon.svg" title="other"></iframe>
          <script src="${server.url}/embed.js"></script>
        </body></html>`,
      }),
    },
  });
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${m.text()} (${m.location()?.url})`); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${blog.url}/post.html`);
  const frameEl = page.locator('#calc');
  await page.waitForFunction(() => document.getElementById('calc').hasAttribute('data-restack-height'), null, { timeout: 20000 });
  const frame = page.frame({ url: /embed=1/ });
  assert.ok(frame, 'embed frame found');
  await frame.locator('[data-testid="net-apy"]').waitFor();
  assert.equal((await frame.locator('[data-testid="net-apy"]').textContent()).trim(), expected.cases.find((c) => c.name === 'default').headline['net-apy']);
  assert.ok(await frame.locator('[data-testid="layer-row"]').count() > 0);
  assert.ok(await frame.locator('[data-testid="chart-waterfall"]').count() > 0);
  const open = await frame.locator('[data-testid="open-full"]').getAttribute('href');
  assert.match(open, /v=1&/);
  assert.doesNotMatch(open, /embed=1/);
  const reported = Number(await frameEl.getAttribute('data-restack-height'));
  assert.ok(reported > 200, `reported height ${reported}`);
  // The content box (clientHeight) holds the reported height; the iframe's own border adds to the box.
  const inner = await frameEl.evaluate((el) => el.clientHeight);
  assert.ok(Math.abs(inner - Math.max(160, reported)) <= 1, `iframe resized to ${inner}, reported ${reported}`);
  await page.screenshot({ path: join(artifacts, 'embed-blog-post.png'), fullPage: true });

  // Wrong shapes from the embed frame, and the right shape from the wrong source, are ignored.
  const heightNow = async () => (await frameEl.boundingBox()).height;
  const h0 = await heightNow();
  await frame.evaluate(() => {
    parent.postMessage({ type: 'restack:height', height: '9999' }, '*');
    parent.postMessage({ type: 'other', height: 999 }, '*');
    parent.postMessage('restack:height 999', '*');
    parent.postMessage({ type: 'restack:height', height: Infinity }, '*');
  });
  await page.evaluate(() => window.postMessage({ type: 'restack:height', height: 333 }, '*'));
  const other = page.frame({ url: /favicon\.svg/ });
  await other.evaluate(() => parent.postMessage({ type: 'restack:height', height: 444 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await heightNow(), h0);
  // ...while a well-formed message from the embed frame is honoured.
  await frame.evaluate(() => parent.postMessage({ type: 'restack:height', height: 1234 }, '*'));
  await page.waitForFunction(() => document.getElementById('calc').clientHeight === 1234);
  assert.deepEqual(problems, []);
  await context.close();
  await blog.close();
});
