#!/usr/bin/env bash
# Install the pinned toolchain, only what is missing or at the wrong version.
# Pins and the reasons for them (../shared/TOOLCHAIN.md, summarised in README "Toolchain"):
# trunk 0.22 needs a newer rustc; Debian's binaryen 108 breaks the wasm at start-up, npm's
# binaryen 132 works and installs in seconds (the crates.io wasm-opt takes ~9 minutes to compile);
# the wasm-bindgen CLI must equal the crate's version.
#   scripts/setup.sh          what `make serve` needs: Rust tools, wasm-opt from npm
#   scripts/setup.sh --test   also Chromium and the Node test driver (what `make test` needs)
# Callers put node_modules/.bin first on PATH (Makefile, scripts/test.sh) so Trunk finds wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have_version() { # command, expected substring of `command --version`
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
started=$(date +%s)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The two Rust tools compile side by side (each is mostly single-threaded at times), while the
# crates download; each job's log is shown only if it fails.
jobs_dir=$(mktemp -d)
trap 'rm -rf "$jobs_dir"' EXIT
pids=()
if ! have_version trunk "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (compiles: about 9 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked >"$jobs_dir/trunk.log" 2>&1 &
  pids+=("$!:trunk")
fi
if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles: about 5 minutes)"
  # No --locked: its lock file names a crate version this registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" >"$jobs_dir/wasm-bindgen.log" 2>&1 &
  pids+=("$!:wasm-bindgen")
fi
# `trunk build --offline` also makes cargo offline: fetch the crates first.
cargo fetch --quiet

# wasm-opt (binaryen) and, for tests, the browser driver: pinned in package-lock.json.
need_npm=false
have_version wasm-opt "version $BINARYEN_VERSION" || need_npm=true
if [ "${1:-}" = "--test" ] && ! node -e "require.resolve('playwright-core'); require.resolve('axe-core')" 2>/dev/null; then
  need_npm=true
fi
if $need_npm; then
  log "installing the npm tools (binaryen $BINARYEN_VERSION's wasm-opt, playwright-core, axe-core; no browser download)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ] && ! [ -x /usr/bin/chromium ]; then
  log "installing Debian chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

for job in "${pids[@]}"; do
  if ! wait "${job%%:*}"; then
    log "installing ${job#*:} failed:"
    tail -n 40 "$jobs_dir/${job#*:}.log"
    exit 1
  fi
done
log "toolchain ready in $(( $(date +%s) - started )) s: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
