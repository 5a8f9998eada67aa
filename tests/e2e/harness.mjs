// Shared browser-test harness: Debian's Chromium driven by playwright-core (never a downloaded
// browser), a static server for dist/, and a page wrapper that records console errors and failed
// requests so every test can assert there were none. Elements are addressed by data-testid only.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const dist = join(repo, 'dist');
export const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Start a static server for dist/ with optional extra routes. */
export function serveDist(routes = {}) {
  return startServer({ root: dist, routes });
}

/**
 * Open a page that records console errors, page errors and failed requests.
 * `ignore` is a list of regexes for request failures a test provokes on purpose.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', ignore = [] } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every 4xx/5xx response as a console error; those a test provokes on purpose
    // are expected, any other is a problem.
    const provoked = /Failed to load resource/.test(msg.text()) && ignore.some((re) => re.test(msg.location()?.url ?? ''));
    if (!provoked) problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!ignore.some((re) => re.test(req.url()))) problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !ignore.some((re) => re.test(res.url()))) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url);
  return { page, context, problems };
}

export const byId = (page, id) => page.locator(`[data-testid="${id}"]`);

/**
 * Wait until the app has put its first results on screen and its figures have settled (the data
 * file applied or given up on): performance marks set by the app. A page shows its first result
 * from the link (or the compiled default) before the data file arrives; interacting before the
 * figures settle would race with them.
 */
export async function waitForResults(page) {
  await page.waitForFunction(
    () => ['restack:first-result', 'restack:data-settled'].every((m) => performance.getEntriesByName(m).length > 0),
    null,
    { timeout: 20000 },
  );
}

/**
 * What the native engine computes for the UI cases: `target/e2e/<name>.json`, written by
 * `cargo test` (`expected` by tests/ui_expectations.rs, `expected-<feature>` by
 * tests/ui_expect_<feature>.rs).
 */
export function loadExpected(name = 'expected') {
  return JSON.parse(readFileSync(join(repo, 'target', 'e2e', `${name}.json`), 'utf8'));
}

/** The headline figures' data-testids, in the order the fixture lists them. */
export const HEADLINE = ['net-apy', 'risk-adjusted-apy', 'leverage', 'yield-exposure', 'health-factor', 'liquidation', 'p-loss', 'expected-loss', 'projected-value'];

/** The headline figures on the page, by data-testid. */
export async function headline(page) {
  const out = {};
  for (const id of HEADLINE) out[id] = (await byId(page, id).textContent()).trim();
  return out;
}
