// Where things are, for the Node tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/e2e/out');
export const EXAMPLE = path.join(ROOT, 'crates/nianbao/tests/fixtures/seeds/002_b422951fb7a0dba1.txt');
// npm packages (playwright-core) are installed by scripts/setup.sh into .tools/, not into the repository.
export const TOOLS = path.join(ROOT, '.tools');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The real reports, exactly as pasted (crates/nianbao/tests/fixtures/seeds/NNN_*.txt).
export const SEEDS = path.join(ROOT, 'crates/nianbao/tests/fixtures/seeds');
// The native CLI, built by scripts/test.sh (`cargo build --release --bin nianbao`) before the end-to-end step.
export const CLI = process.env.NIANBAO_CLI ?? path.join(ROOT, 'target/release/nianbao');
// Quiet, offline headless Chromium, the same for every end-to-end test: no background services that would
// reach for the network.
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
