// Inside a portal's frame (static/embed.js made it: ?embed=1&host=<the portal's origin>).
// Put at the start of the family page's boot script by scripts/postbuild.mjs (its settings
// apply before the app draws).
// - compact=1 hides the page's own title (the portal has its heading); accent=#rrggbb sets
//   the accent colour (through the CSSOM, allowed under the strict CSP);
// - the page's height goes to the portal, so the frame fits its content, and each step
//   change asks the portal to bring the frame's top into view;
// - with summary=1 (the portal opted in), each result's summary (totals and programs, nothing
//   of the case) goes to the portal too.
// Messages go only to the origin named by host (the browser delivers them nowhere else); the
// portal's script checks that they come from this page's origin and this frame.
(function () {
  var q = new URLSearchParams(location.search);
  var root = document.documentElement;
  if (q.get('compact') === '1') root.setAttribute('data-compact', '');
  var accent = q.get('accent') || '';
  if (/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(accent)) {
    root.style.setProperty('--accent', accent.charAt(0) === '#' ? accent : '#' + accent);
  }
  if (q.get('embed') !== '1' || window.parent === window) return;
  var host;
  try {
    host = new URL(q.get('host') || '').origin;
  } catch (e) {
    return;
  }
  if (!/^https?:/.test(host)) return;
  root.setAttribute('data-embedded', '');
  function send(message) {
    window.parent.postMessage(message, host);
  }
  var last = 0;
  function height() {
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      send({ type: 'zhuxue:height', height: h });
    }
  }
  new ResizeObserver(height).observe(root);
  height();
  // The portal's script asks once the frame has loaded (its first message may have gone
  // before the portal listened); only the portal's origin, only our parent, is answered.
  addEventListener('message', function (e) {
    if (e.origin !== host || e.source !== window.parent || !e.data || e.data.type !== 'zhuxue:hello') return;
    last = 0;
    height();
  });
  addEventListener('zhuxue-step', function () {
    send({ type: 'zhuxue:top' });
  });
  if (q.get('summary') === '1') {
    addEventListener('zhuxue-assessment', function (e) {
      try {
        send({ type: 'zhuxue:summary', summary: JSON.parse(e.detail) });
      } catch (err) { /* not JSON: nothing sent */ }
    });
  }
})();
