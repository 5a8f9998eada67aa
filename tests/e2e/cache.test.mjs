// Caching across a redeploy: every asset the pages load is named after its content's hash and
// may be cached for a year; index.html (and embed.js, the data files) keep their names and are
// revalidated. A reader who loaded one deploy and reloads after the next must get the new module
// with the new wasm, never a cached module with a new wasm or the reverse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { launch, dist, byId, waitForResults } from './harness.mjs';
import { hashAssets } from '../../scripts/post-build.mjs';

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
const HASHED = /-[0-9a-f]{10}\.(js|wasm|css)$/;

let browser, work;
before(async () => { browser = await launch(); work = mkdtempSync(join(tmpdir(), 'restack-cache-')); });
after(async () => { await browser?.close(); rmSync(work, { recursive: true, force: true }); });

/** A static server whose root can be switched (a redeploy), with production cache headers. */
async function deployServer(root) {
  const state = { root, requests: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    state.requests.push(path);
    try {
      const body = readFileSync(join(state.root, path));
      res.writeHead(200, {
        'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); });
  return state;
}

/** A wasm file with a custom section appended: still valid, different bytes. */
function touchWasm(path) {
  const name = Buffer.from('redeploy');
  const payload = Buffer.from(String(Date.now()));
  const body = Buffer.concat([Buffer.from([name.length]), name, payload]);
  writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from([0, body.length]), body]));
}

test('a reload after a redeploy loads the new module with the new wasm, never a mix', async () => {
  const v1 = join(work, 'v1');
  const v2 = join(work, 'v2');
  cpSync(dist, v1, { recursive: true });
  cpSync(dist, v2, { recursive: true });
  // The second deploy: new bytes for the full build's module and wasm and for the stylesheet.
  const files = readdirSync(v2);
  const module = files.find((f) => /^restack-[0-9a-f]{10}\.js$/.test(f));
  const wasm = files.find((f) => /^restack_bg-[0-9a-f]{10}\.wasm$/.test(f));
  const css = files.find((f) => /^app-[0-9a-f]{10}\.css$/.test(f));
  assert.ok(module && wasm && css, 'hashed names in dist/');
  writeFileSync(join(v2, module), readFileSync(join(v2, module), 'utf8') + '\n// redeployed\n');
  touchWasm(join(v2, wasm));
  writeFileSync(join(v2, css), readFileSync(join(v2, css), 'utf8') + '\nbody { --redeploy: 2; }\n');
  hashAssets(v2);
  const v2files = readdirSync(v2);
  assert.ok(!v2files.includes(module) && !v2files.includes(wasm) && !v2files.includes(css), 'new names for new bytes');

  const server = await deployServer(v1);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/');
  await waitForResults(page);
  const before = (await byId(page, 'net-apy').textContent()).trim();

  server.root = v2;
  server.requests.length = 0;
  await page.reload();
  await waitForResults(page);
  assert.equal((await byId(page, 'net-apy').textContent()).trim(), before, 'the same figures');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--redeploy').trim()), '2', 'the new stylesheet');
  const requested = server.requests.filter((r) => HASHED.test(r));
  const v2module = v2files.find((f) => /^restack-[0-9a-f]{10}\.js$/.test(f));
  const v2wasm = v2files.find((f) => /^restack_bg-[0-9a-f]{10}\.wasm$/.test(f));
  assert.ok(requested.includes('/' + v2module), `the new module was loaded: ${requested}`);
  assert.ok(requested.includes('/' + v2wasm), `the new wasm was loaded: ${requested}`);
  assert.ok(!server.requests.includes('/' + module) && !server.requests.includes('/' + wasm), 'no old name asked of the new deploy');
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});
