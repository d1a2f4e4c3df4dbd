#!/usr/bin/env node
// The wasm32 linker (.cargo/config.toml): rust-lld, then the target_features section set to Chromium
// 80's features. The page's own code is built for them (target-cpu=mvp + four features), but Rust's
// precompiled standard library marks its functions with the defaults (reference-types, multivalue), and
// wasm-ld lists every feature any input is marked with. wasm-bindgen reads that section to decide to use
// externref tables (Chromium 96+) and wasm-opt to decide what it may emit; neither may here. Whether the
// code truly uses only these features is checked on the release build (tests/e2e/compat.test.mjs).
import { spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const FEATURES = ['bulk-memory', 'bulk-memory-opt', 'mutable-globals', 'nontrapping-fptoint', 'sign-ext'];

const args = process.argv.slice(2);
const lldArgs = args[0] === '-flavor' ? args : ['-flavor', 'wasm', ...args];
// rustc's own rust-lld (in the sysroot, not on PATH), else whatever rust-lld is on PATH.
function bundledLld() {
  try {
    const rustc = process.env.RUSTC ?? 'rustc';
    const sysroot = execFileSync(rustc, ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    const host = execFileSync(rustc, ['-vV'], { encoding: 'utf8' }).match(/^host: (.+)$/m)[1];
    const lld = path.join(sysroot, 'lib/rustlib', host, 'bin/rust-lld');
    return existsSync(lld) ? lld : 'rust-lld';
  } catch {
    return 'rust-lld';
  }
}
const lld = bundledLld();
const linked = spawnSync(lld, lldArgs, { stdio: 'inherit' });
if (linked.status !== 0) process.exit(linked.status ?? 1);

const output = args[args.indexOf('-o') + 1];
if (!output || !output.endsWith('.wasm')) process.exit(0);

function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}
function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

const wasm = readFileSync(output);
const kept = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  let size;
  [size, at] = readLeb(wasm, at);
  const end = at + size;
  let drop = false;
  if (id === 0) {
    const [nameLength, nameAt] = readLeb(wasm, at);
    drop = wasm.subarray(nameAt, nameAt + nameLength).toString() === 'target_features';
  }
  if (!drop) kept.push(wasm.subarray(start, end));
  at = end;
}
const name = Buffer.from('target_features');
const body = [...leb(name.length), ...name, ...leb(FEATURES.length)];
for (const feature of FEATURES) body.push(0x2b, ...leb(feature.length), ...Buffer.from(feature));
kept.push(Buffer.from([0, ...leb(body.length), ...body]));
writeFileSync(output, Buffer.concat(kept));
