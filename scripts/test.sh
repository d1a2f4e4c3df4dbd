#!/usr/bin/env bash
# THE test command: installs what is missing (pinned), then runs every check in order and stops at the
# first failure.  Usage: scripts/test.sh
#   fmt · clippy (native, wasm32) · native cargo test · browser tests (wasm-bindgen-test in headless
#   Chromium) · release build (trunk) · size budget · Chromium 80 (scripts parse as ES2020, the wasm validates
#   with Chromium 80's features) · release CLI (compared with the page) · the deploy bundle · end-to-end tests
#   (Node + playwright-core)
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_PROGRESS_WHEN=never

if [ -t 1 ]; then B=$'\033[1m'; G=$'\033[32m'; R=$'\033[31m'; N=$'\033[0m'; else B=; G=; R=; N=; fi

summary=()
started=$SECONDS

finish() {
  local status=$1
  echo
  echo "${B}== scripts/test.sh summary ==${N}"
  local line
  for line in "${summary[@]}"; do echo "$line"; done
  local total=$(( SECONDS - started ))
  if [ "$status" -eq 0 ]; then
    echo "${G}${B}PASS${N}: all ${#summary[@]} steps passed in $(( total / 60 ))m$(( total % 60 ))s"
  else
    echo "${R}${B}FAIL${N} after $(( total / 60 ))m$(( total % 60 ))s (the steps after the failed one did not run)"
  fi
}

# step NAME COMMAND...: runs one check, records its time, and stops everything if it fails.
step() {
  local name=$1; shift
  echo
  echo "${B}==> $name${N}  ($*)"
  local t0=$SECONDS status=0
  "$@" || status=$?
  local took=$(( SECONDS - t0 ))
  if [ "$status" -eq 0 ]; then
    summary+=("  ${G}ok${N}    $(printf '%-24s %5ss' "$name" "$took")")
  else
    summary+=("  ${R}FAIL${N}  $(printf '%-24s %5ss' "$name" "$took")  exit $status: $*")
    finish 1
    exit "$status"
  fi
}

node_test() { # node's built-in runner: readable on stdout, TAP in tests/e2e/out/<name>.tap
  local name=$1; shift
  mkdir -p tests/e2e/out
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="tests/e2e/out/$name.tap" "$@"
}

step "setup"                scripts/setup.sh test
step "cargo fetch"          cargo fetch --locked
export CARGO_NET_OFFLINE=true   # everything below builds from what was fetched
step "fmt"                  cargo fmt --all --check
step "clippy (native)"      cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"      cargo clippy --target wasm32-unknown-unknown -p nianbao -p nianbao-web --lib --bins --test web -- -D warnings
step "clippy (PDF worker)"  cargo clippy --target wasm32-unknown-unknown -p nianbao-pdf-worker --bins -- -D warnings
step "clippy (check worker)"  cargo clippy --target wasm32-unknown-unknown -p nianbao-check-worker --bins -- -D warnings
step "cargo test (native)"  cargo test --workspace
step "browser tests"        cargo test --target wasm32-unknown-unknown -p nianbao-web --test web
step "trunk build"          trunk build --release --offline --public-url ./
step "size budget"          node_test size tests/e2e/size.test.mjs
step "Chromium 80"          node_test compat tests/e2e/compat.test.mjs
step "CLI build"            cargo build --release --bin nianbao
step "deploy bundle"        scripts/dist.sh
step "end-to-end"           node_test e2e tests/e2e/page.test.mjs tests/e2e/checker.test.mjs tests/e2e/imports.test.mjs tests/e2e/deploy.test.mjs tests/e2e/draft.test.mjs tests/e2e/reach.test.mjs tests/e2e/loop.test.mjs tests/e2e/fixes.test.mjs tests/e2e/handover.test.mjs tests/e2e/pdf.test.mjs tests/e2e/desk.test.mjs tests/e2e/bounded.test.mjs
finish 0
