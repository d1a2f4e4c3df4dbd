#!/usr/bin/env bash
# Serves the page for development on http://127.0.0.1:8080 (rebuilds on change). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
cargo fetch --locked
echo "Open http://127.0.0.1:8080 and click 「载入示例」."
exec trunk --skip-version-check serve --offline --address 127.0.0.1 --port 8080
