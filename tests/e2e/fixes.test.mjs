// From checker to fixer on the page (issue 14): a problem's fix applied as typing would (one Ctrl+Z takes
// it back), 「全部修正」, the suggested value in the tables, 「忽略此处」 and 「不再检查此规则」 kept across a
// reload and restored, and nothing of the report in localStorage beyond the draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launch, mutateExample } from './browser.mjs';
import { CLI, EXAMPLE, OUT, SEEDS } from './paths.mjs';

let browser;
let page;
let example;
let mutated; // the example with one cell of table 3 changed (line 160: 0 → 5)
let at; // the byte (and UTF-16) offset of that cell's number

before(async () => {
  example = await readFile(EXAMPLE, 'utf8');
  mutated = mutateExample(example);
  at = mutated.indexOf('\n5 |') + 1;
  browser = await launch('fixes');
  page = browser.page;
  await page.goto(browser.server.url, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ timeout: 30_000 });
});

after(async () => {
  await browser?.close();
});

const value = () => page.locator('#report-text').inputValue();
const codes = () => page.locator('.problem .rule-link').allTextContents();
const settled = () =>
  page.waitForFunction(() => !document.querySelector('.results.stale') && document.querySelector('#results'), null, { timeout: 15_000 });

/** Puts `text` in the text box and waits for its problems. */
async function paste(text) {
  await page.locator('#report-text').fill('');
  await page.locator('#report-text').fill(text);
  await page.waitForFunction((t) => document.querySelector('#report-text').value === t && document.querySelectorAll('.problem').length > 0, text, { timeout: 15_000 });
  await settled();
}

/** Waits until the saved draft is `text`, then reloads the page. */
async function reload(text) {
  await page.waitForFunction((t) => localStorage.getItem('nianbao.draft') === t, text, { timeout: 10_000 });
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction((t) => document.querySelector('#report-text')?.value === t && document.querySelectorAll('.problem').length > 0, text, { timeout: 30_000 });
}

test('a cell\'s fix is typed into the text, re-checked, and Ctrl+Z takes it back exactly', async () => {
  await paste(mutated);
  assert.ok((await codes()).some((c) => c.startsWith('R')), 'the changed cell breaks sums');
  // The tables show what the suspect cell should hold.
  assert.equal(await page.locator('.report-table td.suspect .suggested').first().textContent(), '应为 0');
  await page.locator('.report-table td.suspect').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'fixes-table-suggested.png') });
  const fix = page.locator('.problem .fix', { hasText: '改为 0' }).first();
  await fix.click();
  await page.waitForFunction((t) => document.querySelector('#report-text').value === t, example, { timeout: 10_000 });
  await settled();
  assert.equal(await value(), example, 'the text is the example again, changed only at that cell');
  assert.deepEqual((await codes()).filter((c) => c.startsWith('R')), [], 're-checked: no sum breaks');
  const caret = await page.evaluate(() => [document.activeElement.id, document.querySelector('#report-text').selectionStart]);
  assert.deepEqual(caret, ['report-text', at + 1], 'the caret is right after the edit');
  await page.screenshot({ path: path.join(OUT, 'fixes-after-fix.png') });

  await page.keyboard.press('Control+z');
  await page.waitForFunction((t) => document.querySelector('#report-text').value === t, mutated, { timeout: 10_000 });
  assert.equal(await value(), mutated, 'one Ctrl+Z restores the text exactly');
  await page.waitForFunction(() => [...document.querySelectorAll('.problem .rule-link')].some((a) => a.textContent.startsWith('R')), null, { timeout: 10_000 });
});

