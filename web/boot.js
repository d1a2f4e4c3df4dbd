// Runs before the page's module script, in every browser, even IE in compatibility mode: so it is
// written in ES3 (scripts/test.sh parses it as such) and touches only what IE 7 mode has.
// A browser that cannot run the page (no WebAssembly, no module scripts: IE, old 360/奇安信 cores in
// 兼容模式) is told what to do at once; a load that fails (a file missing on the server) or never
// finishes is told after a few seconds, instead of 「正在载入检查工具……」 forever.
(function () {
  var BROWSERS = '可用的浏览器：360安全浏览器、奇安信可信浏览器、QQ浏览器等的极速模式，' +
    'Chrome、Edge 或基于 Chromium 80 及以上版本的信创浏览器，Firefox 78 及以上版本。';
  var WAIT_MS = 8000;
  var shown = false;

  function show(title, advice) {
    var app = document.getElementById('app'), box, line, i;
    if (shown || !app) return;
    shown = true;
    while (app.firstChild) app.removeChild(app.firstChild);
    box = document.createElement('div');
    box.className = 'notice error load-failed';
    box.setAttribute('role', 'alert');
    for (i = 0; i < arguments.length; i++) {
      line = document.createElement('p');
      line.appendChild(document.createTextNode(arguments[i]));
      box.appendChild(line);
    }
    app.appendChild(box);
  }

  function stillLoading() {
    var app = document.getElementById('app'), nodes, i;
    if (!app) return false;
    nodes = app.getElementsByTagName('p');
    for (i = 0; i < nodes.length; i++) if (/(^| )loading( |$)/.test(nodes[i].className)) return true;
    return false;
  }

  function failed() {
    show('检查工具未能载入。',
      '请刷新页面再试；如果仍然不行，请联系网站管理员，检查服务器上本页的文件（.wasm、.js）是否齐全，' +
        '以及 .wasm 文件能否下载。',
      BROWSERS);
  }

  var canRun = typeof WebAssembly === 'object' && WebAssembly !== null &&
    typeof WebAssembly.instantiate === 'function' && typeof Promise === 'function' &&
    'noModule' in document.createElement('script');

  window.nianbaoBoot = { canRun: canRun, failed: failed };
  if (!canRun) {
    show('本浏览器（或当前的兼容模式）无法运行检查工具。',
      '请切换到极速模式：点击地址栏右侧的闪电或“e”图标，选择“极速模式”；或换用下面的浏览器打开本页。',
      BROWSERS);
    return;
  }
  // The page clears the loading line when it starts; if it is still there, the load failed or hangs.
  setTimeout(function () {
    if (stillLoading()) failed();
  }, WAIT_MS);
})();
