// Runs before the app: a browser that cannot run the app (no WebAssembly: old in-app or
// compatibility-mode browsers) gets a message in Chinese and where to ask, not a blank page.
(function () {
  var ok = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  if (ok) {
    // The static first screen may say 「正在加载」 only when the app can load.
    document.documentElement.className += ' can-run';
    return;
  }
  function show() {
    var pre = document.getElementById('prerender');
    if (pre) pre.parentNode.removeChild(pre);
    var box = document.createElement('div');
    box.className = 'fallback';
    box.setAttribute('role', 'alert');
    box.innerHTML =
      '<h1>助学 · 学生资助查询</h1>' +
      '<p>这个浏览器太旧，无法运行本查询工具（需要支持 WebAssembly）。</p>' +
      '<p>请用手机自带浏览器或其他新版浏览器打开本页；在微信里打开的，可点右上角「…」选择「在浏览器打开」。</p>' +
      '<p>也可以直接询问就读学校的资助老师，或户籍所在县（市、区）的学生资助管理中心；学校张贴的资助政策简介里有申请办法。</p>';
    document.body.insertBefore(box, document.body.firstChild);
  }
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
})();
