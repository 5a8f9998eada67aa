// Loads the wasm app. Kept external (not inline) so the page's Content-Security-Policy needs no
// inline-script allowance. Any failure to load or start shows the #fatal panel instead of a blank page.
const showFatal = (detail) => {
  const panel = document.getElementById('fatal');
  const text = document.getElementById('fatal-detail');
  // The first report wins: a panic reported by the app is more telling than the trap that follows.
  if (panel && !panel.hidden) return;
  if (text && detail) text.textContent = String(detail).slice(0, 500);
  if (panel) panel.hidden = false;
  const boot = document.getElementById('boot-message');
  if (boot) boot.remove();
};
window.restackFatal = showFatal;

// The two builds, by module and wasm file. The build (scripts/post-build.mjs) renames every file
// after its content's hash and rewrites these names, so a cached module never meets a new wasm.
const FILES = {
  full: ['./restack.js', './restack_bg.wasm'],
  embed: ['./restack-embed.js', './restack-embed_bg.wasm'],
  views: ['./restack-views.js', './restack-views_bg.wasm'],
  // The Monte Carlo runner, then its engine build: loaded at the first simulation (below).
  mc: ['./mc.js', './restack-mc.js', './restack-mc_bg.wasm'],
};

// `view=compare` (any case) loads the on-demand views; an embed (`embed`, `embed=1`,
// `embed=true`, as the link decoder reads it) the smaller build that holds the embed alone;
// every other page the full calculator.
const params = new URLSearchParams(location.search);
const embedFlag = params.get('embed');
// (security view: `view=security` loads the same on-demand views build, embed or not.)
const ON_DEMAND_VIEWS = ['compare', 'security'];
const build = ON_DEMAND_VIEWS.includes((params.get('view') ?? '').trim().toLowerCase()) ? 'views'
  : embedFlag !== null && ['', '1', 'true'].includes(embedFlag.toLowerCase()) ? 'embed' : 'full';
const [module, wasm] = FILES[build];

// The Monte Carlo simulation, on demand (public/mc.js): the app calls restackMc(query, id, report)
// and nothing of it is fetched before the first run.
let mc;
window.restackMc = (query, id, report) => {
  mc ??= import(FILES.mc[0]);
  mc.then((m) => m.request(FILES.mc.map((f) => new URL(f, import.meta.url).href), query, id, report))
    .catch((err) => {
      mc = undefined;
      report(id, 0, 0, '', 'The simulation failed to load: ' + (err && err.message ? err.message : err));
    });
};

import(module)
  .then((m) => m.default({ module_or_path: new URL(wasm, import.meta.url) }))
  .catch((err) => {
    console.warn('Restack failed to start:', err);
    showFatal('The calculator failed to load: ' + (err && err.message ? err.message : err));
  });
