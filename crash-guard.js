(function () {
  var stopped = false;
  function failed(e) {
    var error = e.error || e.reason, area, last = 0, box;
    if (stopped || !(error instanceof WebAssembly.RuntimeError)) return;
    stopped = true;
    area = document.getElementById('report-text');
    try {
      if (area && area.value && !document.querySelector('.other-tab, .window-bar')) localStorage.setItem('nianbao.draft', area.value);
    } catch (_) {}
    try {
      last = +sessionStorage.getItem('nianbao.crashed') || 0;
      sessionStorage.setItem('nianbao.crashed', Date.now());
    } catch (_) {}
    if (Date.now() - last > 10000) return location.reload();
    box = document.createElement('p');
    box.className = 'notice error';
    box.setAttribute('role', 'alert');
    box.textContent = '检查程序出错，本页已停止工作。您的文字已保存，请刷新页面后继续。';
    document.body.prepend(box);
  }
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
})();
