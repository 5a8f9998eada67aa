// `make bench`: the app against a bare Leptos counter built the same way, in one run.
// Sizes (raw, gzip, brotli) of each page's first load and of the baseline's; cold first render
// (median of >= 10 loads in fresh browser contexts); input → updated headline latency over >= 200
// edits at normal speed and with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), for
// the default stack and a 16-layer one; Lighthouse performance and accessibility of the main page
// and the embed; the criterion figure of `evaluate`. Writes reports/bench.json and prints a table.
// Usage (after both builds; `make bench` does them): node scripts/bench.mjs
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDist = join(repo, 'dist');
const counterDist = join(repo, 'target', 'bench', 'counter-dist');
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);

const size = (dir, files) => files.reduce((t, f) => {
  const b = readFileSync(join(dir, f));
  return {
    raw: t.raw + b.length,
    gzip: t.gzip + gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length,
    brotli: t.brotli + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}, { raw: 0, gzip: 0, brotli: 0 });
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- sizes ----------------------------------------------------------------------------------
execFileSync('node', [join(repo, 'scripts', 'size-report.mjs'), appDist, join(repo, 'reports', 'bundle-size.json')], { stdio: 'ignore' });
const appSizes = JSON.parse(readFileSync(join(repo, 'reports', 'bundle-size.json'), 'utf8'));
const counterFiles = readdirSync(counterDist).filter((f) => /\.(html|js|wasm)$/.test(f));
const counterWasm = counterFiles.filter((f) => f.endsWith('.wasm'));
const baseline = { first_load: size(counterDist, counterFiles), wasm: size(counterDist, counterWasm) };
const mainWasm = appSizes.first_load.main.files.filter((f) => f.file.endsWith('.wasm'));
const embedWasm = appSizes.first_load.embed.files.filter((f) => f.file.endsWith('.wasm'));
const sumOf = (fs) => fs.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// ---- browser measurements -----------------------------------------------------------------
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const app = await startServer({ root: appDist });
const counter = await startServer({ root: counterDist });

/** Cold loads in fresh contexts: the time from navigation start to the mark. */
async function firstRender(url, mark) {
  log(`first render ${url.slice(0, 60)}`);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const t = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 30000 });
    times.push(await t.jsonValue());
    await context.close();
  }
  return { median_ms: round(quantile(times, 0.5)), p90_ms: round(quantile(times, 0.9)), loads: times.length };
}

/**
 * Input → updated headline: `EDITS` edits of the stake amount and of a layer parameter, each
 * timed from dispatching the input event to the headline's text changing (MutationObserver).
 */
