// Foundation smoke tests: the built dist/ loads cleanly, the shell renders, and failures show the
// error panel instead of a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage, byId, waitForResults } from './harness.mjs';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the page loads with no console error and no failed request, and the shell renders', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/');
  await page.locator('header h1').waitFor();
  assert.equal(await page.locator('header h1').textContent(), 'Restack');
  assert.match(await page.locator('footer').textContent(), /as of/i);
  assert.equal(await byId(page, 'fatal-error').isVisible(), false);
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a panic shows the error panel', async () => {
  // The shipped page has no panic trigger (a link must never be able to kill an embed). The test
  // page makes the DOM refuse to create elements, so the renderer's own unwrap panics inside the
  // wasm: the real panic path, hook and panel, without a test hook in the build.
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Document.prototype.createElement = function refuse() { throw new Error('injected by the test page'); };
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(server.url + '/');
  await byId(page, 'fatal-error').waitFor({ state: 'visible' });
  assert.match(await byId(page, 'fatal-error').textContent(), /stopped working/);
  assert.match(await page.locator('#fatal-detail').textContent(), /Internal error: [\s\S]*injected by the test page/);
  // The panic is logged to the console by design; nothing else may fail.
  assert.ok(problems.every((p) => /panic|unreachable|RuntimeError|injected/i.test(p)), problems.join('\n'));
  await context.close();
});

test('a link cannot crash the page: the old __panic trigger is gone', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '/?__panic=1');
  await waitForResults(page);
  assert.equal(await byId(page, 'fatal-error').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a wasm that fails to load shows the error panel', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/restack(-embed)?_bg-[0-9a-f]{10}\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  await page.goto(server.url + '/');
  await byId(page, 'fatal-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#fatal-detail').textContent(), /failed to load/);
  await context.close();
});
