let w, ready, busy = false;
function start() {
  w = new Worker('./nianbao-check-worker_loader.js');
  ready = new Promise((ok, no) => { w.onmessage = () => ok(); w.onerror = (e) => { e.preventDefault(); no(e); }; });
}
export function stop_check() {
  if (w) w.terminate();
  w = null; busy = false;
}
export function check_in_worker(serial, text, previous) {
  // A check still running is for an older text: end it rather than wait for it.
  if (busy) stop_check();
  if (!w) start();
  busy = true;
  const mine = w;
  return ready.then(() => new Promise((ok, no) => {
    mine.onmessage = (e) => { if (e.data[0] === serial) { busy = false; ok(e.data[1]); } };
    mine.onerror = (e) => { e.preventDefault(); if (w === mine) stop_check(); no(e); };
    mine.postMessage([serial, text, previous]);
  }));
}
// A large Word file is read by a worker of its own, ended once it answers, so a check is never in its way.
export function read_docx_in_worker(name, bytes) {
  const reader = new Worker('./nianbao-check-worker_loader.js');
  const copy = bytes.slice();
  return new Promise((ok, no) => {
    reader.onerror = (e) => { e.preventDefault(); reader.terminate(); no(e); };
    reader.onmessage = () => {
      reader.onmessage = (e) => { reader.terminate(); ok(e.data); };
      reader.postMessage(['docx', name, copy]);
    };
  });
}
