// The core loop of the page (issue 12): marks stay in step after a fix, every jump to a problem lands
// on screen (1366×657, 420 px wide, 200 % zoom), the line under the text box names the selected problem,
// F8 says when it wraps around.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launch, mutateExample } from './browser.mjs';
import { EXAMPLE, OUT } from './paths.mjs';

let browser;
let page;
let mutated; // the example with one cell changed: two table sums break (R02 at line 165, R03)

before(async () => {
  const example = await readFile(EXAMPLE, 'utf8');
  mutated = mutateExample(example);
  browser = await launch('loop');
  page = browser.page;
  await page.goto(browser.server.url, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ timeout: 30_000 });
});

after(async () => {
  await browser?.close();
});

/** Puts `text` in the text box as a paste would (caret at the end) and waits for `count` problems. */
async function paste(text, count) {
  await page.locator('#report-text').fill('');
  await page.locator('#report-text').fill(text);
  if (count === null) {
    await page.waitForFunction(() => document.querySelectorAll('.problem').length > 0 && !document.querySelector('.results.stale'), null, { timeout: 15_000 });
  } else {
    await page.waitForFunction((n) => document.querySelectorAll('.problem').length === n, count, { timeout: 15_000 });
  }
}

const scrolls = () =>
  page.evaluate(() => ({
    area: document.querySelector('#report-text').scrollTop,
    backdrop: document.querySelector('.backdrop').scrollTop,
    window: window.scrollY,
  }));

const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Where the selected mark is, against the window and the text box. */
function selectedMark() {
  return page.evaluate(() => {
    const mark = document.querySelector('.backdrop .selected');
    const area = document.querySelector('#report-text').getBoundingClientRect();
    if (!mark) return null;
    const r = mark.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      inWindow: r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.left < window.innerWidth,
      inBox: r.top >= area.top && r.bottom <= area.bottom,
      under: document.querySelector('.under-caret')?.textContent ?? '',
    };
  });
}

for (const long of [false, true]) {
  const kind = long ? 'a long report (checked when typing pauses)' : 'a short report (checked at every key)';
  test(`after a fix removes a finding in ${kind}, the marks stay in step and the page does not jump`, async () => {
    await page.setViewportSize({ width: 1366, height: 657 });
    // Past 60,000 bytes the page checks when typing pauses, drawing the text without marks meanwhile.
    const text = long ? mutated + '\n' + '本机关持续做好政府信息公开工作。\n'.repeat(1150) : mutated;
    await paste(text, long ? null : 4);
    const at = text.indexOf('\n5 |') + 1;
    // Put the caret on the cell as a drafter would: a key moves it and the browser scrolls the box to it.
    await page.locator('#report-text').click();
    await page.evaluate((at) => document.querySelector('#report-text').setSelectionRange(at, at), at);
    await page.keyboard.press('Shift+ArrowRight');
    await frames();
    const count = await page.locator('.problem').count();
    const before = await scrolls();
    assert.ok(before.area > 1000, `the text box is scrolled: ${JSON.stringify(before)}`);
    assert.equal(before.backdrop, before.area);
    await page.keyboard.type('0');
    await page.waitForFunction((n) => document.querySelectorAll('.problem').length === n - 2, count, { timeout: 15_000 });
    await frames();
    const afterFix = await scrolls();
    assert.equal(afterFix.backdrop, afterFix.area, `the highlight layer scrolls with the text: ${JSON.stringify(afterFix)}`);
    assert.equal(afterFix.area, before.area, 'the text box kept its scroll');
    assert.equal(afterFix.window, before.window, 'the page did not jump');
    await page.screenshot({ path: path.join(OUT, `loop-after-fix${long ? '-long' : ''}.png`) });
  });
}

const SIZES = [
  { name: '1366×657', width: 1366, height: 657 },
  { name: '420 px', width: 420, height: 800 },
  // 200 % zoom of a 1366×657 window: the same layout as a 683×328 CSS-pixel viewport.
  { name: '200 % zoom', width: 683, height: 328 },
];

for (const size of SIZES) {
  test(`every jump lands on screen at ${size.name}: click, Enter and F8`, async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await paste(mutated, 4);
    const count = await page.locator('.problem').count();
    for (let i = 0; i < count; i++) {
      const button = page.locator('.problem-go').nth(i);
      const code = await page.locator('.problem .rule-link').nth(i).textContent();
      if (i % 2 === 0) {
        await button.click();
      } else {
        await button.focus();
        await page.keyboard.press('Enter');
      }
      await frames();
      const mark = await selectedMark();
      assert.ok(mark, `problem ${i} has a selected mark`);
      assert.ok(mark.inWindow, `problem ${i} (${code}): the mark is in the window ${JSON.stringify(mark)}`);
      assert.ok(mark.inBox, `problem ${i} (${code}): the mark is in the text box ${JSON.stringify(mark)}`);
      assert.ok(mark.under.includes(code), `problem ${i}: the line under the box names ${code}: ${mark.under}`);
    }
    await page.screenshot({ path: path.join(OUT, `loop-jump-${size.width}.png`) });
    // F8 from the top, through every problem.
    await page.evaluate(() => {
      const area = document.querySelector('#report-text');
      area.focus();
      area.setSelectionRange(0, 0);
      area.scrollTop = 0;
      window.scrollTo(0, 0);
    });
    await page.locator('#report-text').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('F8');
      await frames();
      const mark = await selectedMark();
      assert.ok(mark?.inWindow && mark.inBox, `F8 #${i + 1}: the mark is on screen ${JSON.stringify(mark)}`);
      const selected = await page.locator('.problem.selected .rule-link').textContent();
      assert.ok(mark.under.includes(selected), `F8 #${i + 1}: the line under the box names ${selected}`);
    }
  });
}

