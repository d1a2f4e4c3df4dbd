// End to end, issue 13: PDF files in the page. In headless Chromium, against the release build: the first
// load fetches none of the PDF code (the worker is fetched only when a PDF is opened); a published report
// (corpus/hongze-2024.pdf, 5 pages) dropped on the text box shows exactly what `nianbao text` reads and
// is checked as the CLI checks it, read and checked within 300 ms once the worker is running; the same
// file dropped on the 上年年报 box fills that box; a scan (an image-only PDF made here) and a cut PDF are
// refused in Chinese and the draft stays as it was. Timings in tests/e2e/out/timing-pdf.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { launch } from './browser.mjs';
import { CLI, DIST, OUT, ROOT } from './paths.mjs';

const HONGZE = path.join(ROOT, 'crates/nianbao/tests/fixtures/corpus/hongze-2024.pdf');
const WORKER = /nianbao-pdf-worker/;

function cli(args) {
  const run = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, out: run.stdout };
}

/** A one-page PDF that shows only an image: a scan, with no text layer. */
function scannedPdf() {
  const image = '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream';
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    image,
  ];
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, k) => {
    const at = out.length;
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

let browser;
let page;
const timings = {};

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run trunk build --release first`);
  assert.ok(existsSync(CLI), `no ${CLI}: run cargo build --release --bin nianbao first`);
  browser = await launch('pdf');
  page = browser.page;
  await page.goto(browser.server.url, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ timeout: 30_000 });
});

after(async () => {
  await writeFile(path.join(OUT, 'timing-pdf.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
});

const area = () => page.locator('#report-text');

/** Drops `bytes` as a file named `name` on `selector`; the page notes the time in `window.__dropped`. */
async function dropFile(selector, name, bytes) {
  await page.evaluate(
    ({ selector, name, base64 }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name, { type: 'application/pdf' }));
      const target = document.querySelector(selector);
      const init = { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer, clientX: 400, clientY: 400 };
      window.__dropped = performance.now();
      target.dispatchEvent(new DragEvent('dragenter', init));
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    },
    { selector, name, base64: Buffer.from(bytes).toString('base64') },
  );
}

/** Milliseconds from the drop until the text box holds `text` and the check of it is shown. */
async function shown(text) {
  const handle = await page.waitForFunction(
    (expected) => {
      const value = document.querySelector('#report-text')?.value;
      const done = value === expected && document.querySelector('.editor .backdrop')?.textContent.startsWith(expected);
      return done && performance.now() - window.__dropped;
    },
    text,
    { timeout: 30_000, polling: 'raf' },
  );
  return handle.jsonValue();
}

test('the first load fetches no PDF code', async () => {
  // Give the service worker time to fetch what it keeps ahead.
  await page.waitForTimeout(1500);
  const fetched = browser.requests.filter((url) => WORKER.test(url));
  assert.deepEqual(fetched, [], 'no request for the PDF worker before a PDF is opened');
});

test('a dropped PDF shows what the CLI reads and is checked as the CLI checks it, within 300 ms once the worker runs', async () => {
  const bytes = readFileSync(HONGZE);
  const expected = cli(['text', HONGZE]).out;
  assert.ok(expected.includes('三、收到和处理政府信息公开申请情况'), 'the CLI reads the report');
  await dropFile('#report-text', 'hongze-2024.pdf', bytes);
  timings.firstPdfMs = await shown(expected);
  assert.ok(browser.requests.some((url) => WORKER.test(url)), 'the worker is fetched when a PDF is opened');
  const json = JSON.parse(cli(['check', '--format', 'json', HONGZE]).out)[0];
  const report = await page.evaluate((t) => window.nianbao.check(t), await area().inputValue());
  assert.deepEqual(
    report.findings.map((f) => `${f.code} ${f.message}`),
    json.findings.map((f) => `${f.code} ${f.message}`),
    'the findings of the CLI',
  );
  assert.equal(await page.locator('.problem').count(), json.findings.length, 'every finding is listed');
  await page.screenshot({ path: path.join(OUT, 'drop-pdf.png') });

  // Again, with the worker running: read (in the worker) and checked and shown.
  const runs = [];
  for (let k = 0; k < 3; k++) {
    await area().fill('');
    await page.waitForFunction(() => document.querySelector('#report-text').value === '');
    await dropFile('#report-text', `hongze-${k}.pdf`, bytes);
    runs.push(await shown(expected));
  }
  timings.warmPdfMs = runs;
  timings.warmPdfBestMs = Math.min(...runs);
  console.log(`PDF in the page: first ${timings.firstPdfMs.toFixed(0)} ms (worker start included), then ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
  assert.ok(Math.min(...runs) <= 300, `a 5-page PDF read and checked in ${runs} ms`);
});

test('a PDF dropped on the 上年年报 box fills that box with what the CLI reads', async () => {
  const expected = cli(['text', HONGZE]).out;
  const previous = page.locator('#previous-text');
  if (!(await previous.isVisible())) await page.locator('#previous-label').click();
  await dropFile('#previous-text', '上年.pdf', readFileSync(HONGZE));
  await page.waitForFunction((t) => document.querySelector('#previous-text').value === t, expected, { timeout: 30_000 });
  await previous.fill('');
});

test('a scanned PDF and a cut one are refused in Chinese, and the draft stays', async () => {
  const before = '一、总体情况\n草稿不会丢。\n';
  await area().fill(before);
  const notice = page.locator('.notice.error');
  const cut = readFileSync(HONGZE).subarray(0, 100_000);
  for (const [name, bytes, advice] of [
    ['扫描件.pdf', scannedPdf(), /这是扫描件，没有可读取的文字/],
    ['半截.pdf', cut, /PDF 文件已损坏或不完整/],
  ]) {
    await dropFile('#report-text', name, bytes);
    await notice.waitFor({ timeout: 30_000 });
    const message = await notice.textContent();
    assert.match(message, new RegExp(`无法打开「${name.replace('.', '\\.')}」：`), name);
    assert.match(message, advice, `${name}: ${message}`);
    assert.equal(await area().inputValue(), before, `${name}: the draft is unchanged`);
    if (name === '扫描件.pdf') await page.screenshot({ path: path.join(OUT, 'refused-scan.png') });
    await page.locator('.notice-close').click();
    assert.equal(await page.locator('.notice').count(), 0);
  }
  // The CLI says the same and exits with status 2.
  assert.equal(cli(['text', HONGZE.replace('hongze-2024.pdf', 'no-such.pdf')]).status, 2);
});

test('no console errors, no uncaught exceptions, no dialogs', () => {
  assert.deepEqual(browser.problems, []);
  assert.deepEqual(browser.dialogs, []);
});
