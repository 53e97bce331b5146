// When the signal drops while the app downloads: the page says so where the user is looking
// and offers 「重试」 (tried again by itself when the phone is back online), instead of
// 「正在加载」 for ever; whatever was entered on the static first screen stays. Put at the start
// of each page's boot script by scripts/postbuild.mjs, which routes the app's JS and Wasm
// downloads through `retrying`. A failure of the app itself once downloaded (a trap while it
// starts) is not a download failure and is not retried.
async function retrying(load) {
  for (let attempt = 0; ; attempt++) {
    try {
      const done = await load(attempt);
      const box = document.getElementById('load-failed');
      if (box) box.remove();
      return done;
    } catch (e) {
      // No WebAssembly at all is nowasm.js's message, not a download to retry.
      if (typeof WebAssembly !== 'object' || e instanceof WebAssembly.RuntimeError) throw e;
      await loadFailed();
    }
  }
}

function loadFailed() {
  const texts = {
    'zh-Hans': ['网络不好，查询工具没有下载完。已填写的内容不会丢失。', '重试', '正在重新加载…'],
    'zh-Hant': ['網絡不好，查詢工具沒有下載完。已填寫的內容不會丟失。', '重試', '正在重新載入…'],
    en: ['The connection dropped before the app finished downloading. What you entered is kept.', 'Try again', 'Loading again…'],
  };
  let lang = new URLSearchParams(location.search).get('lang');
  try {
    lang = lang || localStorage.getItem('zhuxue.lang');
  } catch (e) { /* storage blocked: the default language */ }
  const t = texts[lang] || texts['zh-Hans'];
  let box = document.getElementById('load-failed');
  if (!box) {
    box = document.createElement('div');
    box.id = 'load-failed';
    box.className = 'load-failed';
    box.setAttribute('role', 'alert');
    // On the static first screen, in place of 「正在加载」; elsewhere (the desk) at the top.
    const loading = document.querySelector('#prerender .loading');
    if (loading) loading.replaceWith(box);
    else document.body.insertBefore(box, document.body.firstChild);
  }
  box.textContent = '';
  const text = document.createElement('p');
  text.textContent = t[0];
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'load-retry';
  button.textContent = t[1];
  box.append(text, button);
  return new Promise((resolve) => {
    function again() {
      removeEventListener('online', again);
      button.disabled = true;
      button.textContent = t[2];
      resolve();
    }
    button.addEventListener('click', again, { once: true });
    addEventListener('online', again);
  });
}
