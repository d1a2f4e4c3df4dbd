#!/usr/bin/env bash
# Installs, idempotently, what building and testing nianbao needs on a fresh Debian machine with rustup.
# Versions are pinned: Trunk 0.22 needs a newer rustc; the wasm-bindgen CLI must equal the crate's version.
#   scripts/setup.sh build   wasm target, Trunk, wasm-bindgen CLI, wasm-opt
#   scripts/setup.sh test    the above, plus Chromium, chromedriver, CJK fonts and the e2e test's npm packages
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
TOOLS_DIR="$PWD/.tools"   # npm packages live here, inside the checkout, ignored by git

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

need_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
    # Not --locked: its lockfile wants a webpki-roots version this registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  need_npm
}

need_npm() {
  if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] || [ ! -d "$TOOLS_DIR/node_modules/playwright-core" ]; then
    say "installing binaryen@$BINARYEN_VERSION (wasm-opt) and playwright-core into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" playwright-core@1)
  fi
}

need_test() {
  need_build
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

case "${1:-test}" in
  build) need_build ;;
  test) need_test ;;
  *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac
say "tools ready"
