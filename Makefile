# Heist Ledger: `make serve` and `make test` are all a fresh Debian machine with the Rust
# toolchain needs. Every tool is installed here, only when missing or at the wrong version,
# and nothing is downloaded at build or test time beyond the package registries.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
WASM_OPT_VERSION := version_132
PAGES_URL := /heist-ledger/
# The site's absolute address, when known (the Pages workflow sets it): the feeds, the data
# package and CITATION.cff then carry absolute links; otherwise they use the site's path.
SITE_URL ?=
CHROMEDRIVER ?= /usr/bin/chromedriver
CHROMIUM ?= /usr/bin/chromium

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER
export CHROMIUM
# Apt and cargo must not ask questions.
export DEBIAN_FRONTEND := noninteractive
export CARGO_TERM_COLOR := never

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help tools tool-fonts tool-cargo-bins tool-rust tool-trunk tool-wasm-bindgen tool-node tool-chromium tool-poppler \
	serve build pages test check lint fmt unit web e2e bench render golden schema clean fuzz

help:
	@echo "make serve   build and serve the dashboard at http://127.0.0.1:8080/"
	@echo "make test    run every check and test (installs what is missing)"
	@echo "make build   release build for GitHub Pages into dist/ (public URL $(PAGES_URL))"
	@echo "make bench   measure bundle size, render and load times"
	@echo "make render  the charts as standalone SVG and PNG into renders/ (VIEW='--category bridge ...')"
	@echo "make golden  rewrite the golden SVG snapshots from the shipped dataset"
	@echo "make schema  rewrite public/data/incidents.schema.json and public/data/texts/texts.schema.json from the Rust types"
	@echo "make fuzz    fuzz the loader for FUZZ_SECONDS (default 60; not part of make test)"

## Tools ---------------------------------------------------------------------------------

tools: tool-rust tool-cargo-bins tool-node tool-chromium tool-fonts

# On a cold machine both cargo installs compile at once (about 16 minutes on 2 cores
# instead of 22 one after the other).
tool-cargo-bins:
	@$(MAKE) --no-print-directory -j2 tool-trunk tool-wasm-bindgen

tool-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

tool-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "Installing trunk $(TRUNK_VERSION) (takes ~15 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

# No --locked: the CLI's lock file names a crate version this registry mirror lacks.
tool-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes ~8 minutes on 2 cores)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# wasm-opt (binaryen@132), playwright-core, and for `make bench` lighthouse and echarts (the
# peer page), from package-lock.json into node_modules/.
tool-node:
	@if ! wasm-opt --version 2>/dev/null | grep -q '($(WASM_OPT_VERSION))' \
	  || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/lighthouse ] || [ ! -d node_modules/echarts ]; then \
	  npm ci --no-audit --no-fund; \
	fi

# Debian's chromium and chromium-driver come from one source package, so they match.
tool-chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

# The PNG renders need a font with the Latin glyphs the charts use, and one with Hangul,
# kana and kanji for the Korean and Japanese pages (resvg falls back to it per character).
tool-fonts:
	@if [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-dejavu-core; \
	fi
	@if ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-noto-cjk; \
	fi

# The print test reads the PDFs it makes with poppler's pdftotext, pdfinfo and pdftoppm.
tool-poppler:
	@if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v pdfinfo >/dev/null; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils; \
	fi

## Build and serve -----------------------------------------------------------------------

serve: tool-rust tool-cargo-bins tool-node
	@echo "Serving Heist Ledger at http://127.0.0.1:8080/ (Ctrl-C to stop)"
	trunk serve --offline

# The site exactly as GitHub Pages serves it, under $(PAGES_URL): the wasm app, the default
# view drawn natively into index.html by the same pipeline (readable before any script
# runs), the default charts as standalone SVG/PNG under charts/ for direct linking, every
# frozen release of data/releases/ at its own path v/ID/, and versions.json listing them;
# each release's data package (package/: CSV tables, datapackage.json, README, zip), the
# feeds of the releases (feed.atom, feed.json) and CITATION.cff.
# PAGES_URL can be set on the command line: make build PAGES_URL=/my-fork/
build pages: tool-rust tool-cargo-bins tool-node tool-fonts
	trunk build --release --offline --public-url $(PAGES_URL)
	@# Trunk's page before the first view goes in: `make bench` renders its larger sites into it.
	mkdir -p target && cp dist/index.html target/shell.html
	cargo run --locked --bin render -- --data public/data/incidents.json --html dist/index.html \
	  --out dist/charts --page-url $(PAGES_URL) --releases data/releases --site-url "$(SITE_URL)"
	cp dist/index.html dist/404.html

## Tests ---------------------------------------------------------------------------------

test: tools lint unit web build e2e
	@echo "All checks and tests passed."

lint: tool-rust
	cargo fmt --all -- --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked
	@# The live layer (`web`) is built for the browser only: its docs are checked there.
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --target wasm32-unknown-unknown

fmt:
	cargo fmt --all

# Native tests of the domain: model, validation, aggregation, layout, rendering, dataset.
unit:
	cargo test --locked

# wasm-bindgen-test in headless Chromium through Debian's chromedriver; the locale tables
# again in WebAssembly (Node), to show they give the same bytes as natively.
web: tool-rust tool-wasm-bindgen tool-chromium
	cargo test --locked --target wasm32-unknown-unknown --test web --test locale

# End-to-end against the release build served under $(PAGES_URL).
# Every tests/e2e/*.test.mjs file, one after another (each starts its own server and browser).
e2e: tool-node tool-chromium tool-poppler
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/*.test.mjs

bench: build
	cargo run --release --locked --example bench
	node tests/e2e/bench.mjs

render: tool-fonts
	cargo run --release --locked --bin render -- --data public/data/incidents.json --out renders $(VIEW)

# The loader's fuzz target (fuzz/), not part of `make test`. Only stable rustc is installed:
# RUSTC_BOOTSTRAP lets cargo-fuzz pass its nightly flags, and `-s none` needs no sanitizer
# runtime. Seeds from the fixtures and the shipped dataset; findings go to fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: tool-rust
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/loader
	cp tests/fixtures/*.json public/data/incidents.json fuzz/corpus/loader/
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run loader -s none -- -max_total_time=$(FUZZ_SECONDS)

golden:
	UPDATE_GOLDEN=1 cargo test --locked --test charts
	@echo "Golden snapshots rewritten under tests/golden/; review them with git diff."

schema:
	UPDATE_SCHEMA=1 cargo test --locked --test schema --test texts

clean:
	cargo clean
	rm -rf dist node_modules
