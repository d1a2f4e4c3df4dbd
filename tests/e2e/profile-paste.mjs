// Not a test: traces a real Ctrl+V of a report repeated to 19 MB in headless Chromium (the release
// build in dist/) and prints the main thread's long tasks with what took their time, to find what
// blocks the tab. `node tests/e2e/profile-paste.mjs [MB] [over]`: with `over`, the paste (of 「（七）总计」
// lines, the slowest text to check) replaces, by Ctrl+A, a long draft pasted first; with `reload`, the page is
// opened again on that draft first, as bounded.test.mjs's long check finds it. The trace is written to
// tests/e2e/out/paste-trace.json (open it in Chromium's DevTools, Performance panel). With
// DIST=<dir> it serves another build: one made with data-wasm-opt="0" keeps the wasm's function
// names, and the main thread's functions by self time are printed too (a CPU profile).
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { launch } from './browser.mjs';
import { EXAMPLE, OUT } from './paths.mjs';

const MB = 1024 * 1024;
const size = Number(process.argv[2] ?? 19) * MB;
const unit = `${readFileSync(EXAMPLE, 'utf8')}\n`;
const over = process.argv[3] === 'over' || process.argv[3] === 'reload';
const reload = process.argv[3] === 'reload';
const report = unit.repeat(Math.floor(size / Buffer.byteLength(unit)));
const labels = '（七）总计\n'.repeat(Math.floor(size / Buffer.byteLength('（七）总计\n')));
const text = over ? labels : report;

const browser = await launch('profile', { clipboard: true, ...(process.env.DIST ? { root: process.env.DIST } : {}) });
const { page, server } = browser;
await page.goto(server.url, { waitUntil: 'load' });
await page.locator('h1').waitFor({ timeout: 30_000 });
if (over) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), report);
  await page.locator('#report-text').click();
  await page.keyboard.press('Control+V');
  await page.locator('.summary .count').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('.notice.checking') === null, null, { timeout: 120_000 });
  if (reload) {
    // As the long-check test finds it: the draft saved, the page opened again on it.
    await page.waitForTimeout(1500);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('.summary .count').first().waitFor({ timeout: 120_000 });
  }
}
await page.evaluate((t) => navigator.clipboard.writeText(t), text);
await page.locator('#report-text').click();
if (over) await page.keyboard.press('Control+A');

const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await cdp.send('Tracing.start', {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'v8', 'blink'].join(','),
  transferMode: 'ReportEvents',
});
await page.keyboard.press('Control+V');
if (over) {
  // Stopped, as the long-check test stops it.
  const stop = page.locator('.notice.checking button', { hasText: '停止检查' });
  await stop.waitFor({ timeout: 60_000 });
  await stop.click();
} else {
  await page.locator('.summary .count').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('.notice.checking') === null, null, { timeout: 120_000 });
}
await page.waitForTimeout(2000);
await cdp.send('Tracing.end');
await done;
const { profile } = await cdp.send('Profiler.stop');
// Self time by function, from the samples.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const gaps = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const { functionName, url } = byId.get(id).callFrame;
  const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + (gaps[i + 1] ?? 0) / 1000);
});
// Who calls the costliest functions: their callers' chains, by time.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const chains = new Map();
profile.samples.forEach((id, i) => {
  const { functionName } = byId.get(id).callFrame;
  if (!/memcmp|decode|set_value|encodeInto|clone|IString/.test(functionName)) return;
  const chain = [];
  for (let at = parent.get(id); at !== undefined && chain.length < 8; at = parent.get(at)) {
    const name = byId.get(at).callFrame.functionName;
    if (name) chain.push(name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 90));
  }
  const key = `${functionName.slice(0, 40)} ← ${chain.join(' ← ')}`;
  chains.set(key, (chains.get(key) ?? 0) + (gaps[i + 1] ?? 0) / 1000);
});
console.log('callers:');
for (const [key, ms] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1)}  ${key}`);
console.log('self time by function (ms):');
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms.toFixed(1)}  ${name}`);
await writeFile(path.join(OUT, 'paste-trace.json'), JSON.stringify({ traceEvents: events }));

// The renderer's main thread, and its tasks of 50 ms or more, each with the events under it.
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((t) => t.pid === e.pid && t.tid === e.tid && t.name === 'RunTask'));
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= 50_000).sort((a, b) => a.ts - b.ts);
for (const task of tasks) {
  console.log(`task at ${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms`);
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 5_000);
  for (const e of inside.sort((a, b) => a.ts - b.ts)) {
    const depth = inside.filter((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur).length;
    const detail = e.args?.data?.type ?? e.args?.data?.functionName ?? e.args?.data?.url?.split('/').pop() ?? '';
    console.log(`${'  '.repeat(depth + 1)}${e.name} ${detail} ${(e.dur / 1000).toFixed(1)} ms`);
  }
}
await browser.close();
