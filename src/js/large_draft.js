let db;
function run(mode, act) {
  db = db || new Promise((ok, no) => {
    const r = indexedDB.open('nianbao', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  return db.then((d) => new Promise((ok, no) => {
    const t = d.transaction('drafts', mode);
    const r = act(t.objectStore('drafts'));
    t.oncomplete = () => ok(r.result);
    t.onerror = t.onabort = no;
  }));
}
export const put_large = (key, text) => run('readwrite', (s) => s.put(text, key)).then(() => true, () => false);
export const get_large = (key) => Promise.race([run('readonly', (s) => s.get(key)), new Promise((ok) => setTimeout(ok, 2000))]).then((v) => v ?? null, () => null);
export const delete_large = (key) => run('readwrite', (s) => s.delete(key)).then(() => true, () => false);
