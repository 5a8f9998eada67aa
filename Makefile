# The two commands (README): `make serve` and `make test`. Both install the pinned tools only
# when missing (scripts/setup.sh). ADDRESS / PORT override where `make serve` listens.
ADDRESS ?= 127.0.0.1
PORT ?= 8080
# Trunk finds wasm-opt (npm's binaryen) and the cargo-installed tools here.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build setup bench fuzz

serve:
	scripts/setup.sh
	trunk serve --offline --release --address $(ADDRESS) --port $(PORT)

test:
	scripts/test.sh

build:
	scripts/setup.sh
	trunk build --release --offline

setup:
	scripts/setup.sh --test

# The app against a bare Leptos counter built the same way (bench/counter), in one run:
# sizes, first render, input latency (1× and 4× CPU), Lighthouse, criterion. Writes
# reports/bench.json and prints the table the README quotes.
bench:
	scripts/setup.sh --test
	trunk build --release --offline
	cargo fetch --quiet --manifest-path bench/counter/Cargo.toml
	cd bench/counter && CARGO_TARGET_DIR=../../target/bench/counter-target trunk build --release --offline
	[ -f bench/node_modules/lighthouse/package.json ] || npm ci --prefix bench --no-audit --no-fund --loglevel=error
	cargo bench --bench evaluate
	node scripts/bench.mjs

fuzz:
	cd fuzz && cargo +nightly fuzz run decode_link -- -max_total_time=60
