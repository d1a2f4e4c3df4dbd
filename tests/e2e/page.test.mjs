// End to end: the release build in dist/, served under a sub-path, in headless Chromium.
// Run by scripts/test.sh after `trunk build --release --public-url ./`:  node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { BASE, launch } from './browser.mjs';
import { DIST, EXAMPLE, OUT } from './paths.mjs';

let browser;
let server;
let page;
let requests; // every request the page (or anything in its context) made
let problems; // console errors and uncaught exceptions

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run trunk build --release first`);
  browser = await launch('page');
  ({ server, page, requests, problems } = browser);
});

after(async () => {
  await browser?.close();
});

test('the page loads from a sub-path and shows its title', async () => {
  const response = await page.goto(server.url, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  await page.locator('h1').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('h1').textContent(), '政府信息公开工作年度报告检查');
  assert.equal(await page.title(), '政府信息公开工作年度报告检查');
  assert.equal(await page.locator('#report-text').inputValue(), '');
  assert.match(await page.locator('.privacy').textContent(), /不会离开这台电脑/);
});

test('「载入示例」 puts the example report in the textarea and shows the results', async () => {
  const example = await readFile(EXAMPLE, 'utf8');
  await page.getByRole('button', { name: '载入示例' }).click();
  await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#report-text').inputValue(), example);
  const summary = await page.locator('.summary').textContent();
  for (const label of ['错误', '警告', '提示']) assert.ok(summary.includes(label), `the summary shows ${label}: ${summary}`);
  assert.equal(await page.locator('#announcement').getAttribute('aria-live'), 'polite');
  assert.match(await page.locator('#announcement').textContent(), /^检查完成：/);

  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'page.png'), fullPage: true });
});

test('「清空」 empties the textarea', async () => {
  await page.getByRole('button', { name: '清空' }).click();
  assert.equal(await page.locator('#report-text').inputValue(), '');
  await page.getByText('尚未输入报告').waitFor({ timeout: 10_000 });
});

test('no console errors and no uncaught exceptions', () => {
  assert.deepEqual(problems, []);
});

test('the page\'s Content-Security-Policy stops a request to another host', async () => {
  const outcome = await page.evaluate(async () => {
    const violation = new Promise((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    try {
      // 192.0.2.1 is TEST-NET-1: never a real host.
      await fetch('http://192.0.2.1/', { signal: AbortSignal.timeout(3000) });
      return 'sent';
    } catch {
      return Promise.race([violation, new Promise((resolve) => setTimeout(() => resolve('not blocked by CSP'), 3000))]);
    }
  });
  assert.equal(outcome, 'connect-src');
});

test('every network request went to the local server, under the sub-path', () => {
  const local = `${server.origin}${BASE}`;
  const elsewhere = requests.filter((url) => !url.startsWith(local) && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, [], `requests that left ${local}`);
  assert.ok(requests.some((url) => url.endsWith('.wasm')), `the page loaded its wasm: ${requests.join(', ')}`);
  const strays = server.requests.filter((p) => !p.startsWith(BASE));
  assert.deepEqual(strays, [], 'requests the server saw outside the sub-path');
});
