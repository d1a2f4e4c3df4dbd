#!/usr/bin/env bash
# Installs, idempotently, what building and testing nianbao needs on a fresh Debian machine with rustup.
# Versions are pinned: Trunk 0.22 needs a newer rustc; the wasm-bindgen CLI must equal the crate's version.
#   scripts/setup.sh build   wasm target, clippy/rustfmt, Trunk, wasm-bindgen CLI, wasm-opt
#   scripts/setup.sh test    the above, plus Chromium, chromedriver, CJK fonts and the e2e test's npm packages
# When everything is present it only checks, in a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # = the wasm-bindgen pin in Cargo.toml and Trunk.toml
BINARYEN_VERSION=132.0.0       # wasm-opt 132; = the wasm_opt pin in Trunk.toml (version_132)
PLAYWRIGHT_VERSION=1.65.1      # playwright-core, drives /usr/bin/chromium in tests/e2e
ACORN_VERSION=8.19.0           # acorn, the JS parser of tests/e2e/compat.test.mjs (the page parses as ES2020)
AXE_VERSION=4.14.1             # axe-core, the accessibility checks of tests/e2e/handover.test.mjs
TOOLS_DIR="$PWD/.tools"        # npm packages live here, inside the checkout, ignored by git

# `grep -q` stops reading at the first match, and under pipefail the writer's SIGPIPE then fails the
# whole pipeline; this reads everything.
matches() { grep "$@" >/dev/null; }

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

# Runs a long, chatty install with its output in a log, printing a line a minute so CI sees progress;
# shows the log's tail if it fails.
quietly() {
  local label=$1; shift
  local log; log=$(mktemp)
  "$@" >"$log" 2>&1 &
  local pid=$! start=$SECONDS next=60
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2
    if (( SECONDS - start >= next )); then say "  … $label: $(( (SECONDS - start) / 60 )) min"; next=$(( next + 60 )); fi
  done
  if wait "$pid"; then
    rm -f "$log"
  else
    tail -n 60 "$log" >&2; rm -f "$log"
    say "failed: $label"; return 1
  fi
}

npm_version() { # the installed version of an npm package in $TOOLS_DIR, or nothing
  local manifest="$TOOLS_DIR/node_modules/$1/package.json"
  [ -f "$manifest" ] && node -p "require('$manifest').version" 2>/dev/null || true
}

need_npm() { # package@version...
  local wanted=() spec
  for spec in "$@"; do
    [ "$(npm_version "${spec%@*}")" = "${spec##*@}" ] || wanted+=("$spec")
  done
  if [ ${#wanted[@]} -gt 0 ]; then
    say "installing ${wanted[*]} into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    [ -f "$TOOLS_DIR/package.json" ] || echo '{"private":true}' > "$TOOLS_DIR/package.json"
    (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent --save-exact "${wanted[@]}")
  fi
}

# The slow installs (two cargo builds, Debian packages) run side by side: each spends much of its time
# downloading, linking or unpacking, so together they take little more than the longest alone.
pending=()
in_background() { # label command...: starts a quiet install; `wait_all` collects it
  quietly "$@" &
  pending+=("$!:$1")
}
wait_all() {
  local entry failed=0
  for entry in "${pending[@]}"; do
    wait "${entry%%:*}" || { say "failed: ${entry#*:}"; failed=1; }
  done
  pending=()
  return "$failed"
}

start_build() {
  if ! rustup target list --installed | matches -x wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local component
  for component in clippy rustfmt; do
    if ! rustup component list --installed | matches "^$component"; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
  if ! trunk --version 2>/dev/null | matches " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    # A debug build of Trunk builds the same dist/ byte for byte, in half the install time: Trunk
    # itself computes little (rustc, wasm-bindgen and wasm-opt do the work).
    in_background "trunk" cargo install trunk --version "$TRUNK_VERSION" --locked --debug
  fi
  if ! wasm-bindgen --version 2>/dev/null | matches " $WASM_BINDGEN_VERSION\$" \
    || ! wasm-bindgen-test-runner --version 2>/dev/null | matches " $WASM_BINDGEN_VERSION\$"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
    # Not --locked: its lockfile wants a webpki-roots version this registry lacks.
    in_background "wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

start_test() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | matches -i "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    in_background "Debian packages" sh -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${missing[*]}"
  fi
}

case "${1:-test}" in
  build) start_build; need_npm "binaryen@$BINARYEN_VERSION" ;;
  test) start_build; start_test; need_npm "binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "acorn@$ACORN_VERSION" "axe-core@$AXE_VERSION" ;;
  *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac
wait_all
say "tools ready"
