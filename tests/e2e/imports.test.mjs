// End to end, issue 5: every way a draft arrives. In headless Chromium, against the release build:
// a real Ctrl+V of the HTML Word puts on the clipboard, real drop events and the file picker with the
// committed files of crates/nianbao/tests/fixtures/imports/ (made from seeds 000 and 004 by crates/nianbao-cli/tests/imports.rs), and
// files the page must refuse. For each, the text shown must be what the CLI reads from the same file
// (`nianbao text`), and its findings those of the plain seed. Screenshots in tests/e2e/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { copyHtml, launch } from './browser.mjs';
import { CLI, DIST, OUT, ROOT, SEEDS } from './paths.mjs';
const IMPORTS = path.join(ROOT, 'crates/nianbao/tests/fixtures/imports');
const fixture = (name) => path.join(IMPORTS, name);
const seedPath = (id) => path.join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith(`${id}_`)));

/** Runs the CLI; returns stdout (and asserts it succeeded unless `status` says otherwise). */
function cli(args, status = 0) {
  const run = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (status !== null) assert.equal(run.status, status, `nianbao ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}
/** What the CLI reads from `file`. */
const cliText = (file) => cli(['text', file]);
/** The CLI's findings for `file` as "CODE message" lines. */
const cliFindings = (file) =>
  JSON.parse(cli(['check', '--format', 'json', file], null))[0].findings.map((f) => `${f.code} ${f.message}`);

let browser;
let server;
let page;
const timings = {}; // written to tests/e2e/out/timing-imports.json

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run trunk build --release first`);
  assert.ok(existsSync(CLI), `no ${CLI}: run cargo build --release --bin nianbao first`);
  browser = await launch('imports', { clipboard: true });
  ({ server, page } = browser);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ timeout: 30_000 });
});

after(async () => {
  await writeFile(path.join(OUT, 'timing-imports.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
});

const area = () => page.locator('#report-text');

/** Waits until the textarea holds `text` and the backdrop shows the check of exactly that text. */
async function rendered(text) {
  await page.waitForFunction(
    (expected) => {
      const value = document.querySelector('#report-text')?.value;
      return value === expected && document.querySelector('.editor .backdrop')?.textContent.startsWith(expected);
    },
    text,
    { timeout: 10_000 },
  );
}

/** The page's findings for what it shows, as "CODE message" lines, and how many problems it lists. */
async function pageFindings() {
  const value = await area().inputValue();
  const report = await page.evaluate((t) => window.nianbao.check(t), value);
  return { findings: report.findings.map((f) => `${f.code} ${f.message}`), listed: await page.locator('.problem').count() };
}

/** Drops the file at `file` (its real bytes) on the text box, named `name`, with a real DragEvent. */
async function dropFile(name, bytes, type = '') {
  await page.evaluate(
    ({ name, base64, type }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name, { type }));
      const target = document.querySelector('#report-text');
      const init = { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer, clientX: 400, clientY: 400 };
      target.dispatchEvent(new DragEvent('dragenter', init));
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    },
    { name, base64: Buffer.from(bytes).toString('base64'), type },
  );
}

/** Asserts that the page shows what the CLI reads from `file`, checked as the plain seed `id` is. */
async function assertShownAsCli(file, id, how) {
  const expected = cliText(file);
  await rendered(expected);
  const { findings, listed } = await pageFindings();
  assert.deepEqual(findings, cliFindings(seedPath(id)), `${how}: the findings of seed ${id}`);
  assert.equal(listed, findings.length, `${how}: every finding is listed`);
  return expected;
}

test('pasting Word\'s clipboard HTML (Ctrl+V) shows the tables as rows and checks as seed 004 (screenshot paste-word.png)', async () => {
  const html = readFileSync(fixture('004-word-clipboard.html'), 'utf8');
  const plain = readFileSync(seedPath('004'), 'utf8');
  await area().fill('先写的几个字');
  await copyHtml(page, html, plain);
  await area().click();
  await page.keyboard.press('Control+A');
  const shown = cliText(fixture('004-word-clipboard.html'));
  const started = Date.now();
  await page.keyboard.press('Control+V');
  await rendered(shown);
  timings.wordPasteMs = Date.now() - started;
  const text = await assertShownAsCli(fixture('004-word-clipboard.html'), '004', 'Word paste');
  // The grid, not the browser's plain text: T3's rows are single lines with their numbers.
  assert.match(text, /\n三、本年度办理结果　（一）予以公开　*\t(0\t){6}0\n/, 'a T3 row on one line: its labels, then its seven cells between tabs');
  assert.ok((await page.locator('.editor .backdrop mark.hl, .editor .backdrop .insert-marker').count()) > 0, 'highlights');
  await page.screenshot({ path: path.join(OUT, 'paste-word.png') });

  // The paste is one editing step: undo brings back what was there.
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(() => document.querySelector('#report-text').value === '先写的几个字');
});

test('the 「上年年报」 box takes a Word paste the same way', async () => {
  const html = readFileSync(fixture('004-word-clipboard.html'), 'utf8');
  await copyHtml(page, html);
  const previous = page.locator('#previous-text');
  if (!(await previous.isVisible())) await page.locator('#previous-label').click();
  await previous.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const expected = cliText(fixture('004-word-clipboard.html'));
  await page.waitForFunction((t) => document.querySelector('#previous-text').value === t, expected, { timeout: 10_000 });
  await previous.fill('');
});