for (const seed of ['001', '004']) {
  test(`「全部修正」 on seed ${seed} removes its S03/S04 findings in one undo step`, async (t) => {
    const file = readdirSync(SEEDS).find((f) => f.startsWith(`${seed}_`));
    const text = await readFile(path.join(SEEDS, file), 'utf8');
    await paste(text);
    const before = await codes();
    assert.ok(before.some((c) => c === 'S03' || c === 'S04'), `seed ${seed} has heading findings: ${before}`);
    const started = Date.now();
    await page.locator('.fix-all').click();
    await page.waitForFunction((t) => document.querySelector('#report-text').value !== t, text, { timeout: 10_000 });
    const changed = await page.evaluate((t) => {
      const v = document.querySelector('#report-text').value;
      let a = 0;
      while (a < v.length && v[a] === t[a]) a++;
      return { lines: t.split('\n').length, from: t.slice(0, a).split('\n').length };
    }, text);
    t.diagnostic(`seed ${seed}: ${changed.lines} lines, first change on line ${changed.from}, fixed in ${Date.now() - started} ms`);
    await settled();
    await page.waitForFunction(() => ![...document.querySelectorAll('.problem .rule-link')].some((a) => a.textContent === 'S03' || a.textContent === 'S04'), null, { timeout: 10_000 });
    assert.match(await page.locator('.notice').textContent(), /已自动修正 \d+ 处/);
    if (existsSync(CLI)) {
      const fixed = execFileSync(CLI, ['fix', path.join(SEEDS, file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      assert.equal(await value(), fixed, 'the page fixes what `nianbao fix` fixes');
    }
    await page.screenshot({ path: path.join(OUT, `fixes-all-${seed}.png`) });
    await page.locator('#report-text').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((t) => document.querySelector('#report-text').value === t, text, { timeout: 10_000 });
  });
}

/** Seed 004 (S03/S04 findings near its start, a 5、 heading late) with `filler` lines after line 14. */
async function longReport(filler) {
  const file = readdirSync(SEEDS).find((f) => f.startsWith('004_'));
  const lines = (await readFile(path.join(SEEDS, file), 'utf8')).split('\n');
  return [...lines.slice(0, 14), ...Array(filler).fill('本机关持续做好政府信息公开工作。'), ...lines.slice(14)].join('\n');
}

for (const filler of [1000, 2500]) {
  test(`「全部修正」 over a long stretch (${filler} lines between the fixes) is quick and one Ctrl+Z takes it all back`, async (t) => {
    const long = await longReport(filler);
    // Put in as a file opened would be (Playwright's fill types it, which takes Chromium minutes here).
    await page.locator('#report-text').evaluate((area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, long);
    await page.waitForFunction(() => document.querySelectorAll('.problem').length > 0, null, { timeout: 15_000 });
    await settled();
    // The longest task the main thread runs while the fixes are applied.
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    await page.locator('.fix-all').click();
    await page.waitForFunction((t) => document.querySelector('#report-text').value !== t, long, { timeout: 30_000 });
    const typed = Date.now() - started;
    await page.waitForFunction(() => ![...document.querySelectorAll('.problem .rule-link')].some((a) => a.textContent === 'S03' || a.textContent === 'S04'), null, { timeout: 30_000 });
    const ms = Date.now() - started;
    const longest = await page.evaluate(() => window.__longest);
    t.diagnostic(`${long.split('\n').length} lines: fixes typed in ${typed} ms, re-checked by ${ms} ms; longest main-thread task ${Math.round(longest)} ms`);
    const fixedText = await value();
    if (existsSync(CLI)) {
      const fixed = execFileSync(CLI, ['fix', '-'], { input: long, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
      assert.equal(fixedText, fixed, 'the page fixes what `nianbao fix` fixes');
    }
    assert.ok(ms < 5000, `fixed in ${ms} ms`);
    assert.ok(longest < 1000, `no task of a second or more: ${longest} ms`);

    await page.locator('#report-text').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((t) => document.querySelector('#report-text').value === t, long, { timeout: 10_000 }).catch(() => {});
    assert.equal(await value(), long, 'one Ctrl+Z restores the text exactly');
    // And one redo puts every fix back.
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((t) => document.querySelector('#report-text').value === t, fixedText, { timeout: 10_000 }).catch(() => {});
    assert.equal(await value(), fixedText, 'one redo applies them all again');
  });
}

test('「忽略此处」 hides one finding, still after a reload, until 「恢复」', async () => {
  await paste(mutated);
  const count = await page.locator('.problem').count();
  const first = page.locator('.problem').first();
  const message = await first.locator('.problem-message').textContent();
  const code = await first.locator('.rule-link').textContent();
  await first.locator('.ignore').click();
  await page.waitForFunction((n) => document.querySelectorAll('.problem').length === n - 1, count, { timeout: 10_000 });
  const gone = async () => {
    const messages = await page.locator('.problem .problem-message').allTextContents();
    return !messages.includes(message);
  };
  assert.ok(await gone(), 'the ignored finding left the list');
  const summary = await page.locator('.summary').textContent();
  await reload(mutated);
  assert.equal(await page.locator('.problem').count(), count - 1, 'still ignored after a reload');
  assert.ok(await gone());
  assert.equal(await page.locator('.summary').textContent().then((t) => t.replace(/用时.*$/, '')), summary.replace(/用时.*$/, ''), 'the counts leave it out');
  const panel = page.locator('.ignored li');
  assert.equal(await panel.count(), 1);
  assert.match(await panel.textContent(), new RegExp(`^${code} .*已忽略第 \\d+ 行的一处`));
  await page.locator('.ignored').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'fixes-ignored.png') });
  await panel.locator('.restore').click();
  await page.waitForFunction((n) => document.querySelectorAll('.problem').length === n, count, { timeout: 10_000 });
  assert.equal(await page.locator('.ignored').count(), 0, 'nothing ignored: no panel');
});

test('「不再检查此规则」 hides every finding of the rule, still after a reload, until 「恢复」', async () => {
  const text = mutated.replace('六、其他需要报告的事项', '6、其他需要报告的事项');
  await paste(text);
  assert.ok((await codes()).includes('S03'));
  await page.locator('.problem', { hasText: 'S03' }).locator('.disable').click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.problem .rule-link')].some((a) => a.textContent === 'S03'), null, { timeout: 10_000 });
  await reload(text);
  assert.ok(!(await codes()).includes('S03'), 'still off after a reload');
  assert.match(await page.locator('.ignored li').textContent(), /^S03 .*不再检查此规则/);

  // Nothing of the report is kept beside the draft: every other key holds no line of it.
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  assert.equal(stored['nianbao.draft'], text);
  assert.match(stored['nianbao.ignored'], /^S03\n$/);
  const pieces = text.split('\n').map((l) => l.trim()).filter((l) => l.length >= 4);
  for (const [key, kept] of Object.entries(stored)) {
    if (key === 'nianbao.draft') continue;
    const leaked = pieces.find((p) => kept.includes(p));
    assert.equal(leaked, undefined, `localStorage ${key} holds report text`);
  }

  await page.locator('.ignored .restore').click();
  await page.waitForFunction(() => [...document.querySelectorAll('.problem .rule-link')].some((a) => a.textContent === 'S03'), null, { timeout: 10_000 });
});

test('no console errors and no uncaught exceptions', () => {
  assert.deepEqual(browser.problems, []);
});
