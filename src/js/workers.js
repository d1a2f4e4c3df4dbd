// The page's two workers, one file: the browser fetches a page's scripts six at a time from one host,
// and a seventh snippet left the wasm test page waiting on chromedriver for good.
// The PDF reader (src/pdf.rs):
let w, ready, last = Promise.resolve();
const next = (send) => new Promise((ok, no) => {
  w.onmessage = (e) => ok(e.data);
  w.onerror = (e) => { e.preventDefault(); no(e); };
  if (send) w.postMessage(send);
});
function ask(name, bytes) {
  if (!w) { w = new Worker('./nianbao-pdf-worker_loader.js'); ready = next(); }
  return ready.then(() => next([name, bytes])).catch((e) => { w.terminate(); w = null; throw e; });
}
export function read_pdf(name, bytes) {
  const copy = bytes.slice(), answer = last.then(() => ask(name, copy));
  last = answer.catch(() => {});
  return answer;
}
// The checker of long texts and reader of Word files (src/check.rs):
let checker, checkerReady, busy = false;
function startChecker() {
  checker = new Worker('./nianbao-check-worker_loader.js');
  checkerReady = new Promise((ok, no) => { checker.onmessage = () => ok(); checker.onerror = (e) => { e.preventDefault(); no(e); }; });
}
export function stop_check() {
  if (checker) checker.terminate();
  checker = null; busy = false;
}
export function check_in_worker(serial, text, previous) {
  // A check still running is for an older text: end it rather than wait for it.
  if (busy) stop_check();
  if (!checker) startChecker();
  busy = true;
  const mine = checker;
  return checkerReady.then(() => new Promise((ok, no) => {
    mine.onmessage = (e) => { if (e.data[0] === serial) { busy = false; ok(e.data[1]); } };
    mine.onerror = (e) => { e.preventDefault(); if (checker === mine) stop_check(); no(e); };
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
