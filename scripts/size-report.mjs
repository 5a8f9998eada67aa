// Bundle-size report: raw and gzip -9 bytes of what ships (wasm, JS, CSS, HTML) and their total.
// Usage: node scripts/size-report.mjs <dist dir> <json out>
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, extname, dirname, relative } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const [dist = 'dist', out = 'reports/bundle-size.json'] = process.argv.slice(2);
const kinds = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html' };

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const files = [];
for (const path of walk(dist)) {
  const kind = kinds[extname(path)];
  if (!kind) continue;
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  files.push({ file: relative(dist, path), kind, raw: bytes.length, gzip });
}
files.sort((a, b) => b.raw - a.raw);
const byKind = {};
for (const f of files) {
  byKind[f.kind] ??= { raw: 0, gzip: 0 };
  byKind[f.kind].raw += f.raw;
  byKind[f.kind].gzip += f.gzip;
}
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
const report = { generated: new Date().toISOString(), byKind, total, files };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('kind        raw          gzip -9');
for (const [kind, s] of Object.entries(byKind)) console.log(kind.padEnd(6), kb(s.raw), kb(s.gzip));
console.log('total ', kb(total.raw), kb(total.gzip));
console.log(`(written to ${out})`);
