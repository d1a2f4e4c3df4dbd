// A draft too large for localStorage, kept in IndexedDB: see src/storage.rs.
let opened;
function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('nianbao', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}
async function run(mode, act) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('drafts', mode);
    const request = act(transaction.objectStore('drafts'));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}
export function put_large(key, text) {
  return run('readwrite', (store) => store.put(text, key)).then(() => true, () => false);
}
export function get_large(key) {
  return run('readonly', (store) => store.get(key)).then((v) => (typeof v === 'string' ? v : null), () => null);
}
export function delete_large(key) {
  return run('readwrite', (store) => store.delete(key)).then(() => true, () => false);
}
