// One way to start the page for an end-to-end test: the release build in dist/ served under /nianbao/
// on 127.0.0.1, a fresh headless Chromium profile, and a record of every request, dialog, console
// error and uncaught exception.
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { serve } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, DIST, OUT, TOOLS } from './paths.mjs';

const { chromium } = createRequire(path.join(TOOLS, 'package.json'))('playwright-core');

export const BASE = '/nianbao/';

/**
 * Serves dist/ (or `root`, with content `types` by extension) and opens a browser on a fresh profile
 * named after `name`. With `clipboard`, the page may read and write the system clipboard (a real Ctrl+V
 * pastes what the test put there).
 */
export async function launch(name, { clipboard = false, root = DIST, types = {} } = {}) {
  const server = await serve(root, BASE, types);
  const profile = await mkdtemp(path.join(os.tmpdir(), `nianbao-e2e-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new is among CHROMIUM_ARGS
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const requests = []; // every request made in the browser context
  const dialogs = []; // alert/confirm/prompt dialogs that opened
  const problems = []; // console errors and uncaught exceptions
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await mkdir(OUT, { recursive: true });
  return {
    server,
    context,
    page,
    requests,
    dialogs,
    problems,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Puts `html` and `plain` on the system clipboard of `page`, as a copy in Word or a browser does. */
export function copyHtml(page, html, plain = 'x') {
  return page.evaluate(async ({ html, plain }) => {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]);
  }, { html, plain });
}

/**
 * The example report with one cell of table 3 changed (line 160: 0 → 5), so that two of its sums break
 * (R02 at line 165, R03); it throws if the example no longer has a zero cell there.
 */
export function mutateExample(example) {
  const lines = example.split('\n');
  if (lines[159] !== '0 |') throw new Error(`line 160 of the example is not a zero cell: ${lines[159]}`);
  lines[159] = '5 |';
  return lines.join('\n');
}
