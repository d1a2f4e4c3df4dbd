// The crash guard: see index.html.
(function () {
  var stopped = false;
  function failed(event) {
    var error = event.error || event.reason;
    if (stopped || !(error instanceof WebAssembly.RuntimeError)) return;
    stopped = true;
    var area = document.getElementById('report-text');
    var last = 0;
    try {
      if (area && area.value && !document.querySelector('.other-tab')) localStorage.setItem('nianbao.draft', area.value);
    } catch (e) {}
    try {
      last = Number(sessionStorage.getItem('nianbao.crashed')) || 0;
      sessionStorage.setItem('nianbao.crashed', String(Date.now()));
    } catch (e) {}
    if (Date.now() - last > 10000) return location.reload();
    var box = document.createElement('p');
    box.className = 'notice error';
    box.setAttribute('role', 'alert');
    box.textContent = '检查程序出错，本页已停止工作。您的文字已保存，请刷新页面后继续。';
    document.body.insertBefore(box, document.body.firstChild);
  }
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
})();
