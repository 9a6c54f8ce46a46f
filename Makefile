# The front door. `make run` serves with embedded defaults; `make test` runs every test.
SHELL := /bin/bash
APT_PACKAGES := postgresql pkg-config libespeak-ng-dev espeak-ng libmp3lame-dev libopusenc-dev sox mpg123 opus-tools \
  python3-venv build-essential cmake curl
DATA_DIR ?= ./data

.PHONY: run test build deps bench bench-http clean-data eval lint

## Install the Debian packages the build and tests need (skipped when present).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build --product companion

## Serve on http://127.0.0.1:8080 with SQLite under ./data, the demo hospital and dev one-time codes.
run: build
	.build/debug/companion serve --data-dir $(DATA_DIR)

## Every test, on SQLite and (when a PostgreSQL server can be started here) on PostgreSQL; the model engine also
## against a real llama.cpp server on a tiny random GGUF when one can be started (it needs PyPI the first time);
## then schemathesis against the served contract (scripts/contract-fuzz.sh; PyPI the first time as well).
test: deps
	@if [ -z "$$COMPANION_TEST_POSTGRES_URL" ]; then eval "$$(scripts/start-postgres.sh)"; fi; \
	if [ -z "$$COMPANION_TEST_MODEL_URL" ]; then eval "$$(scripts/start-model-server.sh)" || echo "no model server: its test is skipped" >&2; fi; \
	swift build --build-tests && SWIFT_BACKTRACE=$${SWIFT_BACKTRACE:-interactive=no,symbolicate=fast} \
	  swift test --skip-build 2>&1 | tee .build/test-output.txt; \
	status=$${PIPESTATUS[0]}; [ $$status -eq 0 ] || exit $$status; \
	scripts/contract-fuzz.sh

## Benchmarks: start-up, idle memory, HTTP throughput against a bare Hummingbird route (wrk on loopback),
## the release-minute booking rush through HTTP, and speech (synthesis speed, encoders, the espeak-ng command side
## by side, memory over 10,000 syntheses, cached audio over HTTP), conversation turns, the time to the first audio of a
## streamed reply, and record drafting (speed of the built-in engine on 30- and 300-turn consultations; ROUGE-L on
## ../shared/data when it is there).
bench: deps
	@command -v wrk >/dev/null && command -v jq >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); $$SUDO apt-get install -y -qq wrk jq; }
	swift build -c release --scratch-path .build-release --product companion
	swift build -c release --scratch-path .build-release --product bench-bare-route
	swift build -c release --scratch-path .build-release --product bench-rush
	swift build -c release --scratch-path .build-release --product bench-speech
	swift build -c release --scratch-path .build-release --product bench-dialogue
	swift build -c release --scratch-path .build-release --product bench-drafting
	swift build -c release --scratch-path .build-release --product bench-stream
	scripts/bench.sh

## Style: swift-format with the project's .swift-format (line length 150); CI runs it before the tests.
## `swift format -i -r Sources Tests Benchmarks` rewrites the files to match.
lint:
	swift format lint --strict -r Sources Tests Benchmarks

## Triage on the project's frozen test part (fixtures/triage; docs/conversation.md keeps the figures).
eval: build
	.build/debug/companion eval-triage --input fixtures/triage/departments.test.jsonl --input fixtures/triage/red-flags.test.jsonl
	.build/debug/companion eval-drafts --input fixtures/drafting/own.test.jsonl

clean-data:
	rm -rf $(DATA_DIR)
