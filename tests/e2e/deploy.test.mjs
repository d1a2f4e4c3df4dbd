// The bundle an office deploys (scripts/dist.sh → nianbao-web-<version>.zip): it holds the page and the
// server settings, and unpacked under a sub-path of a server that does not know .wasm (it sends
// application/octet-stream, as a bare IIS or an old nginx would) the page still loads and checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { launch } from './browser.mjs';
import { DIST, EXAMPLE, ROOT } from './paths.mjs';

const version = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)[1];
const ZIP = path.join(ROOT, `nianbao-web-${version}.zip`);

let unpacked;
let browser;

before(async () => {
  assert.ok(existsSync(ZIP), `no ${ZIP}: run scripts/dist.sh first`);
  unpacked = await mkdtemp(path.join(os.tmpdir(), 'nianbao-deploy-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', ZIP, unpacked]);
  browser = await launch('deploy', { root: unpacked, types: { '.wasm': 'application/octet-stream' } });
});

after(async () => {
  await browser?.close();
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
});

test('the bundle holds the page and the settings for IIS, nginx and Apache, with the instructions', () => {
  const files = readdirSync(unpacked);
  for (const name of ['index.html', 'web.config', '.htaccess', 'nginx.conf', '部署说明.txt']) {
    assert.ok(files.includes(name), `${name} in the bundle: ${files.join(', ')}`);
  }
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the wasm module');
  // Everything the build made, sub-folders too (wasm-bindgen's snippets/ hold scripts the page imports).
  for (const name of readdirSync(DIST, { recursive: true })) {
    assert.ok(existsSync(path.join(unpacked, name)), `${name} from dist/ in the bundle`);
  }
  assert.match(readFileSync(path.join(unpacked, 'web.config'), 'utf8'), /fileExtension="\.wasm" mimeType="application\/wasm"/);
  assert.doesNotMatch(readFileSync(path.join(unpacked, 'index.html'), 'utf8'), /(src|href)="\//, 'no absolute path: any sub-path works');
});

test('served with .wasm as application/octet-stream under a sub-path, the page loads and checks the example', async () => {
  const { page, server, problems, requests } = browser;
  await page.goto(server.url, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#report-text').inputValue(), readFileSync(EXAMPLE, 'utf8'));
  const wasm = requests.find((url) => url.endsWith('.wasm'));
  assert.ok(wasm?.startsWith(server.url), `the wasm came from the sub-path: ${wasm}`);
  // wasm-bindgen falls back from streaming compilation when the type is wrong and says so on the console
  // as a warning, not an error.
  assert.deepEqual(problems, []);
});
