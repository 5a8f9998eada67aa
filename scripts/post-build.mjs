// After every Trunk build (Trunk.toml [[hooks]], post_build, on the staging directory):
// 1. render docs/METHODOLOGY.md as methodology.html;
// 2. ship a pristine copy of the figures as data/defaults.json (the page falls back to it when
//    the site's data/protocols.json, which site owners edit, cannot be used);
// 3. name every asset the pages load after its content's hash (restack-3f2a9c0b1d.js), rewriting
//    the names in index.html and boot.js, so a redeploy can never pair a cached module with a new
//    wasm: index.html, embed.js, methodology.html and data/*.json keep stable names (embedders and
//    site owners link to them) and are to be served revalidated;
// 4. write a .gz and a .br beside every text and wasm file, for hosts that serve them.
// Also usable on its own: `node scripts/post-build.mjs <dir>` (idempotent).
import { copyFileSync, writeFileSync, readFileSync, renameSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { render } from './methodology.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `name` with its hash suffix (if any) replaced by the hash of `bytes`. */
function hashedName(name, bytes) {
  const ext = name.endsWith('_bg.wasm') ? '.wasm' : extname(name);
  const stem = name.slice(0, name.length - ext.length).replace(/-[0-9a-f]{10}$/, '');
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  return `${stem}-${hash}${ext}`;
}

/** Rename the files `refs` names in `text` (attributes and string literals) after their hashes. */
function rehashReferences(dir, text, pattern) {
  return text.replace(pattern, (whole, prefix, name, suffix) => {
    const path = join(dir, name);
    if (!existsSync(path)) return whole;
    const next = hashedName(name, readFileSync(path));
    if (next !== name) renameSync(path, join(dir, next));
    return `${prefix}${next}${suffix}`;
  });
}

/** Step 3: hash the modules and wasm named in boot.js, then the CSS and boot.js in index.html. */
export function hashAssets(dir) {
  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  const bootMatch = /src="(boot(?:-[0-9a-f]{10})?\.js)"/.exec(html);
  if (bootMatch) {
    const bootPath = join(dir, bootMatch[1]);
    const boot = rehashReferences(dir, readFileSync(bootPath, 'utf8'), /(['"]\.\/)([\w-]+\.(?:js|wasm))(['"])/g);
    writeFileSync(bootPath, boot);
  }
  html = rehashReferences(dir, html, /((?:href|src)="(?:\.\/)?)((?:app|charts|security|mc|boot)(?:-[0-9a-f]{10})?\.(?:css|js))(")/g);
  writeFileSync(index, html);
}

/** Step 4: .gz and .br beside every compressible file. */
export function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!/\.(js|mjs|wasm|css|html|json|svg)$/.test(name)) continue;
    const bytes = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

if (process.argv[1] && basename(process.argv[1]) === 'post-build.mjs') {
  const out = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(repo, 'dist');
  writeFileSync(join(out, 'methodology.html'), render(readFileSync(join(repo, 'docs', 'METHODOLOGY.md'), 'utf8')));
  copyFileSync(join(out, 'data', 'protocols.json'), join(out, 'data', 'defaults.json'));
  hashAssets(out);
  precompress(out);
}
