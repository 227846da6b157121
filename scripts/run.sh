#!/usr/bin/env bash
# Sets up, builds the UI and the app, and opens the Brownout window. Arguments go to the app,
# e.g. `bash scripts/run.sh --db /tmp/demo.db`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
(cd ui && npm run build)
cargo build -p brownout
exec target/debug/brownout "$@"