test('a paste without a table is left to the browser (its plain text)', async () => {
  await area().fill('');
  await copyHtml(page, '<p>一、总体情况</p><p>正文<b>加粗</b></p>', '一、总体情况\n正文加粗');
  await area().click();
  await page.keyboard.press('Control+V');
  await rendered('一、总体情况\n正文加粗');
});

test('pasted HTML with images, styles and scripts loads and runs nothing; only its text and grid arrive', async () => {
  await area().fill('');
  const html =
    '<link rel="stylesheet" href="http://203.0.113.7/a.css"><script>window.__ran = 1</script>' +
    '<p style="color:red">表二<img src="http://203.0.113.7/x.png" onerror="window.__ran = 2"></p>' +
    '<table><tr><td rowspan="2">规章</td><td>1</td></tr><tr><td>2</td></tr></table>';
  await copyHtml(page, html);
  await area().click();
  await page.keyboard.press('Control+V');
  await rendered('表二\n\n规章\t1\n\u3000\u3000\t2\n');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'no script or handler ran');
  assert.deepEqual(browser.requests.filter((u) => u.includes('203.0.113.7')), [], 'nothing was fetched');
});

const DROPS = [
  ['004.docx', '004', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['000.docx', '000', ''],
  ['002-numbered-headings.docx', '002', ''],
  ['libreoffice/004.docx', '004', ''],
  ['libreoffice/002-numbered-headings.docx', '002', ''],
  ['004-saved-page-gbk.htm', '004', 'text/html'],
  ['004-gbk.txt', '004', 'text/plain'],
  ['004-utf16le.txt', '004', 'text/plain'],
];

for (const [name, id, type] of DROPS) {
  test(`dropping ${name} shows what the CLI reads and checks as seed ${id}`, async () => {
    const [bytes, shown] = [readFileSync(fixture(name)), cliText(fixture(name))];
    const started = Date.now();
    await dropFile(path.basename(name), bytes, type);
    await rendered(shown);
    timings[`drop ${name} ms`] = Date.now() - started;
    const text = await assertShownAsCli(fixture(name), id, `drop ${name}`);
    if (name.endsWith('.txt')) assert.equal(text, readFileSync(seedPath(id), 'utf8'), 'decoded to the seed exactly');
    const loaded = `已载入文件「${path.basename(name)}」`;
    assert.ok((await page.locator('.notice').textContent()).includes(loaded), loaded);
    if (name === '004.docx') {
      await page.screenshot({ path: path.join(OUT, 'drop-docx.png') });
      // The tables as the user sees them in the text: scrolled to T3 (roughly, the box wraps long lines).
      await area().evaluate((a) => {
        a.scrollTop = (a.scrollHeight * a.value.indexOf('申请人情况')) / a.value.length - 40;
        a.dispatchEvent(new Event('scroll'));
      });
      await area().screenshot({ path: path.join(OUT, 'drop-docx-table.png') });
    }
  });
}

test('opening a .docx with 「打开文件」 reads it as the drop does', async () => {
  await area().fill('');
  await page.locator('#open-file').setInputFiles(fixture('000.docx'));
  await assertShownAsCli(fixture('000.docx'), '000', 'file picker');
});

const REFUSED = [
  ['年报.pdf', Buffer.from('%PDF-1.7\n'), /PDF 文件已损坏或不完整/],
  ['年报.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word\/WPS 文档.*另存为 \.docx/],
  ['年报.wps', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /另存为 \.docx/],
  ['扫描件.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /图片中的文字无法检查/],
  ['材料.zip', Buffer.from('PK\x03\x04rest'), /这是压缩包，请先解压/],
  ['程序.exe', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), /不是文本文件/],
  ['坏的.docx', Buffer.from('PK\x03\x04 not a real zip'), /已损坏或不完整/],
];

test('unsupported, broken and oversized files say what to do instead and leave the text as it was', async () => {
  const before = readFileSync(seedPath('002'), 'utf8');
  await area().fill(before);
  await rendered(before);
  const notice = page.locator('.notice.error');
  for (const [name, bytes, advice] of REFUSED) {
    await dropFile(name, bytes);
    await notice.waitFor({ timeout: 5_000 });
    const message = await notice.textContent();
    assert.match(message, new RegExp(`无法打开「${name.replace('.', '\\.')}」：`), name);
    assert.match(message, advice, `${name}: ${message}`);
    assert.equal(await area().inputValue(), before, `${name}: the text is unchanged`);
    if (name === '年报.doc') await page.screenshot({ path: path.join(OUT, 'refused-doc.png') });
    await page.locator('.notice-close').click();
    assert.equal(await page.locator('.notice').count(), 0);
  }
  // Over 20 MB: refused by its size before a byte is read.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(21 * 1024 * 1024)], '大文件.docx'));
    const init = { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: 400, clientY: 400 };
    document.querySelector('#report-text').dispatchEvent(new DragEvent('drop', init));
  });
  await notice.waitFor({ timeout: 5_000 });
  assert.match(await notice.textContent(), /「大文件\.docx」：文件有 21\.0 MB，超过 20 MB/);
  assert.equal(await area().inputValue(), before, 'the text is unchanged');
  await page.locator('.notice-close').click();
});

test('no console errors, no uncaught exceptions, no dialogs', () => {
  assert.deepEqual(browser.problems, []);
  assert.deepEqual(browser.dialogs, []);
});

test('no request left the local server', () => {
  const outside = browser.requests.filter((url) => !url.startsWith(server.origin));
  assert.deepEqual(outside, []);
});
