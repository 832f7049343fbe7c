#!/usr/bin/env bash
# The big screen at ten updates a second, in Debian's Chromium: runs the
# browser scenario (crates/tally-web/e2e/scenario.mjs) RUNS times against a
# Tally already serving on TALLY_URL (scripts/run.sh), and prints, per run,
# the big screen's frame gaps while idle (the baseline, same page, same
# run) and while 240 votes arrive in 3 s (the ticker's 10 updates a
# second), plus how fast the phones followed a slide change. PIN=1 runs
# Chromium pinned to one CPU (taskset -c 0), as on a weak presenter laptop.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
url="${TALLY_URL:-http://127.0.0.1:8080}"
pin=()
[ "${PIN:-0}" = 1 ] && pin=(taskset -c 0)
for i in $(seq 1 "$RUNS"); do
  out=$(TALLY_URL="$url" "${pin[@]}" node crates/tally-web/e2e/scenario.mjs 2>/dev/null)
  echo "$out" | grep -q '\[e2e\] PASS' || { echo "run $i failed"; echo "$out" | tail -20; exit 1; }
  echo "run $i (pinned=${PIN:-0}):"
  echo "$out" | grep -E 'big screen|phones followed' | sed 's/^\[e2e\]/ /'
done
