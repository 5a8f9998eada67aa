// A small static server for the browser tests: serves a directory (dist/) with the right MIME types
// and `Access-Control-Allow-Origin: *` (as GitHub Pages does, so a sandboxed iframe can load the
// module and the wasm), plus programmable routes for fixtures (status, delay, body).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Start a server on 127.0.0.1 with an OS-chosen port.
 * @param {{root?: string, routes?: Record<string, (req) => ({status?: number, type?: string, body?: string|Buffer, delayMs?: number})>}} opts
 * routes: exact path (without query) → handler; checked before the static root. Handlers may be
 * replaced between tests through `server.routes`.
 */
export async function startServer({ root, routes = {} } = {}) {
  const state = { routes: { ...routes }, requests: [] };
  // Header limit above the app's 4,096-character link cap, so over-long links reach the app.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, async (req, res) => {
    const url = new URL(req.url, 'http://x');
    state.requests.push(url.pathname + url.search);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    const route = state.routes[url.pathname];
    if (route) {
      const r = await route(req, url);
      if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
      if (res.destroyed) return;
      res.writeHead(r.status ?? 200, { ...headers, 'Content-Type': r.type ?? 'application/json' });
      res.end(r.body ?? '');
      return;
    }
    if (!root) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    routes: state.routes,
    requests: state.requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
