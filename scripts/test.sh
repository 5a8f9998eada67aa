#!/usr/bin/env bash
# Set up (pinned tools, only when missing), then every check CI runs, in order:
# format, lints (native + wasm32), native tests, release build, browser tests, bundle-size report.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh --test

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

mkdir -p target
step "native tests"
cargo test --locked 2>&1 | tee target/native-tests.log
native_passed=$(grep -Eo '[0-9]+ passed' target/native-tests.log | awk '{s+=$1} END {print s+0}')

step "release build (trunk, wasm-opt -Oz)"
trunk build --release --offline

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee target/e2e-tests.log
e2e_passed=$(grep -Eo '^# pass [0-9]+' target/e2e-tests.log | awk '{print $3}')

step "bundle size"
node scripts/size-report.mjs dist reports/bundle-size.json

printf '\nnative: %s passed; browser: %s passed\n' "$native_passed" "${e2e_passed:-0}"
printf 'all: %s passed, 0 failed\n' "$((native_passed + ${e2e_passed:-0}))"
