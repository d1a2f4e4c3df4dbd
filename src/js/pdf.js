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
