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
// Word files are read by a worker of their own, kept for the next file, one at a time and in order, so
// that a check is never in their way; a reader that fails is dropped and the next file starts another.
let reader, readerReady, lastRead = Promise.resolve();
function read(name, bytes) {
  if (!reader) {
    reader = new Worker('./nianbao-check-worker_loader.js');
    readerReady = new Promise((ok, no) => { reader.onmessage = () => ok(); reader.onerror = (e) => { e.preventDefault(); no(e); }; });
  }
  const mine = reader;
  return readerReady.then(() => new Promise((ok, no) => {
    mine.onmessage = (e) => ok(e.data);
    mine.onerror = (e) => { e.preventDefault(); no(e); };
    mine.postMessage(['docx', name, bytes]);
  })).catch((e) => { mine.terminate(); if (reader === mine) reader = null; throw e; });
}
export function read_docx_in_worker(name, bytes) {
  const copy = bytes.slice(), answer = lastRead.then(() => read(name, copy));
  lastRead = answer.catch(() => {});
  return answer;
}
