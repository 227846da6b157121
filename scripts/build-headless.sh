#!/usr/bin/env bash
# Builds the headless CLI (no window, no GTK or WebKit linked) and puts it at
# target/headless/brownout, where src-tauri/tests/headless.rs checks its libraries.
# CI runners install the same build with:
#   cargo install --path src-tauri --no-default-features --locked
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"

# Nothing window-related may even be in the dependency graph of this build.
if cargo tree -p brownout --no-default-features -e normal --prefix none --format '{p}' |
  grep -E '^(tauri|wry|tao|gtk|webkit2gtk|javascriptcore|soup)[-_ ]'; then
  echo "the headless build (--no-default-features) depends on the window crates listed above" >&2
  exit 1
fi

cargo build -p brownout --no-default-features
mkdir -p "$target/headless"
cp "$target/debug/brownout" "$target/headless/brownout"
echo "headless CLI: $target/headless/brownout"
