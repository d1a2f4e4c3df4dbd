// Where things are, for the Node tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/e2e/out');
export const EXAMPLE = path.join(ROOT, 'tests/fixtures/seeds/002_b422951fb7a0dba1.txt');
// npm packages (playwright-core) are installed by scripts/setup.sh into .tools/, not into the repository.
export const TOOLS = path.join(ROOT, '.tools');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
