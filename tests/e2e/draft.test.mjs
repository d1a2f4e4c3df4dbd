// End to end, issue 18 (the page's part): the page never dies and the draft is never lost. In headless
// Chromium against the release build: a failure of the checker (a trap) reloads the page with the text
// kept and a message; a file without text, 「清空」, 「载入示例」 and a file load keep the draft or can be
// undone; a full localStorage is told, with the draft to download; a second tab editing the same draft
// is noticed; a Word paste of 2,500 lines is fast and undone by one Ctrl+Z. Screenshots and
// timing-draft.json in tests/e2e/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { copyHtml, launch } from './browser.mjs';
import { zip } from './zip.mjs';
import { DIST, EXAMPLE, OUT, ROOT, SEEDS } from './paths.mjs';

const IMPORTS = path.join(ROOT, 'crates/nianbao/tests/fixtures/imports');
const SEED_004 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith('004_'))), 'utf8');
const DRAFT = '一、总体情况\n本机关认真贯彻落实《中华人民共和国政府信息公开条例》……';

let browser;
let page;
let server;
const timings = {};

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run trunk build --release first`);
  browser = await launch('draft', { clipboard: true });
  ({ page, server } = browser);
  await open(page);
});

after(async () => {
  await writeFile(path.join(OUT, 'timing-draft.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
});

async function open(p) {
  await p.goto(server.url, { waitUntil: 'load' });
  await p.locator('h1').waitFor({ timeout: 30_000 });
}

const area = (p = page) => p.locator('#report-text');
const saved = (p = page) => p.evaluate(() => localStorage.getItem('nianbao.draft'));

/** Starts from `text` in the box (typed as one input event), saved. */
async function startWith(text) {
  await area().fill(text);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, text);
}

/**
 * Presses Ctrl+V and returns the milliseconds, timed in the page, from the paste event to the first
 * frame after it was handled (the text read, put in the box, checked and drawn). The clock starts in
 * the window's capture phase: Yew listens at the page's root, before a listener on the text box.
 */
async function timedPaste() {
  await page.evaluate(() => {
    window.__paste = {};
    window.addEventListener('paste', () => (window.__paste.start = performance.now()), { once: true, capture: true });
  });
  await page.keyboard.press('Control+V');
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__paste.start), 0))),
  );
}


/** A .docx (a zip with only word/document.xml) whose body is `body`. */
function docx(body) {
  const xml = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      body +
      '</w:body></w:document>',
  );
  return zip([['word/document.xml', xml]], { deflate: true });
}

/** Drops a file with these bytes on the text box, with real drag events. */
async function dropFile(name, bytes) {
  await page.evaluate(
    ({ name, base64 }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name));
      const target = document.querySelector('#report-text');
      const init = { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer };
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, init));
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
}

/** The next call of performance.now() throws the error a trapping wasm throws (the checker reads the
 *  clock as it starts, so the trap happens inside the check, as a panic or a stack overflow would). */
const armTrap = () =>
  page.evaluate(() => {
    const now = performance.now.bind(performance);
    window.__trap = true;
    performance.now = () => {
      if (window.__trap) {
        window.__trap = false;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      return now();
    };
  });

test('a failure inside the checker reloads the page with the text kept and says so; checking and saving go on (screenshot crash.png)', async () => {
  await startWith(DRAFT);
  await armTrap();
  await area().press('End');
  const reloaded = page.waitForEvent('load');
  await page.keyboard.type('甲');
  await reloaded;
  const notice = page.locator('.notice.error', { hasText: '检查程序出错' });
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.textContent(), /检查程序出错.*您的文字已保存/);
  assert.equal(await area().inputValue(), `${DRAFT}甲`, 'the text typed just before the failure');
  assert.match(await page.locator('#results').textContent(), /还没有检查/);
  await page.screenshot({ path: path.join(OUT, 'crash.png') });

  // Editing checks again, and saves.
  await area().press('End');
  await page.keyboard.type('乙');
  await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
  assert.doesNotMatch(await page.locator('#results').textContent(), /还没有检查/);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, `${DRAFT}甲乙`);
  await open(page);
  assert.equal(await area().inputValue(), `${DRAFT}甲乙`);
  assert.equal(await page.locator('.notice.error', { hasText: '检查程序出错' }).count(), 0, 'a new start');
});

test('a .docx nested 5,000 tables deep does not lose the draft, and the page keeps checking and saving', async () => {
  await startWith(DRAFT);
  const deep = '<w:tbl><w:tr><w:tc>'.repeat(5000) + '<w:p><w:r><w:t>深</w:t></w:r></w:p>' + '</w:tc></w:tr></w:tbl>'.repeat(5000);
  await dropFile('深.docx', docx(deep));
  // Either the reader refuses it or reads it flat (a message), or the checker fails and the page reloads.
  const told = page.locator('.notice');
  await told.first().waitFor({ timeout: 30_000 });
  await page.locator('h1').waitFor({ timeout: 30_000 });
  timings.deepDocx = await told.first().textContent();
  const shown = await area().inputValue();
  assert.ok(shown === DRAFT || shown.includes('深'), `the draft, or the file's text (undoable): ${shown.slice(0, 80)}`);
  if (shown !== DRAFT) {
    await page.getByRole('button', { name: '撤销' }).click();
    assert.equal(await area().inputValue(), DRAFT);
  }
  await area().press('End');
  await page.keyboard.type('丙');
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, `${DRAFT}丙`);
  await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
});

