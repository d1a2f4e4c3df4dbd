// Static checks on the release build in dist/: the page runs on Chromium 80 (the 信创, 360 and 奇安信
// browsers offices run are built on older Chromium), and its boot script on any browser at all.
//  - every script (Trunk's loader in index.html, the glue, the snippets, the crash guard, the service
//    worker) parses as ES2020 with a real parser (acorn): no top-level await (Chromium 89), no `??=` …;
//  - web/boot.js, which must run in IE's compatibility mode to say what to do, parses as ES3;
//  - the .wasm validates with exactly Chromium 80's features (binaryen's wasm-opt, with the module's own
//    target_features section stripped first, since wasm-opt would otherwise enable what it lists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { DIST, TOOLS } from './paths.mjs';

const { parse } = createRequire(path.join(TOOLS, 'package.json'))('acorn');
const WASM_OPT = path.join(TOOLS, 'node_modules/.bin/wasm-opt');

// Chromium 80: the MVP plus sign extension, non-trapping float-to-int, bulk memory (binaryen 132 names
// its memory.copy/fill part bulk-memory-opt separately) and mutable globals. Not reference types,
// multivalue or anything newer.
const CHROMIUM_80_FEATURES = [
  '--mvp-features',
  '--enable-sign-ext',
  '--enable-nontrapping-float-to-int',
  '--enable-bulk-memory',
  '--enable-bulk-memory-opt',
  '--enable-mutable-globals',
];

async function distFiles(extension) {
  assert.ok(existsSync(DIST), `no ${DIST}: run trunk build --release first`);
  return (await readdir(DIST, { recursive: true })).filter((name) => name.endsWith(extension)).sort();
}

function parses(source, { ecmaVersion = 2020, sourceType = 'module' } = {}) {
  parse(source, { ecmaVersion, sourceType });
}

test('the parser rejects what Chromium 80 cannot run (the check is real)', () => {
  assert.throws(() => parses("const wasm = await init('x');"));
  assert.throws(() => parses('a ??= 1;'));
  assert.throws(() => parses('var f = () => 1;', { ecmaVersion: 3, sourceType: 'script' }));
  parses("import init from './x.js'; init().then(function () {});");
});

test('every script of the page parses as ES2020', async () => {
  const names = await distFiles('.js');
  assert.ok(names.length >= 4, `the glue, a snippet, the crash guard, the boot script and sw.js: ${names}`);
  for (const name of names) {
    const source = await readFile(path.join(DIST, name), 'utf8');
    const module = /^(nianbao-web-[0-9a-f]+\.js|snippets\/)/.test(name);
    assert.doesNotThrow(() => parses(source, { sourceType: module ? 'module' : 'script' }), `${name} is not ES2020`);
  }
});

test('the inline loader in index.html parses as ES2020 and has no top-level await', async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  assert.equal(inline.length, 1, 'one inline module script, the loader');
  assert.doesNotThrow(() => parses(inline[0]), 'the loader is not ES2020');
  assert.doesNotMatch(inline[0], /\bawait\b/);
  assert.match(inline[0], /nianbaoBoot/, 'the loader reports a failed load through the boot script');
});

test('the boot script parses as ES3, so that even IE in compatibility mode runs it', async () => {
  const names = (await distFiles('.js')).filter((name) => /^boot-[0-9a-f]+\.js$/.test(name));
  assert.equal(names.length, 1, 'one boot script in dist/');
  const source = await readFile(path.join(DIST, names[0]), 'utf8');
  assert.doesNotThrow(() => parses(source, { ecmaVersion: 3, sourceType: 'script' }));
});

test('the page has at most four JS snippets, so its wasm tests load through chromedriver', async () => {
  // wasm-bindgen's test page loads run.js, its glue and every snippet at once; Chromium opens six
  // connections to one host, and the test server never answered a seventh script (the browser tests
  // then hung for 300 s). Put a new snippet's functions in an existing file (src/js/*.js).
  // The snippets the page's glue imports (dist/snippets may keep a renamed one from an earlier build).
  const glue = (await readdir(DIST)).find((name) => /^nianbao-web-[0-9a-f]+\.js$/.test(name));
  const source = await readFile(path.join(DIST, glue), 'utf8');
  const snippets = [...new Set(source.match(/snippets\/[^'"]+\.js/g) ?? [])];
  assert.ok(snippets.length > 0 && snippets.length <= 4, `${snippets.length} snippets: ${snippets}`);
});

test('the wasm validates with only the Chromium 80 feature set', async (t) => {
  // The page's, the PDF worker's (loaded only when a PDF is opened, issue 13) and the check worker's
  // (long texts and .docx files, issue 17).
  const names = await distFiles('.wasm');
  assert.equal(names.length, 3, `the page, the PDF worker and the check worker: ${names}`);
  for (const worker of ['nianbao-pdf-worker_bg.wasm', 'nianbao-check-worker_bg.wasm']) assert.ok(names.includes(worker), `${worker} in ${names}`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'nianbao-compat-'));
  try {
    for (const name of names) {
      const stripped = path.join(work, 'stripped.wasm');
      execFileSync(WASM_OPT, [path.join(DIST, name), '--strip-target-features', '-o', stripped]);
      try {
        execFileSync(WASM_OPT, [...CHROMIUM_80_FEATURES, stripped, '-o', path.join(work, 'checked.wasm')], { stdio: 'pipe' });
      } catch (error) {
        const log = String(error.stderr).split('\n');
        assert.fail(`${name} needs more than Chromium 80 has:\n${log.slice(0, 12).join('\n')}\n… (${log.length} lines)`);
      }
      t.diagnostic(`${name} validates with ${CHROMIUM_80_FEATURES.join(' ')}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