async function latency(url, throttle) {
  log(`latency ×${throttle} ${url.slice(0, 60)}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(url);
  await page.waitForFunction(() => ['restack:first-result', 'restack:data-settled'].every((m) => performance.getEntriesByName(m).length), null, { timeout: 60000 });
  const times = await page.evaluate(async (edits) => {
    const one = (inputId, values, targetId) => new Promise((resolve) => {
      const input = document.querySelector(`[data-testid="${inputId}"]`);
      const target = document.querySelector(`[data-testid="${targetId}"]`);
      const out = [];
      let i = 0;
      const next = () => {
        if (i >= edits) return resolve(out);
        // An edit that leaves the figure unchanged would never resolve: count it as a timeout.
        const done = (ms) => {
          clearTimeout(timer);
          obs.disconnect();
          out.push(ms);
          i += 1;
          setTimeout(next, 0);
        };
        const obs = new MutationObserver(() => done(performance.now() - t0));
        const timer = setTimeout(() => done(Infinity), 5000);
        obs.observe(target, { characterData: true, childList: true, subtree: true });
        const t0 = performance.now();
        input.value = values(i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      next();
    });
    const stake = await one('stake-amount', (i) => String(10 + (i % 50) + 0.5), 'projected-value');
    const param = await one('field-layers[0].base_apr', (i) => (2 + (i % 40) / 10).toFixed(2), 'net-apy');
    return [...stake, ...param];
  }, EDITS);
  await context.close();
  return { edits: times.length, p50_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)), p99_ms: round(quantile(times, 0.99)) };
}

/** A 16-layer stack as a link: stake, then restake / wrapper pairs up to 16 layers. */
function sixteenLayers() {
  const layers = ['l=stake.etherfi.eETH(apr:0.03,fee:0.1,pex:0.01,exl:0.3,pdep:0.05,depl:0.03,exit:14,inst:1)'];
  for (let i = 1; i < 16; i++) {
    layers.push(i % 2
      ? `l=restake.eigencloud.eETH(comm:0.1,avs:A${i}(apr:0.002,mag:0.05,p:0.01,sev:0.02),pex:0.005,exl:0.5,exit:14)`
      : `l=lrt.etherfi.w${i}(fee:0.02,pex:0.005,exl:0.3,pdep:0.02,depl:0.03,exit:14,inst:1)`);
  }
  return `v=1&asset=ETH&stake=32&price=3000&days=365&${layers.join('&')}`;
}

const EMBED_QUERY = 'v=1&asset=ETH&stake=32&price=3000&days=365&l=stake.lido.stETH(apr:0.03)&embed=1';
const browserVersion = browser.version();
const results = {
  first_render: {
    app_main: await firstRender(app.url + '/', 'restack:first-result'),
    app_embed: await firstRender(`${app.url}/?${EMBED_QUERY}`, 'restack:first-result'),
    baseline: await firstRender(counter.url + '/', 'counter:rendered'),
  },
  latency: {
    default_1x: await latency(app.url + '/', 1),
    default_4x: await latency(app.url + '/', 4),
    sixteen_layers_1x: await latency(`${app.url}/?${sixteenLayers()}`, 1),
    sixteen_layers_4x: await latency(`${app.url}/?${sixteenLayers()}`, 4),
  },
};
await browser.close();

// ---- Lighthouse -----------------------------------------------------------------------------
async function lighthouse(url) {
  log(`lighthouse ${url.slice(0, 60)}`);
  const cli = join(repo, 'bench', 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) return { skipped: 'lighthouse not installed (bench/node_modules)' };
  if (process.env.BENCH_NO_LIGHTHOUSE) return { skipped: 'BENCH_NO_LIGHTHOUSE set' };
  // Lighthouse drives its own Chromium: the new headless mode (the old one fails Page.navigate).
  const flags = ['--headless=new', ...CHROMIUM_ARGS.filter((f) => f !== '--headless')].join(' ');
  let r;
  try {
    // Asynchronous: the static servers run in this process and must keep answering.
    const { stdout: out } = await promisify(execFile)('node', [cli, url, '--quiet', '--output=json', '--only-categories=performance,accessibility',
      `--chrome-flags=${flags}`], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    r = JSON.parse(out.toString());
  } catch (e) {
    return { failed: String(e.stderr ?? e.message).split('\n').find((l) => l.trim()) ?? 'lighthouse failed' };
  }
  return {
    performance: r.categories.performance.score,
    accessibility: r.categories.accessibility.score,
    first_contentful_paint_ms: round(r.audits['first-contentful-paint'].numericValue, 0),
    largest_contentful_paint_ms: round(r.audits['largest-contentful-paint'].numericValue, 0),
    total_blocking_time_ms: round(r.audits['total-blocking-time'].numericValue, 0),
  };
}
results.lighthouse = {
  main: await lighthouse(app.url + '/'),
  embed: await lighthouse(`${app.url}/?${EMBED_QUERY}`),
};
await app.close();
await counter.close();

// ---- criterion ----------------------------------------------------------------------------
const criterion = {};
const critDir = join(repo, 'target', 'criterion');
if (existsSync(critDir)) {
  for (const group of readdirSync(critDir)) {
    const est = join(critDir, group, 'new', 'estimates.json');
    if (existsSync(est)) criterion[group] = { median_us: round(JSON.parse(readFileSync(est, 'utf8')).median.point_estimate / 1000, 3) };
  }
}

const main = appSizes.first_load.main;
const embed = appSizes.first_load.embed;
const report = {
  generated: new Date().toISOString(),
  machine: `${execFileSync('nproc').toString().trim()} cores, ${process.platform} ${process.arch}, Chromium ${browserVersion}`,
  sizes: {
    budget_first_load_gzip: 120000,
    main_first_load: { raw: main.raw, gzip: main.gzip, brotli: main.brotli },
    embed_first_load: { raw: embed.raw, gzip: embed.gzip, brotli: embed.brotli },
    main_wasm: sumOf(mainWasm),
    embed_wasm: sumOf(embedWasm),
    on_demand: { raw: appSizes.on_demand.raw, gzip: appSizes.on_demand.gzip, brotli: appSizes.on_demand.brotli },
    baseline_first_load: baseline.first_load,
    baseline_wasm: baseline.wasm,
    ratio_main_wasm_gzip_to_baseline: round(sumOf(mainWasm).gzip / baseline.wasm.gzip),
    ratio_embed_wasm_gzip_to_baseline: round(sumOf(embedWasm).gzip / baseline.wasm.gzip),
  },
  ...results,
  ratio_first_render_to_baseline: round(results.first_render.app_main.median_ms / results.first_render.baseline.median_ms),
  criterion,
};
mkdirSync(join(repo, 'reports'), { recursive: true });
writeFileSync(join(repo, 'reports', 'bench.json'), JSON.stringify(report, null, 2) + '\n');

const s = report.sizes;
const kb = (x) => (x / 1000).toFixed(1).padStart(7) + ' kB';
console.log(`\nRestack bench (${report.generated}, ${report.machine})`);
console.log('sizes (gzip)                 app        baseline   ratio   budget');
console.log(`  main page first load  ${kb(s.main_first_load.gzip)}   ${kb(s.baseline_first_load.gzip)}           ${s.main_first_load.gzip <= 120000 ? 'within' : 'OVER'} 120 kB`);
console.log(`  embed first load      ${kb(s.embed_first_load.gzip)}   ${kb(s.baseline_first_load.gzip)}           ${s.embed_first_load.gzip <= 120000 ? 'within' : 'OVER'} 120 kB`);
console.log(`  main wasm             ${kb(s.main_wasm.gzip)}   ${kb(s.baseline_wasm.gzip)}   ${String(s.ratio_main_wasm_gzip_to_baseline).padStart(5)}×  (goal ≤ 3×)`);
console.log(`  embed wasm            ${kb(s.embed_wasm.gzip)}   ${kb(s.baseline_wasm.gzip)}   ${String(s.ratio_embed_wasm_gzip_to_baseline).padStart(5)}×`);
const fr = report.first_render;
console.log(`first render (median)   main ${fr.app_main.median_ms} ms, embed ${fr.app_embed.median_ms} ms, baseline ${fr.baseline.median_ms} ms: ${report.ratio_first_render_to_baseline}× (goal ≤ 1.5×)`);
for (const [k, v] of Object.entries(report.latency)) console.log(`latency ${k.padEnd(18)} p50 ${v.p50_ms} ms, p95 ${v.p95_ms} ms, p99 ${v.p99_ms} ms (${v.edits} edits)`);
for (const [k, v] of Object.entries(report.lighthouse)) console.log(`lighthouse ${k.padEnd(6)} ${v.skipped ?? v.failed ?? `performance ${v.performance}, accessibility ${v.accessibility}`}`);
for (const [k, v] of Object.entries(criterion)) console.log(`criterion ${k}: median ${v.median_us} µs`);
console.log('(written to reports/bench.json)');