test('a web page whose table spans 65,534 rows from every cell is read in bounded time; the page keeps checking and saving', async () => {
  await startWith(DRAFT);
  // 101 KB: rows × the rows each cell spans would be a grid of 10^8 cells if spans were not bounded.
  const rows = '<tr><td rowspan=65534>1</td><td rowspan=99999999>2</td><td colspan=1000000>3</td></tr>'.repeat(1200);
  const html = `<html><body><p>一、总体情况</p><table>${rows}</table></body></html>`;
  const started = Date.now();
  await dropFile('跨行.html', Buffer.from(html));
  await page.locator('.notice').first().waitFor({ timeout: 30_000 });
  timings.rowspanPageMs = Date.now() - started;
  assert.ok((await area().inputValue()).startsWith('一、总体情况'), 'the page was read');
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await area().inputValue(), DRAFT);
  await area().press('End');
  await page.keyboard.type('丁');
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, `${DRAFT}丁`);
  await page.locator('.summary .count').first().waitFor({ timeout: 10_000 });
});

test('a file without text keeps the draft and says so', async () => {
  await startWith(DRAFT);
  const empty = docx('<w:p/>');
  for (const [name, bytes] of [['空.txt', Buffer.alloc(0)], ['空.docx', empty], ['图.html', Buffer.from('<html><body><img src="x.png"></body></html>')]]) {
    await dropFile(name, bytes);
    const notice = page.locator('.notice.error', { hasText: `「${name}」里没有可读的文字` });
    await notice.waitFor({ timeout: 10_000 });
    assert.equal(await area().inputValue(), DRAFT, name);
    assert.equal(await saved(), DRAFT, `${name}: the saved draft stays`);
  }
});

test('「清空」, 「载入示例」 and a file opened with 「打开文件」 can each be undone; the replaced draft stays stored (screenshot undo.png)', async () => {
  const example = readFileSync(EXAMPLE, 'utf8');
  await startWith(DRAFT);
  await page.getByRole('button', { name: '清空' }).click();
  assert.equal(await area().inputValue(), '');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.replaced')), DRAFT, 'kept while the box is empty');
  await page.screenshot({ path: path.join(OUT, 'undo.png') });
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await area().inputValue(), DRAFT);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, DRAFT);

  await page.getByRole('button', { name: '载入示例' }).click();
  assert.equal(await area().inputValue(), example);
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await area().inputValue(), DRAFT);

  await page.locator('#open-file').setInputFiles(path.join(IMPORTS, '004.docx'));
  await page.locator('.notice', { hasText: '已载入文件「004.docx」' }).waitFor({ timeout: 10_000 });
  assert.notEqual(await area().inputValue(), DRAFT);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.replaced')), DRAFT);
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await area().inputValue(), DRAFT);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, DRAFT);
});

test('a draft localStorage refuses goes to IndexedDB; stored nowhere, it is told with the draft to download (screenshot save-failed.png)', async () => {
  await startWith(DRAFT);
  // Fill localStorage to its quota.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 8) {
      try {
        localStorage.setItem(`filler.${n}`, chunk);
        n += 1;
      } catch {
        chunk = chunk.slice(chunk.length / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  // And IndexedDB refuses too, so the draft is stored nowhere.
  await page.evaluate(() => {
    window.__transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = () => {
      throw new DOMException('refused', 'QuotaExceededError');
    };
  });
  const text = `${DRAFT}\n${'二、主动公开政府信息情况\n'.repeat(200)}`;
  await area().fill(text);
  const notice = page.locator('.notice.save-failed');
  await notice.waitFor({ timeout: 10_000 });
  assert.match(await notice.textContent(), /草稿没能保存/);
  await page.screenshot({ path: path.join(OUT, 'save-failed.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载草稿（.txt）' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '年报草稿.txt');
  assert.equal(readFileSync(await download.path(), 'utf8'), text);

  // IndexedDB accepts again: the draft is stored there, and the notice goes.
  await page.evaluate(() => (IDBDatabase.prototype.transaction = window.__transaction));
  await area().press('End');
  await page.keyboard.type('丁');
  await notice.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await saved(), DRAFT, 'localStorage is still full');
  await open(page);
  assert.equal(await area().inputValue(), `${text}丁`, 'the draft came back from IndexedDB');

  // Room again in localStorage: the draft goes back there and IndexedDB's copy is deleted.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
  });
  await area().press('End');
  await page.keyboard.type('戊');
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, `${text}丁戊`);
  const large = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('nianbao', 1);
        request.onsuccess = () => {
          const get = request.result.transaction('drafts').objectStore('drafts').get('nianbao.draft');
          get.onsuccess = () => resolve(get.result ?? null);
        };
      }),
  );
  assert.equal(large, null, 'no stale copy left in IndexedDB');
});

