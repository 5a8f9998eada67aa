// Bundle-size report: what each page's first load requests (HTML, boot script, CSS, the wasm
// module and glue it picks, the data file), raw, gzip -9 and brotli -11, against the 120,000-byte
// gzip budget; and what loads only on demand. Every file of dist/ is listed too.
// Usage: node scripts/size-report.mjs <dist dir> <json out>
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const [dist = 'dist', out = 'reports/bundle-size.json'] = process.argv.slice(2);
const BUDGET_GZIP = 120_000;

const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// What index.html loads, and what boot.js then picks.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const css = [...html.matchAll(/rel="stylesheet" href="(?:\.\/)?([^"]+)"/g)].map((m) => m[1]);
const boot = /src="(?:\.\/)?(boot[^"]*\.js)"/.exec(html)?.[1];
const bootText = boot ? readFileSync(join(dist, boot), 'utf8') : '';
const build = (name) => {
  const m = new RegExp(`${name}: \\['\\./([^']+)', '\\./([^']+)'\\]`).exec(bootText);
  return m ? [m[1], m[2]] : [];
};
const shared = ['index.html', boot, ...css, 'data/protocols.json'].filter((f) => f && existsSync(join(dist, f)));
const pages = {
  main: [...shared, ...build('full')].map(measure),
  embed: [...shared, ...build('embed')].map(measure),
  // A compare link's page: the on-demand views build (never fetched by the other pages).
  compare: [...shared, ...build('views')].map(measure),
};
// The Monte Carlo simulation, fetched at the first run: its runner, engine module and wasm.
const simulation = (/mc: \['\.\/([^']+)', '\.\/([^']+)', '\.\/([^']+)'\]/.exec(bootText)?.slice(1) ?? [])
  .filter((f) => existsSync(join(dist, f))).map(measure);
const onDemand = ['methodology.html', 'doc.css', 'data/defaults.json', 'embed.js'].filter((f) => existsSync(join(dist, f))).map(measure);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (!/\.(gz|br)$/.test(name)) yield relative(dist, p);
  }
}
const files = [...walk(dist)].map(measure).sort((a, b) => b.raw - a.raw);

const firstLoad = Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, { ...sum(v), within_budget: sum(v).gzip <= BUDGET_GZIP, files: v }]));
// `total` is the heavier page's first load (what the budget is checked against).
const total = Object.values(firstLoad).reduce((a, b) => (b.gzip > a.gzip ? b : a));
const report = {
  generated: new Date().toISOString(),
  budget_gzip: BUDGET_GZIP,
  total: { raw: total.raw, gzip: total.gzip, brotli: total.brotli },
  first_load: firstLoad,
  on_demand: { ...sum(onDemand), files: onDemand },
  simulation: { ...sum(simulation), files: simulation },
  files,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

const n = (x) => x.toLocaleString('en-US').padStart(10);
console.log('first load           raw       gzip     brotli   (budget: 120,000 gzip)');
for (const [page, s] of Object.entries(firstLoad)) {
  console.log(`${page.padEnd(12)} ${n(s.raw)} ${n(s.gzip)} ${n(s.brotli)}   ${s.within_budget ? 'within' : 'OVER'} budget`);
  for (const f of s.files) console.log(`  ${f.file.padEnd(34)} ${n(f.raw)} ${n(f.gzip)} ${n(f.brotli)}`);
}
const d = report.on_demand;
console.log(`on demand    ${n(d.raw)} ${n(d.gzip)} ${n(d.brotli)}   (${d.files.map((f) => f.file).join(', ')})`);
const m = report.simulation;
console.log(`simulation   ${n(m.raw)} ${n(m.gzip)} ${n(m.brotli)}   (${m.files.map((f) => f.file).join(', ')}: at the first run)`);
console.log(`(written to ${out})`);
