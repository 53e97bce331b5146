// zhuxue embed: one line on a portal's page puts the calculator there, in a frame that fits
// its content.
//
//   <script src="https://…/zhuxue/embed.js" data-region="6229" data-lang="zh-Hans" async></script>
//
// Options (all optional), as data- attributes of the script element:
//   data-region         户籍 preset: province (62), prefecture (6229) or county (622926) code
//   data-school-region  就读 (学籍) preset, the same forms
//   data-lang           zh-Hans (default), zh-Hant or en
//   data-as-of          the day to assess on, YYYY-MM-DD (default: today)
//   data-compact        "true": no title inside the frame (the portal has its own heading)
//   data-accent         accent colour, #rgb or #rrggbb
//   data-summary        "true": the frame element fires `zhuxue-summary` events (bubbling)
//                       with each result's totals and programs (event.detail); off by default
//   data-target         a CSS selector of the element to put the frame in (default: right
//                       after this script element)
//   data-title          the frame's accessible title (default 学生资助查询)
// The family's answers stay in the frame (on the phone); nothing reaches the portal's page but
// the frame's height and, only with data-summary, the summary. Messages are accepted only from
// the calculator's origin and this frame.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var app = new URL('./', script.src);
  var d = script.dataset;
  var q = new URLSearchParams();
  q.set('embed', '1');
  q.set('host', location.origin);
  var map = { region: 'region', schoolRegion: 'school_region', lang: 'lang', asOf: 'as_of', accent: 'accent' };
  for (var key in map) {
    if (d[key]) q.set(map[key], d[key]);
  }
  if (d.compact === 'true' || d.compact === '') q.set('compact', '1');
  var summary = d.summary === 'true' || d.summary === '';
  if (summary) q.set('summary', '1');
  var frame = document.createElement('iframe');
  frame.src = app.href + '?' + q.toString();
  frame.title = d.title || '学生资助查询';
  frame.setAttribute('allow', 'clipboard-write');
  frame.className = 'zhuxue-frame';
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = '40rem';
  // Once the frame has loaded, ask it for its height (it also sends it on every change).
  frame.addEventListener('load', function () {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'zhuxue:hello' }, app.origin);
  });
  var target = d.target && document.querySelector(d.target);
  if (target) target.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (e) {
    if (e.origin !== app.origin || e.source !== frame.contentWindow) return;
    var m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'zhuxue:height' && typeof m.height === 'number' && m.height > 0 && m.height < 100000) {
      frame.style.height = Math.ceil(m.height) + 'px';
    } else if (m.type === 'zhuxue:top') {
      if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: 'start' });
    } else if (m.type === 'zhuxue:summary' && summary && m.summary && typeof m.summary === 'object') {
      frame.dispatchEvent(new CustomEvent('zhuxue-summary', { detail: m.summary, bubbles: true }));
    }
  });
})();
