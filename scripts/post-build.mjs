// After every Trunk build (Trunk.toml [[hooks]], post_build, in the staging directory):
// - render docs/METHODOLOGY.md as methodology.html;
// - ship a pristine copy of the figures as data/defaults.json: the page falls back to it when the
//   site's data/protocols.json (which site owners edit) cannot be used.
import { copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from './methodology.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(repo, 'dist');

writeFileSync(join(out, 'methodology.html'), render(readFileSync(join(repo, 'docs', 'METHODOLOGY.md'), 'utf8')));
copyFileSync(join(out, 'data', 'protocols.json'), join(out, 'data', 'defaults.json'));
