# The two commands (README): `make serve` and `make test`. Both install the pinned tools only
# when missing (scripts/setup.sh). ADDRESS / PORT override where `make serve` listens.
ADDRESS ?= 127.0.0.1
PORT ?= 8080

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

bench:
	cargo bench --bench evaluate

fuzz:
	cd fuzz && cargo +nightly fuzz run decode_link -- -max_total_time=60
