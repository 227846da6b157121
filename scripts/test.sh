#!/usr/bin/env bash
# Runs every test Brownout has, in the order a failure is cheapest to find. Stops at the first
# failing stage and says which.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n======== %s\n' "$*"; }
XVFB_PID=""
finish() {
  status=$?
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  if [ $status -ne 0 ]; then printf '\n!!!!!!!! FAILED at stage: %s\n' "${CURRENT:-set-up}" >&2; fi
}
trap finish EXIT

CURRENT="set-up"; stage "$CURRENT"
bash scripts/setup.sh

# The app embeds ui/dist at compile time, so the UI is built before any cargo step.
CURRENT="UI build"; stage "$CURRENT"
(cd ui && npm run build)

CURRENT="cargo fmt --check"; stage "$CURRENT"
cargo fmt --all --check

CURRENT="cargo clippy"; stage "$CURRENT"
cargo clippy --workspace --all-targets -- -D warnings

CURRENT="UI type check"; stage "$CURRENT"
(cd ui && npm run check)

CURRENT="UI unit tests"; stage "$CURRENT"
(cd ui && npm test)

# The CLI as CI runners install it: no window, no GTK or WebKit. Built here so that
# src-tauri/tests/headless.rs (in the next stage) can check its dynamic libraries.
CURRENT="headless CLI build"; stage "$CURRENT"
bash scripts/build-headless.sh

# Includes the drift check of the generated IPC files (src-tauri/tests/bindings.rs) and the
# headless CLI's library check (src-tauri/tests/headless.rs).
CURRENT="cargo test"; stage "$CURRENT"
cargo test --workspace --exclude brownout-e2e

CURRENT="app build"; stage "$CURRENT"
cargo build -p brownout

CURRENT="real-window tests"; stage "$CURRENT"
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :99 -screen 0 1400x900x24 -nolisten tcp >/tmp/brownout-xvfb.log 2>&1 &
  XVFB_PID=$!
  export DISPLAY=:99
  sleep 1
fi
cargo test -p brownout-e2e -- --test-threads=1

CURRENT="done"
printf '\nAll tests passed.\n'
