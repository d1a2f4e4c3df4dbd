// What a drop holds, for the reviewer's desk (src/desk.rs). Called in the drop event itself: the items
// are readable only then. One plain file that is not a .zip gives null (the page opens it as always);
// otherwise a promise of [[path, File], …]: folders walked (webkitGetAsEntry), paths inside a dropped
// folder relative to it, hidden files (「.DS_Store」) left out as the command line leaves them.
const isZip = (name) => /\.zip$/i.test(name);
function walk(entry, path, out) {
  if (entry.isFile) return new Promise((ok) => entry.file((f) => { out.push([path, f]); ok(); }, () => ok()));
  const reader = entry.createReader();
  const more = () => new Promise((ok) => reader.readEntries(ok, () => ok([]))).then((list) => list.length
    ? Promise.all(list.filter((e) => !e.name.startsWith('.')).map((e) => walk(e, `${path}${e.name}${e.isFile ? '' : '/'}`, out))).then(more) : null);
  return more();
}
export function dropped(transfer) {
  const items = Array.from(transfer.items || []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const files = items.map((i) => i.getAsFile());
  if (files.length === 1 && !(entries[0] && entries[0].isDirectory) && !isZip(files[0].name)) return null;
  if (!files.length) return null;
  const out = [];
  return Promise.all(entries.map((e, k) => (e && e.isDirectory ? walk(e, '', out) : (out.push([files[k].name, files[k]]), null))))
    .then(() => out);
}
export const nextTurn = () => new Promise((ok) => setTimeout(ok, 0));