test('F8 past the last problem says it went back to the first', async () => {
  await page.setViewportSize({ width: 1366, height: 657 });
  await paste(mutated, 4);
  await page.locator('.problem-go').last().click();
  await page.keyboard.press('F8');
  await frames();
  assert.equal(await page.locator('.problem-go').first().getAttribute('aria-current'), 'true');
  assert.match(await page.locator('.notice').textContent(), /回到第一个/);
  await page.keyboard.press('Shift+F8');
  await frames();
  assert.match(await page.locator('.notice').textContent(), /回到最后一个/);
});

test('F8 scrolls the problem list to the selected problem', async () => {
  await page.setViewportSize({ width: 1366, height: 657 });
  // Many findings: every cell of a table row broken.
  const many = mutated.replace(/\n0 \|/g, '\n7 |');
  await page.locator('#report-text').fill('');
  await page.locator('#report-text').fill(many);
  await page.waitForFunction(() => document.querySelectorAll('.problem').length > 20, null, { timeout: 15_000 });
  await page.locator('.problem-go').last().click();
  await frames();
  const visible = await page.evaluate(() => {
    const item = document.querySelector('.problem.selected').getBoundingClientRect();
    const list = document.querySelector('.results').getBoundingClientRect();
    return item.top >= Math.max(0, list.top) && item.bottom <= Math.min(window.innerHeight, list.bottom);
  });
  assert.ok(visible, 'the selected problem is visible in the list');
  for (let i = 0; i < 3; i++) await page.keyboard.press('F8');
  await frames();
  const shown = await page.evaluate(() => {
    const item = document.querySelector('.problem.selected').getBoundingClientRect();
    const list = document.querySelector('.results').getBoundingClientRect();
    return { item: [item.top, item.bottom], list: [list.top, list.bottom], h: window.innerHeight };
  });
  assert.ok(
    shown.item[0] >= Math.max(0, shown.list[0]) && shown.item[1] <= Math.min(shown.h, shown.list[1]),
    `after F8 the selected problem is visible in the list: ${JSON.stringify(shown)}`,
  );
  await page.screenshot({ path: path.join(OUT, 'loop-list.png') });
});

test('a jump selects only the faulty part: the numeral 「6、」, the cell\'s number', async () => {
  await page.setViewportSize({ width: 1366, height: 657 });
  const selection = () =>
    page.evaluate(() => {
      const area = document.querySelector('#report-text');
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
  await paste(mutated.replace('六、其他需要报告的事项', '6、其他需要报告的事项'), 5);
  await page.locator('.problem', { hasText: 'S03' }).locator('.problem-go').click();
  assert.equal(await selection(), '6、');
  await page.screenshot({ path: path.join(OUT, 'loop-numeral.png') });
  await page.locator('.problem', { hasText: 'R02' }).locator('.problem-go').click();
  assert.equal(await selection(), '0', 'the total\'s cell');
  await page.locator('.problem', { hasText: 'C03' }).locator('.problem-go').click();
  assert.equal(await selection(), '', 'a caret at the start of a long place: typing replaces nothing');
});

test('a long list: the counts filter it, findings of one rule collapse, the root cause comes first', async () => {
  await page.setViewportSize({ width: 1366, height: 657 });
  // Every zero cell made a 7: sums break all over the tables.
  await page.locator('#report-text').fill('');
  await page.locator('#report-text').fill(mutated.replace(/\n0 \|/g, '\n7 |'));
  await page.waitForFunction(() => document.querySelectorAll('.problem').length > 20, null, { timeout: 15_000 });
  const total = await page.locator('.problem').count();
  const runs = page.locator('.problem-run');
  assert.ok((await runs.count()) > 0, 'findings of one rule are collapsed');
  assert.match(await runs.first().locator('summary').textContent(), /^.[A-Z]\d\d .+：\d+ 处$/);
  assert.equal(await runs.first().locator('details').getAttribute('open'), null, 'closed until opened');
  await page.screenshot({ path: path.join(OUT, 'loop-long-list.png') });
  await runs.first().locator('summary').click();
  await runs.first().locator('.problem-go').first().click();
  assert.ok(await page.locator('.backdrop .selected').count(), 'an item in an opened group jumps');

  const errors = page.locator('.summary .count.error');
  assert.equal(await errors.getAttribute('aria-pressed'), 'true');
  const errorCount = await page.locator('.problem.error').count();
  assert.ok(errorCount > 0);
  await errors.click();
  assert.equal(await errors.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.problem.error').count(), 0, 'errors hidden');
  assert.equal(await page.locator('.problem').count(), total - errorCount);
  await page.screenshot({ path: path.join(OUT, 'loop-filtered.png') });
  await errors.click();
  assert.equal(await page.locator('.problem').count(), total, 'shown again');

  // Two part headings gone: the list starts by saying so.
  const headless = mutated.replace('二、主动公开政府信息情况\n', '').replace('三、收到和处理政府信息公开申请情况\n', '');
  await page.locator('#report-text').fill(headless);
  await page.locator('.root-cause').first().waitFor({ timeout: 15_000 });
  const first = await page.evaluate(() => document.querySelector('#results').querySelector('.root-cause, .problem-group') .className);
  assert.equal(first, 'root-cause', 'the root cause before the groups');
  assert.match(await page.locator('.root-cause').first().textContent(), /有 2 个部分找不到标题/);
  await page.screenshot({ path: path.join(OUT, 'loop-root-cause.png') });
});

test('no console errors and no uncaught exceptions', () => {
  assert.deepEqual(browser.problems, []);
});
