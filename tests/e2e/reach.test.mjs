// End to end: the page where offices open it — a browser that cannot run it, a server missing a file,
// and no network after the first visit. Each test has its own browser profile and server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { BASE, launch } from './browser.mjs';
import { DIST, EXAMPLE } from './paths.mjs';

const LOADING = '正在载入检查工具';

function onlyLocal(browser) {
  const local = `${browser.server.origin}${BASE}`;
  const elsewhere = browser.requests.filter((url) => !url.startsWith(local) && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'no request anywhere but the page\'s own origin and sub-path');
}

async function copyOfDist(name) {
  const root = await mkdtemp(path.join(os.tmpdir(), `nianbao-${name}-`));
  await cp(DIST, root, { recursive: true });
  return root;
}

test('without WebAssembly the page says, in Chinese, to switch to 极速模式 and which browsers work', async () => {
  const browser = await launch('no-wasm');
  try {
    await browser.context.addInitScript(() => {
      delete window.WebAssembly;
    });
    await browser.page.goto(browser.server.url, { waitUntil: 'load' });
    const alert = browser.page.locator('#app [role=alert]');
    await alert.waitFor({ timeout: 5_000 });
    const text = await alert.textContent();
    assert.match(text, /请切换到极速模式/);
    assert.match(text, /360安全浏览器/);
    assert.match(text, /Chromium 80/);
    assert.doesNotMatch(await browser.page.locator('#app').textContent(), new RegExp(LOADING));
    // The page's module did not try to start the checker (which would throw without WebAssembly).
    await browser.page.waitForTimeout(500);
    assert.deepEqual(browser.problems, []);
    onlyLocal(browser);
  } finally {
    await browser.close();
  }
});

test('with the .wasm missing on the server, a failed-load message replaces the loading line', async () => {
  const root = await copyOfDist('no-wasm-file');
  const browser = await launch('missing-wasm', { root });
  try {
    for (const name of await readdir(root)) if (name.endsWith('.wasm')) await rm(path.join(root, name));
    await browser.page.goto(browser.server.url, { waitUntil: 'load' });
    const alert = browser.page.locator('#app [role=alert]');
    await alert.waitFor({ timeout: 12_000 });
    const text = await alert.textContent();
    assert.match(text, /检查工具未能载入/);
    assert.match(text, /网站管理员/);
    assert.doesNotMatch(await browser.page.locator('#app').textContent(), new RegExp(LOADING));
    onlyLocal(browser);
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('with the glue .js missing, the message comes after a few seconds', async () => {
  const root = await copyOfDist('no-glue');
  const browser = await launch('missing-glue', { root });
  try {
    for (const name of await readdir(root)) if (/^nianbao-web-[0-9a-f]+\.js$/.test(name)) await rm(path.join(root, name));
    await browser.page.goto(browser.server.url, { waitUntil: 'load' });
    const alert = browser.page.locator('#app [role=alert]');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.textContent(), /检查工具未能载入/);
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('after the first visit the page opens and checks offline; a new version is taken on the next visit', async () => {
  const root = await copyOfDist('offline');
  const browser = await launch('offline', { root });
  const { page, context, server } = browser;
  try {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('h1').waitFor({ timeout: 30_000 });
    // The worker has installed (cached every file) and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });

    // The manifest and its icon, so that the page can be pinned.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      const response = await fetch(link.href);
      const json = await response.json();
      const icon = await fetch(new URL(json.icons[0].src, link.href));
      return { json, icon: icon.status };
    });
    assert.equal(manifest.json.start_url, './');
    assert.equal(manifest.json.lang, 'zh-CN');
    assert.equal(manifest.icon, 200);

    await context.setOffline(true);
    const requestsBefore = server.requests.length;
    await page.reload({ waitUntil: 'load' });
    await page.locator('h1').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '载入示例' }).click();
    await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('#report-text').inputValue(), await readFile(EXAMPLE, 'utf8'));
    assert.match(await page.locator('#announcement').textContent(), /^检查完成：/);
    assert.equal(server.requests.length, requestsBefore, 'offline, nothing reached the server');

    // Back online, a new index.html on the server is shown on the next visit (network first).
    await context.setOffline(false);
    const index = path.join(root, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<title>政府信息公开工作年度报告检查</title>', '<title>新版本</title>'));
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.title(), '新版本');
    onlyLocal(browser);
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
});
