#!/usr/bin/env bash
# Install the pinned toolchain, only what is missing or at the wrong version.
# Pins and the reasons for them: ../shared/TOOLCHAIN.md (trunk 0.22 needs a newer rustc; Debian's
# binaryen 108 breaks the wasm at start-up; the wasm-bindgen CLI must equal the crate's version).
#   scripts/setup.sh          Rust tools only (what `make serve` needs)
#   scripts/setup.sh --test   also Chromium and the Node test driver (what `make test` needs)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_OPT_VERSION=0.116.1
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have_version() { # command, expected substring of `command --version`
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! have_version trunk "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # No --locked: its lock file names a crate version this registry lacks (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! have_version wasm-opt "version 116"; then
  log "installing wasm-opt $WASM_OPT_VERSION (binaryen 116, about 5 minutes)"
  cargo install wasm-opt --version "$WASM_OPT_VERSION" --locked
fi
# `trunk build --offline` also makes cargo offline: fetch the crates first.
cargo fetch --quiet

if [ "${1:-}" = "--test" ]; then
  if ! [ -x /usr/bin/chromium ]; then
    log "installing Debian chromium"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if ! node -e "require.resolve('playwright-core'); require.resolve('axe-core')" 2>/dev/null; then
    log "installing the Node test driver (playwright-core, axe-core; no browser download)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
log "toolchain ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
