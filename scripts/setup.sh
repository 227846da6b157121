#!/usr/bin/env bash
# Installs what Brownout needs to build, run and test on Debian 12. Idempotent: installs only
# what is missing, so a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev libxdo-dev
  xvfb webkit2gtk-driver imagemagick
  python3-yaml python3-icalendar
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  need_root env DEBIAN_FRONTEND=noninteractive apt-get update
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "Debian packages: all present"
fi

# Vite 8 and its Svelte plugin need Node.js ^20.19 || ^22.12 || >=24 (Debian 12's own nodejs is 18).
node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if ! { [ "$node_major" -ge 24 ] || { [ "$node_major" -eq 22 ] && [ "$node_minor" -ge 12 ]; } ||
  { [ "$node_major" -eq 20 ] && [ "$node_minor" -ge 19 ]; }; }; then
  echo "Node.js $(node --version) does not fit: the UI build (Vite 8) needs Node.js 20.19+, 22.12+ or 24+." >&2
  echo "Install one (for example from NodeSource's Debian packages) and run this again." >&2
  exit 1
fi
say "Node.js $(node --version): fits"

if ! command -v cargo >/dev/null; then
  echo "Rust (cargo) is not installed: install it with rustup (https://rustup.rs) and run this again." >&2
  exit 1
fi

if ! command -v tauri-driver >/dev/null; then
  say "Installing tauri-driver (cargo install tauri-driver --locked)"
  cargo install tauri-driver --locked
else
  say "tauri-driver: present"
fi

say "Installing the UI's npm packages (npm ci)"
(cd ui && npm ci --no-audit --no-fund)
