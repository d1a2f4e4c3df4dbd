// DOMParser's tree as one string for Rust: format in crates/nianbao/src/import/flat.rs.
const CONTROL = /[\x01-\x04\x1f]/g;
const clean = (s) => s.replace(CONTROL, '');
const NAMES = ['hidden', 'style', 'colspan', 'rowspan'];
export function flat_dom(html) {
  let doc;
  try { doc = new DOMParser().parseFromString(html, 'text/html'); } catch (e) { return null; }
  const out = [];
  const stack = [doc.firstChild];
  while (stack.length) {
    const node = stack.pop();
    if (node === 0) { out.push('\x04'); continue; }
    if (node.nextSibling) stack.push(node.nextSibling);
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      out.push('\x03', clean(node.data));
    } else if (type === 1) {
      let head = '\x01' + clean(node.localName);
      for (const name of NAMES) {
        const value = node.getAttribute(name);
        head += value === null ? '\x1f' : '\x1f=' + clean(value);
      }
      out.push(head + '\x02');
      stack.push(0);
      if (node.firstChild) stack.push(node.firstChild);
    }
  }
  return out.join('');
}
