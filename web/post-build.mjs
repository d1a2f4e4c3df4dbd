// Trunk post_build hook (Trunk.toml): rewrites the staged dist/ before Trunk publishes it.
//  1. Trunk's loader uses top-level `await`, which Chromium before 89 cannot parse, and it does not
//     tell anyone when loading fails: it is replaced by one that chains promises and reports failure
//     through web/boot.js.
//  2. Writes the service worker (web/sw.js) with this build's file list, so the page opens offline. The
//     PDF worker's files (nianbao-pdf-worker*) count for the version but are not fetched ahead: the page
//     loads them only when a PDF is opened, and the service worker keeps them from then on. The check
//     worker's are fetched ahead (after the page has loaded, as the rest): every .docx needs them.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const here = path.dirname(fileURLToPath(import.meta.url));

const indexPath = path.join(staging, 'index.html');
const html = await readFile(indexPath, 'utf8');
const trunkLoader = /<script type="module">\s*import init, \* as bindings from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;
const found = html.match(trunkLoader);
if (!found) throw new Error(`post-build: Trunk's loader not found in ${indexPath} (did Trunk change it?)`);
const [, glue, wasm] = found;
const loader = `<script type="module">
import init, * as bindings from '${glue}';
var boot = window.nianbaoBoot;
if (!boot || boot.canRun) {
  init({ module_or_path: '${wasm}' }).then(function (wasm) {
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasm } }));
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(function () {});
  }, function (error) {
    console.warn('nianbao: the checker did not load', error);
    if (boot) boot.failed();
  });
}
</script>`;
await writeFile(indexPath, html.replace(trunkLoader, () => loader));

// Every file of the build, relative to the worker; the version changes whenever any file does.
const names = (await readdir(staging, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(staging, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const digest = createHash('sha256');
for (const name of names) digest.update(name).update(await readFile(path.join(staging, name)));
const worker = (await readFile(path.join(here, 'sw.js'), 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(digest.digest('hex').slice(0, 16)))
  .replace("['__FILES__']", JSON.stringify(['./', ...names.filter((name) => name !== 'index.html' && !name.startsWith('nianbao-pdf-worker')).map((name) => `./${name}`)]));
await writeFile(path.join(staging, 'sw.js'), worker);
