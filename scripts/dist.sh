#!/usr/bin/env bash
# Makes the bundle an office's IT staff deploy: nianbao-web-<version>.zip holds the release page (built for
# any sub-path) and ready server settings (IIS web.config, nginx and Apache snippets, 部署说明.txt).
#   scripts/dist.sh            → nianbao-web-<version>.zip in the checkout's top folder
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cargo fetch --locked
trunk build --release --offline --public-url ./
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out="$PWD/nianbao-web-$version.zip"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r dist/. "$stage/"
cp deploy/web.config deploy/.htaccess deploy/nginx.conf deploy/部署说明.txt "$stage/"
rm -f "$out"
(cd "$stage" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    # Sub-folders too: wasm-bindgen puts the JavaScript snippets the page imports in snippets/.
    for folder, subfolders, names in sorted(os.walk(".")):
        subfolders.sort()
        for name in sorted(names):
            z.write(os.path.relpath(os.path.join(folder, name)))
' "$out")
echo "$out"