test('a second tab editing the same draft is noticed instead of overwritten (screenshot other-tab.png)', async () => {
  await startWith(DRAFT);
  const other = await browser.context.newPage();
  await open(other);
  assert.equal(await area(other).inputValue(), DRAFT);
  await area(other).press('End');
  await other.keyboard.type('（另一页）');
  const there = `${DRAFT}（另一页）`;
  await other.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, there);

  const warning = page.locator('.notice.other-tab');
  await warning.waitFor({ timeout: 10_000 });
  assert.match(await warning.textContent(), /另一个标签页修改了这份草稿/);
  await page.screenshot({ path: path.join(OUT, 'other-tab.png') });
  await area().press('End');
  await page.keyboard.type('（本页）');
  await page.waitForTimeout(300);
  assert.equal(await saved(), there, 'this tab does not overwrite the other one silently');

  await page.getByRole('button', { name: '以本页为准' }).click();
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, `${DRAFT}（本页）`);
  await other.locator('.notice.other-tab').waitFor({ timeout: 10_000 });
  await other.getByRole('button', { name: '改用另一页的文字' }).click();
  assert.equal(await area(other).inputValue(), `${DRAFT}（本页）`);
  await other.close();
});

test('a Word paste of the 86 KB clipboard HTML of seed 004: paste to drawn, measured over 5 page loads (timing-draft.json)', async () => {
  const html = readFileSync(path.join(IMPORTS, '004-word-clipboard.html'), 'utf8');
  const runs = [];
  for (let run = 0; run < 5; run += 1) {
    await open(page);
    await area().fill('');
    await copyHtml(page, html);
    await area().click();
    runs.push(Math.round(await timedPaste()));
    assert.equal(await page.locator('.summary .count').count(), 3, 'checked');
    assert.match(await area().inputValue(), /行政复议/, 'the table arrived as its grid');
  }
  const sorted = [...runs].sort((a, b) => a - b);
  timings.wordPaste86KB = { bytes: Buffer.byteLength(html), ms: runs, medianMs: sorted[2] };
  console.log(`86 KB Word paste, paste event to drawn frame: ${runs.join(', ')} ms (median ${sorted[2]})`);
  // A figure to read, not a race: only a gross regression fails.
  assert.ok(sorted[2] < 1000, `median ${sorted[2]} ms`);
  await area().fill('');
});

test('a Word paste of 2,500 lines takes under a second and one Ctrl+Z restores the text (timing-draft.json)', async () => {
  const html = readFileSync(path.join(IMPORTS, '004-word-clipboard.html'), 'utf8');
  const [head, rest] = html.split(/<body[^>]*>/);
  const [body, tail] = rest.split('</body>');
  const copies = 36; // the fixture is 71 lines as a grid
  const long = `${head}<body>${body.repeat(copies)}</body>${tail}`;
  // The fastest of up to three pastes: on a loaded machine one paste can wait on another process for
  // hundreds of milliseconds, while a slow paste path is slow every time.
  const runs = [];
  for (let attempt = 0; attempt < 3 && !(Math.min(...runs) < 1000); attempt += 1) {
    await startWith(DRAFT);
    await copyHtml(page, long, SEED_004.repeat(copies));
    await area().click();
    await area().press('End');
    const started = Date.now();
    const inPage = await timedPaste();
    const value = await area().inputValue();
    const lines = value.split('\n').length;
    runs.push(Math.round(inPage));
    timings.wordPaste = { lines, ms: runs, msSeenByTheTest: Date.now() - started };
    assert.ok(lines >= 2500, `${lines} lines pasted`);
    assert.equal(await page.locator('.summary .count').count(), 3, 'checked');
    assert.ok(value.startsWith(DRAFT) && value.length > DRAFT.length + 10_000, 'pasted at the caret, after the draft');

    await page.keyboard.press('Control+Z');
    assert.equal(await area().inputValue(), DRAFT, 'one Ctrl+Z: the exact text before the paste');
  }
  console.log(`2,500-line Word paste: ${runs.join(', ')} ms`);
  assert.ok(Math.min(...runs) < 1000, `the paste took ${runs.join(', ')} ms`);
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, DRAFT);
});
