#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test.
# The tests start their own throwaway Postgres (and, later, Redis) servers on
# loopback in temporary directories; nothing here needs a running service.
set -euo pipefail
cd "$(dirname "$0")/.."
export TALLY_DEPS_BROWSER=1
source scripts/deps.sh

# One test process at a time per binary keeps the 2-core CI machine from
# thrashing; the tests inside each binary still run in parallel.
cargo test --workspace --locked -- --test-threads="${TALLY_TEST_THREADS:-8}"
