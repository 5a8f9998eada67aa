/*! Restack embed helper: resizes <iframe data-restack-embed> to the calculator's height.
 * Include once per page: <script src=".../embed.js" async></script>
 * Accepts only {type: "restack:height", height: <finite number>} messages whose source is one of
 * those iframes and whose origin is the iframe's own (or "null" for an iframe sandboxed without
 * allow-same-origin, whose origin is opaque). Everything else is ignored. */
(function () {
  'use strict';
  if (window.__restackEmbed) return;
  window.__restackEmbed = true;
  var MIN = 160, MAX = 20000;
  function expectedOrigin(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox)) return 'null';
    try { return new URL(frame.src, location.href).origin; } catch (e) { return undefined; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'restack:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-restack-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== expectedOrigin(frame)) return;
      frame.style.height = Math.max(MIN, Math.min(MAX, Math.ceil(height))) + 'px';
      frame.setAttribute('data-restack-height', String(Math.ceil(height)));
      return;
    }
  });
})();
