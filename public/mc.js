// The Monte Carlo runner (docs/METHODOLOGY.md §11; ARCHITECTURE.md, "The simulation build").
// boot.js imports this file at the first run, never with the page. In the page it starts a
// module Worker running this same file (from its URL, else a classic worker from a blob: URL
// that imports it, which a sandboxed embed of opaque origin can still make); without a Worker
// the chunks run here, yielding to the page between them. Either way the engine is the restack-mc build (src/bin/mc.rs, no Leptos),
// run in chunks with progress after each, and the finished figures come back as markup.
//
// Protocol. Page → worker: {files, query, id}; an empty query cancels. Worker → page, after every
// chunk: {id, done, total}; at the end {id, done, total, html}; on failure {id, error}. A newer id
// supersedes an older one in both directions.

const CHUNK = 1000;
const inWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;

let engine;
/** The engine module, initialised once: files = [this runner, module, wasm] as absolute URLs. */
function load(files) {
  engine ??= import(files[1]).then(async (m) => {
    await m.default({ module_or_path: files[2] });
    return m;
  });
  return engine;
}

// A worker yields after every chunk through a macrotask with no timer clamping, to hear a cancel
// between chunks; the page yields through a timer, which lets it paint and handle input, once
// chunks have run for a frame's worth of time (a timer costs at least 4 ms once nested).
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
let yielded = 0;
const breathe = inWorker
  ? () => new Promise((ok) => { waiting.push(ok); channel.port2.postMessage(0); })
  : () => {
    if (performance.now() - yielded < 12) return Promise.resolve();
    return new Promise((ok) => setTimeout(ok, 0)).then(() => { yielded = performance.now(); });
  };

let latest = 0;
/** Run `query` as request `id`, posting progress and the result through `post`. */
async function simulate(files, query, id, post) {
  latest = id;
  if (!query) return;
  let job;
  try {
    const m = await load(files);
    if (latest !== id) return;
    job = new m.McJob(query);
    const total = job.total;
    post({ id, done: 0, total });
    while (job.done < total) {
      job.step(CHUNK);
      post({ id, done: job.done, total });
      await breathe();
      if (latest !== id) return;
    }
    post({ id, done: total, total, html: job.finish() });
  } catch (err) {
    if (latest === id) post({ id, error: String(err && err.message ? err.message : err) });
  } finally {
    job?.free();
  }
}

if (inWorker) {
  const receive = (e) => {
    const { files, query, id } = e.data;
    simulate(files, query, id, (msg) => self.postMessage(msg));
  };
  self.onmessage = receive;
  for (const e of self.early ?? []) receive(e);
  self.early = [];
}

// ---- The page's side ------------------------------------------------------------------------

let worker; // undefined: not tried yet; null: none can be made (chunks run in the page)
let current = { id: 0 };

/** Hand a report to the app if it belongs to the current request; time a finished run. */
function deliver(msg) {
  const run = current;
  if (msg.id !== run.id) return;
  run.report(msg.id, msg.done ?? 0, msg.total ?? 0, msg.html ?? '', msg.error ?? '');
  if (msg.html) {
    // After the app has set the figures (its effects run in microtasks), before the paint.
    requestAnimationFrame(() => performance.measure('restack:mc', { start: run.t0 }));
  }
}

/** The page cannot run a worker (or it failed to start): run the current request here. */
function inPage() {
  worker?.terminate();
  worker = null;
  if (current.query) simulate(current.files, current.query, current.id, deliver);
}

function startWorker(url) {
  let w;
  try {
    w = new Worker(url, { type: 'module' });
  } catch {
    // A sandboxed embed has an opaque origin: a script URL is cross-origin to it, a blob: is not.
    // Chromium starts no module worker from a blob: there, but a classic one, which can import
    // the runner; it keeps the messages that arrive before the runner is in (drained below).
    try {
      const source = `self.early = []; onmessage = (e) => self.early.push(e); import(${JSON.stringify(url)});`;
      w = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    } catch {
      return null;
    }
  }
  w.onmessage = (e) => deliver(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    inPage();
  };
  return w;
}

/**
 * Run `query` (a share link's query) as request `id`, or cancel with an empty query;
 * `report(id, done, total, html, error)` hears back. `files`: [this runner, the engine's
 * module, its wasm], absolute URLs (boot.js knows their hashed names).
 */
export function request(files, query, id, report) {
  current = { files, query, id, report, t0: performance.now() };
  if (worker === undefined) worker = typeof Worker === 'function' ? startWorker(files[0]) : null;
  if (worker) worker.postMessage({ files, query, id });
  else simulate(files, query, id, deliver);
}
