// Registers the service worker (static/sw.js) and, when a new version of the app has been
// downloaded in the background, offers it instead of switching under the user:
// 「政策数据已更新，点此刷新」. Appended to each page's boot script by scripts/postbuild.mjs,
// which sets SW_URL (the worker's address relative to the page).
(function () {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  var texts = {
    'zh-Hans': ['政策数据已更新，点此刷新', '刷新后仍是你的回答'],
    'zh-Hant': ['政策數據已更新，點此重新整理', '重新整理後仍是你的回答'],
    en: ['Policy data updated: tap to refresh', 'Your answers are kept'],
  };
  var asked = false;
  function offer(worker) {
    var box = document.getElementById('sw-update');
    if (!box) {
      box = document.createElement('div');
      box.id = 'sw-update';
      document.body.insertBefore(box, document.body.firstChild);
    }
    // The app sets <html lang> to zh-Hans, zh-Hant or en; the static page says zh-CN.
    var t = texts[document.documentElement.lang] || texts['zh-Hans'];
    box.className = 'sw-update';
    box.setAttribute('role', 'status');
    box.textContent = '';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = t[0];
    var note = document.createElement('span');
    note.textContent = t[1];
    button.addEventListener('click', function () {
      asked = true;
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    box.appendChild(button);
    box.appendChild(note);
    box.hidden = false;
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (asked) location.reload();
  });
  navigator.serviceWorker.register(SW_URL).then(function (reg) {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch(function () { /* no service worker (private mode, file share): works online only */ });
})();
