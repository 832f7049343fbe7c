#!/usr/bin/env bash
# One command: the spike path measured RUNS times (default 3), each run with
#   - on every CPU: the /ping ceiling (the baseline), the audience's reads
#     (poll on screen, join code, presentation) against it, every read
#     endpoint at a fixed 1,000 requests/s (RATE), the join burst of 30,000
#     phones (PHONES) within 1 s and, for comparison, within 10 s, the Redis intake
#     sustained at 256, 2,000 and 8,000 connections, a spike of 30,000
#     phones that retry after 429 like phones do, the WebSocket fan-out to
#     30,000 sockets, and the direct-Postgres intake;
#   - pinned, as a stand-in for a slower machine: every server (2 tally
#     processes, Redis, Postgres) on CPU 0 and the load generator on CPU 1,
#     the ping ceiling, the reads, the reads at a fixed rate, the join
#     burst within 1 s, the Redis intake at 256 connections and the spike.
# Every run ends with `tally verify` after each vote scenario and a count of
# intake fallbacks in the servers' logs. Everything runs on this machine, on
# loopback, and stops by itself. Writes a new section to benches/RESULTS.md
# with each run's figures and the spread of the ratios.
#
# Each run also measures the Redis intake of every poll type at 256
# connections, single choice first as the same run's baseline
# (poll-types.md; targets: multiple, scale, ranking, points at >= 0.8x,
# wordcloud and open at >= 0.6x). ONLY=types runs just that part (on every
# CPU and pinned) and writes its own section.
#
# Each run also spikes VOTERS phones onto a word cloud (three words each)
# and onto a quiz with a 20 s timer, beside the single-choice spike: nothing
# lost, `tally verify` agreeing. ONLY=spikes runs just the three spikes (on
# every CPU and pinned) and writes its own section.
#
# Tunables: RUNS (3), SECONDS_PER_RUN (10), VOTERS (30000), WINDOW_MS (1000),
# SOCKETS (30000), PHONES (30000), RATE (1000), WORKERS per process (1),
# ONLY (unset: everything; "types": the poll types' intake only; "spikes":
# the single-choice, word-cloud and quiz spikes only; "edits": the
# WebSocket fan-out of a slide change beside that of a live deck edit,
# issue 26; "editburst": the Redis intake at 256 connections with and
# without EDITS (10) live deck edits a second of the poll voted on,
# interleaved, with the tally processes' CPU per vote, issue 26).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
command -v taskset >/dev/null || { apt-get update -qq && apt-get install -y -qq util-linux >/dev/null; }
ulimit -n "$(ulimit -Hn)"

runs="${RUNS:-3}"
secs="${SECONDS_PER_RUN:-10}"
voters="${VOTERS:-30000}"
sockets="${SOCKETS:-30000}"
window="${WINDOW_MS:-1000}"
phones="${PHONES:-30000}"
rate="${RATE:-1000}"
only="${ONLY:-}"
edits="${EDITS:-10}"
kinds=(single multiple scale ranking points wordcloud open quiz)
workers="${WORKERS:-1}"
# Below the kernel's ephemeral range (32768 and up), so no client socket of
# an earlier load run can be holding them when the servers bind.
port=18080 pg_port=15432 redis_port=16379
all_cpus="0-$(($(nproc) - 1))"

cargo build --release --locked -q -p tally-server -p tally-loadgen
tally=target/release/tally loadgen=target/release/loadgen

work=$(mktemp -d /tmp/tally-bench-XXXX)
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$TALLY_PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg=(); [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --) && chown postgres: "$work"
"${as_pg[@]}" "$TALLY_PG_BIN/initdb" -D "$work/pg" --auth=trust -U postgres >/dev/null
# Production-like durability: fsync and synchronous commit on (defaults).
"${as_pg[@]}" "$TALLY_PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work -c max_connections=300 -c shared_buffers=256MB" start >/dev/null \
  || { tail -n 20 "$work/pg.log" >&2; exit 1; }
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE tally"
db="postgres://postgres@127.0.0.1:$pg_port/tally"
mkdir -p "$work/redis"
# The durable profile: AOF, fsync before every reply.
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save "" \
  --appendonly yes --appendfsync always --daemonize yes --logfile "$work/redis.log" --pidfile "$work/redis.pid"

# Moves Postgres (every process) and Redis onto the CPUs in $1.
pin_stores() {
  local pg_pids; pg_pids=$(pgrep -f "postgres -D $work/pg" || true)
  for p in $pg_pids $(cat "$work/redis.pid"); do taskset -a -p -c "$1" "$p" >/dev/null; done
}
start_tallies() { # $1: intake mode, $2: CPUs
  for i in 1 2; do
    env DATABASE_URL="$db" REDIS_URL="redis://127.0.0.1:$redis_port" PORT="$port" \
      TALLY_INTAKE="$1" TALLY_REUSE_PORT=true TALLY_WORKERS="$workers" TALLY_OPEN_PRESENTER=1 \
      TALLY_MAX_CONNECTIONS_PER_WORKER=25000 TALLY_CLIENT_REQUEST_TIMEOUT_MS=60000 RUST_LOG=warn \
      taskset -c "$2" "$tally" serve >>"$work/tally-$run-$1-$i.log" 2>&1 &
    pids+=($!)
  done
  for _ in $(seq 100); do curl -sf "127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  sleep 1
}
stop_tallies() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
lg_cpus="$all_cpus"
lg() { taskset -c "$lg_cpus" "$loadgen" --target "127.0.0.1:$port" "$@" | tee -a "$work/out-$run.txt"; }
lg_as() { # $1: the name to record the scenario under, then as lg.
  local name=$1; shift
  taskset -c "$lg_cpus" "$loadgen" --target "127.0.0.1:$port" "$@" \
    | sed -E "s/\"scenario\":\"[^\"]+\"/\"scenario\":\"$name\"/" | tee -a "$work/out-$run.txt"
}
# The CPU time so far (utime + stime, in clock ticks) of the processes
# given (one that has exited counts nothing).
ticks_of() {
  local total=0 p f
  for p in "$@"; do
    read -r -a f < "/proc/$p/stat" 2>/dev/null || continue
    total=$((total + f[13] + f[14]))
  done
  echo "$total"
}
# Postgres: the postmaster and its children (the backends of the pools).
pg_all() {
  local pm; pm=$(pgrep -f "postgres -D $work/pg" | head -1)
  echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"
}
measured() { # $1: label; then lg's arguments. Records the CPU of the tally processes, Postgres and Redis over the run.
  local label=$1 before after pg pg_before pg_after redis r_before r_after; shift
  pg=$(pg_all); redis=$(cat "$work/redis.pid")
  before=$(ticks_of "${pids[@]}"); pg_before=$(ticks_of $pg); r_before=$(ticks_of "$redis")
  lg "$@"
  after=$(ticks_of "${pids[@]}"); pg_after=$(ticks_of $pg); r_after=$(ticks_of "$redis")
  echo "CPU {\"scenario\":\"$label\",\"ticks\":$((after - before)),\"postgres\":$((pg_after - pg_before)),\"redis\":$((r_after - r_before))}" >> "$work/out-$run.txt"
}
verify() { # $1: label. Counters, counts and rows must agree after every scenario.
  if env DATABASE_URL="$db" REDIS_URL="redis://127.0.0.1:$redis_port" "$tally" verify --wait 30 > "$work/verify.txt"; then
    echo "VERDICT $1 agree" >> "$work/out-$run.txt"
  else
    echo "VERDICT $1 DIFFER" >> "$work/out-$run.txt"; cat "$work/verify.txt"
  fi
}
fallbacks() { # $1: label. Intake switches to Postgres in the run's logs.
  echo "FALLBACKS $1 $(cat "$work"/tally-"$run"-redis-*.log | grep -c 'falls back to Postgres' || true)" >> "$work/out-$run.txt"
}

types() { # $1: label prefix. The Redis intake of every poll type, single first.
  for kind in "${kinds[@]}"; do
    lg sustained --connections 256 --seconds "$secs" --database-url "$db" --kind "$kind" --label "$1types-$kind"
    verify "$1types-$kind"
  done
}

spike_of() { # $1: label, then loadgen spike's options.
  local label=$1; shift
  lg spike --voters "$voters" --window-ms "$window" --processes 2 --database-url "$db" --label "$label" "$@"
  verify "$label"
}
type_spikes() { # $1: label prefix. The word-cloud and quiz spikes.
  spike_of "$1spike-wordcloud" --kind wordcloud
  spike_of "$1spike-quiz" --kind quiz --time-limit-secs 20
}

for run in $(seq "$runs"); do
  if [ "$only" = edits ]; then
    echo "== run $run of $runs: fan-out of a slide change, then of a live edit" >&2
    lg_cpus="$all_cpus"; pin_stores "$all_cpus"
    start_tallies redis "$all_cpus"
    lg ws --sockets "$sockets" --processes 2
    lg ws --sockets "$sockets" --processes 2 --change edit
    stop_tallies
    continue
  fi
  if [ "$only" = editburst ]; then
    echo "== run $run of $runs: votes with and without $edits edits a second, every CPU, then pinned" >&2
    for where in all pinned; do
      if [ "$where" = all ]; then lg_cpus="$all_cpus"; pin_stores "$all_cpus"; start_tallies redis "$all_cpus"
      else lg_cpus=1; pin_stores 0; start_tallies redis 0; fi
      # A B B A: each pass adds its votes to the poll's data, and later
      # passes run a little slower; this order cancels that drift, which
      # A B A B would charge to the edits.
      for step in votes-1 edits-1 edits-2 votes-2; do
        if [ "${step%-*}" = edits ]; then extra=(--edits-per-sec "$edits"); else extra=(); fi
        measured "$where-$step" sustained --connections 256 --seconds "$secs" --database-url "$db" --label "$where-$step" "${extra[@]}"
        verify "$where-$step"
      done
      stop_tallies
    done
    pin_stores "$all_cpus"
    continue
  fi
  if [ "$only" = spikes ]; then
    echo "== run $run of $runs: spikes by type, every CPU, then pinned" >&2
    lg_cpus="$all_cpus"; pin_stores "$all_cpus"
    start_tallies redis "$all_cpus"
    spike_of "spike-$voters"
    type_spikes ""
    stop_tallies
    pin_stores 0; lg_cpus=1
    start_tallies redis 0
    spike_of pinned-spike
    type_spikes pinned-
    stop_tallies
    continue
  fi
  if [ "$only" = types ]; then
    echo "== run $run of $runs: poll types, every CPU, then pinned" >&2
    lg_cpus="$all_cpus"; pin_stores "$all_cpus"
    start_tallies redis "$all_cpus"
    types ""
    stop_tallies
    pin_stores 0; lg_cpus=1
    start_tallies redis 0
    types pinned-
    stop_tallies
    continue
  fi
  echo "== run $run of $runs: every CPU" >&2
  lg_cpus="$all_cpus"; pin_stores "$all_cpus"
  start_tallies redis "$all_cpus"
  lg ping --connections 256 --seconds "$secs"
  lg reads --connections 256 --seconds "$secs"
  lg rate --rps "$rate" --seconds "$secs"
  for c in 256 2000 8000; do
    lg sustained --connections "$c" --seconds "$secs" --database-url "$db" --label "sustained-redis-$c"
    verify "sustained-redis-$c"
  done
  lg spike --voters "$voters" --window-ms "$window" --processes 2 --database-url "$db"
  verify spike
  type_spikes ""
  lg ws --sockets "$sockets" --processes 2
  lg join --phones "$phones" --window-ms "$window" --processes 4
  lg join --phones "$phones" --window-ms 10000 --processes 4 --label join-burst-10s
  types ""
  stop_tallies
  fallbacks all
  start_tallies postgres "$all_cpus"
  lg sustained --connections 256 --seconds "$secs" --database-url "$db" --label sustained-postgres
  verify sustained-postgres
  stop_tallies

  echo "== run $run of $runs: servers pinned to CPU 0, load generator to CPU 1" >&2
  rm -f "$work"/tally-"$run"-redis-*.log
  pin_stores 0; lg_cpus=1
  start_tallies redis 0
  lg_as pinned-ping ping --connections 256 --seconds "$secs"
  lg reads --connections 256 --seconds "$secs" --prefix pinned-
  lg rate --rps "$rate" --seconds "$secs" --prefix pinned-
  lg join --phones "$phones" --window-ms "$window" --processes 4 --label pinned-join-burst
  lg sustained --connections 256 --seconds "$secs" --database-url "$db" --label pinned-sustained-redis-256
  verify pinned-sustained
  lg_as pinned-spike spike --voters "$voters" --window-ms "$window" --processes 2 --database-url "$db"
  verify pinned-spike
  stop_tallies
  fallbacks pinned
done
pin_stores "$all_cpus"

# The poll types' intake: a table per run and the ratios' spread.
types_report() {
python3 - "$work" "$runs" "$secs" "$only" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform, statistics
work, runs, secs, only = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
kinds = ["single", "multiple", "scale", "ranking", "points", "wordcloud", "open", "quiz"]
targets = {"multiple": 0.8, "scale": 0.8, "ranking": 0.8, "points": 0.8, "wordcloud": 0.6, "open": 0.6}
prefixes = [("every CPU", "")] + ([("pinned", "pinned-")] if only == "types" else [])
if only == "types":
    cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
    print(f"""
## Poll types' intake: run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}), {runs} runs

- Command: `ONLY=types benches/run.sh` (RUNS={runs}, SECONDS_PER_RUN={secs})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores; load generator, 2 tally processes (Redis intake), Redis (AOF, fsync always) and Postgres 15 all on it. Pinned: every server on CPU 0, the load generator on CPU 1.
- Each type: `loadgen sustained --connections 256 --kind <type>`, a new participant per vote, closed loop, {secs} s; single choice first, in the same run, is the baseline of the ratios. `tally verify` after each.
""")
else:
    print("\n### Poll types' intake (Redis, 256 connections, every CPU; single choice of the same run is the baseline)\n")
ratios = {}
for r in range(1, runs + 1):
    res, verdicts = {}, []
    for line in open(f"{work}/out-{r}.txt"):
        if line.startswith("RESULT "):
            s = json.loads(line[7:]); res.setdefault(s["scenario"], s)
        elif line.startswith("VERDICT ") and "types-" in line:
            verdicts.append(line.split(None, 1)[1].strip())
    print(f"Run {r}: `tally verify` {'; '.join(verdicts)}.\n")
    for where, prefix in prefixes:
        base = res[f"{prefix}types-single"]["rate_per_s"]
        print(f"| {where}: type | votes/s | ratio to single | p50 ms | p99 ms | errors | lost | target |")
        print("|---|---|---|---|---|---|---|---|")
        for k in kinds:
            s = res[f"{prefix}types-{k}"]
            ratio = s["rate_per_s"] / max(base, 1e-9)
            ratios.setdefault((where, k), []).append(ratio)
            errs = ", ".join(f"{e}: {n}" for e, n in s["errors"].items()) or "none"
            t = targets.get(k)
            print(f'| {k} | {s["rate_per_s"]:.0f} | {ratio:.2f} | {s["p50_ms"]:.1f} | {s["p99_ms"]:.1f} | {errs} | {s["lost"]} | {"" if t is None else (">= " + str(t))} |')
        print()
print("Ratios to single choice over the runs (min / median / max):\n")
print("| where | type | min | median | max | target | met in every run |")
print("|---|---|---|---|---|---|---|")
for (where, k), xs in ratios.items():
    if k == "single":
        continue
    t = targets.get(k)
    met = "" if t is None else ("yes" if min(xs) >= t else "no")
    print(f"| {where} | {k} | {min(xs):.2f} | {statistics.median(xs):.2f} | {max(xs):.2f} | {'' if t is None else '>= ' + str(t)} | {met} |")
PY
}
# The spikes by poll type: a table per run, single choice beside them.
spikes_report() {
python3 - "$work" "$runs" "$voters" "$window" "$only" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform
work, runs, voters, window, only = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
wheres = [("every CPU", "", f"spike-{voters}")] + ([("pinned", "pinned-", "pinned-spike")] if only == "spikes" else [])
if only == "spikes":
    cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
    print(f"""
## Spikes by poll type: run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}), {runs} runs

- Command: `ONLY=spikes benches/run.sh` (RUNS={runs}, VOTERS={voters}, WINDOW_MS={window})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores; load generator, 2 tally processes (Redis intake), Redis (AOF, fsync always) and Postgres 15 all on it. Pinned: every server on CPU 0, the load generator on CPU 1.
- `loadgen spike --voters {voters} --window-ms {window} --processes 2 --kind <type>`: every phone on its own connection (spread over 127.0.0.x sources), sends within the window, retries after 429/503/504 for up to 30 s. Word cloud: three words per phone (of 50 spellings); quiz: one correct key of three, `time_limit_secs: 20` from the poll's creation. Single choice in the same run is the baseline. `tally verify` after each.
""")
else:
    print(f"\n### Spikes of {voters} phones by poll type (every CPU; single choice of the same run is the baseline)\n")
for r in range(1, runs + 1):
    res, verdicts = {}, {}
    for line in open(f"{work}/out-{r}.txt"):
        if line.startswith("RESULT "):
            s = json.loads(line[7:]); res.setdefault(s["scenario"], s)
        elif line.startswith("VERDICT "):
            label, verdict = line.split()[1:3]; verdicts[label] = verdict
    print(f"| run {r} | spike | acknowledged first try / in the end | refused for good | first try p99 ms | final p99 / max ms | final p99 / single's | durable after last ack ms | lost | refused but stored | `tally verify` |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for where, prefix, single in wheres:
        base = res[single]["spike"]["final_p99_ms"]
        for kind, label in [("single", single), ("wordcloud", f"{prefix}spike-wordcloud"), ("quiz, 20 s timer", f"{prefix}spike-quiz")]:
            s = res[label]; k = s["spike"]
            verdict = verdicts.get(label, verdicts.get("spike" if label == single and not prefix else label, "?"))
            print(f'| {where} | {kind} | {k["accepted_first_try"]} / {k["accepted_final"]} of {k["voters"]} | {k["refused_for_good"]} '
                  f'| {k["first_try_p99_ms"]:.0f} | {k["final_p99_ms"]:.0f} / {k["final_max_ms"]:.0f} | {k["final_p99_ms"] / max(base, 1):.2f} '
                  f'| {s["durable_after_ms"]} | {s["lost"]} | {s["unacknowledged_stored"]} | {verdict} |')
    print()
PY
}
# The fan-out of a live edit beside that of a slide change, per run.
edits_report() {
python3 - "$work" "$runs" "$sockets" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform
work, runs, sockets = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
print(f"""
## A live deck edit's fan-out beside a slide change's: run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}), {runs} runs

- Command: `ONLY=edits benches/run.sh` (RUNS={runs}, SOCKETS={sockets})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores; load generator, 2 tally processes (Redis intake, release build), Redis (AOF, fsync always) and Postgres 15 all on it.
- `loadgen ws --sockets {sockets} --processes 2`: that many audience sockets (over 127.0.0.x sources, across both tally processes) wait for the next slide; then the same with `--change edit`: they wait for a live edit of the poll on screen (`PUT …/deck`, its question fixed: the state they get carries `deck_rev: 2`). Times from the request sent to each socket's receipt. Target (issue 26): the edit within the same bound as the slide change.
""")
print("| run | change | sockets | missed | p50 ms | p99 ms | max ms | within 500 ms |")
print("|---|---|---|---|---|---|---|---|")
for r in range(1, runs + 1):
    res = {}
    for line in open(f"{work}/out-{r}.txt"):
        if line.startswith("RESULT "):
            s = json.loads(line[7:]); res[s["scenario"]] = s
    for name, label in [("ws", "slide change"), ("ws-edit", "live edit")]:
        w = res[name]
        print(f'| {r} | {label} | {w["sockets"]} | {w["missed"]} | {w["slide_p50_ms"]} | {w["slide_p99_ms"]} | {w["slide_max_ms"]} '
              f'| {100 * w["within_500ms"] / max(w["sockets"], 1):.1f} % |')
print()
PY
}
editburst_report() {
python3 - "$work" "$runs" "$edits" "$secs" "$(getconf CLK_TCK)" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform, statistics
work, runs, edits, secs, tck = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
print(f"""
## An edit burst beside the vote intake: run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}), {runs} runs

- Command: `ONLY=editburst benches/run.sh` (RUNS={runs}, EDITS={edits}, SECONDS_PER_RUN={secs})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores; load generator, 2 tally processes (Redis intake, release build), Redis (AOF, fsync always) and Postgres 15 all on it. Pinned: every server on CPU 0, the load generator on CPU 1.
- `loadgen sustained --connections 256` (single choice, the Redis intake) for {secs} s, alone (the baseline, same run) and with `--edits-per-sec {edits}`: a text edit of the poll being voted on every {1000 / float(edits):.0f} ms (`PUT …/deck` with `If-Match`, each from the revision the last one made, so every one is stored, recorded and fanned out). Interleaved A B B A in each run (votes, edits, edits, votes), so that the slow drift of a growing poll cancels. Tally CPU per vote: utime+stime of both tally processes from `/proc/<pid>/stat` over the run, over the votes answered. `tally verify` after each. Target (issue 26): the edit burst slows the vote intake by at most 5 %.
""")
print("| run | where | votes/s alone | votes/s with edits | ratio | tally µs/vote alone | with edits | ratio | edits saved / refused | edit p50 / p99 ms | lost |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
ratios = {"all": ([], []), "pinned": ([], [])}
per_edit = {}
for r in range(1, runs + 1):
    res, ticks, cpu = {}, {}, {}
    for line in open(f"{work}/out-{r}.txt"):
        if line.startswith("RESULT "):
            s = json.loads(line[7:]); res[s["scenario"]] = s
        elif line.startswith("CPU "):
            c = json.loads(line[4:]); ticks[c["scenario"]] = c["ticks"]; cpu[c["scenario"]] = c
    for where in ["all", "pinned"]:
        def pair(kind):
            rs = [res[f"{where}-{kind}-{p}"] for p in (1, 2)]
            ok = sum(x["requests_ok"] for x in rs)
            rate = statistics.mean(x["rate_per_s"] for x in rs)
            us = sum(ticks[f"{where}-{kind}-{p}"] for p in (1, 2)) * 1e6 / tck / max(ok, 1)
            return rs, rate, us
        base, brate, bus = pair("votes")
        burst, erate, eus = pair("edits")
        saved = sum(x["edits"]["saved"] for x in burst); refused = sum(x["edits"]["refused"] for x in burst)
        p50 = max(x["edits"]["p50_ms"] for x in burst); p99 = max(x["edits"]["p99_ms"] for x in burst)
        lost = sum((x.get("lost") or 0) for x in base + burst)
        ratios[where][0].append(erate / brate); ratios[where][1].append(eus / bus)
        # What an edit costs each process: its CPU in the edit runs beyond
        # what the same number of votes cost it in the runs without edits.
        for proc in ("ticks", "postgres", "redis"):
            extra = 0.0
            for p in (1, 2):
                b, e = cpu[f"{where}-votes-{p}"], cpu[f"{where}-edits-{p}"]
                bv, ev = res[f"{where}-votes-{p}"]["requests_ok"], res[f"{where}-edits-{p}"]["requests_ok"]
                extra += e.get(proc, 0) - b.get(proc, 0) * ev / max(bv, 1)
            per_edit.setdefault((where, proc), []).append(extra * 1000 / tck / max(saved, 1))
        print(f"| {r} | {'every CPU' if where == 'all' else 'pinned'} | {brate:.0f} | {erate:.0f} | {erate / brate:.3f} | {bus:.1f} | {eus:.1f} | {eus / bus:.3f} | {saved} / {refused} | {p50} / {p99} | {lost} |")
print()
for where, (rate, cost) in ratios.items():
    print(f"- {'Every CPU' if where == 'all' else 'Pinned'}: throughput ratio median {statistics.median(rate):.3f} ({min(rate):.3f}–{max(rate):.3f}); tally CPU per vote ratio median {statistics.median(cost):.3f} ({min(cost):.3f}–{max(cost):.3f}).")
    costs = "; ".join(f"{name} {statistics.median(per_edit[(where, proc)]):.1f} ({min(per_edit[(where, proc)]):.1f}–{max(per_edit[(where, proc)]):.1f})"
                      for proc, name in (("ticks", "tally"), ("postgres", "Postgres"), ("redis", "Redis")))
    print(f"  CPU ms per edit beyond the votes' (median, range): {costs}.")
print()
PY
}
if [ "$only" = editburst ]; then editburst_report; exit 0; fi
if [ "$only" = edits ]; then edits_report; exit 0; fi
if [ "$only" = types ]; then types_report; exit 0; fi
if [ "$only" = spikes ]; then spikes_report; exit 0; fi

python3 - "$work" "$runs" "$secs" "$voters" "$window" "$workers" "$sockets" "$phones" "$rate" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform, statistics
work, runs, secs, voters, window, workers, sockets, phones, rate = sys.argv[1:]
runs = int(runs)
def load(r):
    res, verdicts, falls = {}, [], {}
    for line in open(f"{work}/out-{r}.txt"):
        if line.startswith("RESULT "):
            s = json.loads(line[7:]); res.setdefault(s["scenario"], s)
        elif line.startswith("VERDICT "):
            verdicts.append(line.split(None, 1)[1].strip())
        elif line.startswith("FALLBACKS "):
            _, label, n = line.split(); falls[label] = int(n)
    return res, verdicts, falls
cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = int(open("/proc/meminfo").readline().split()[1]) // 1024 // 1024
commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
print(f"""
## Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}), {runs} runs

- Command: `benches/run.sh` (RUNS={runs}, SECONDS_PER_RUN={secs}, VOTERS={voters}, WINDOW_MS={window}, SOCKETS={sockets}, PHONES={phones}, RATE={rate}, WORKERS={workers})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores, {mem} GiB; load generator, 2 tally processes, Redis (AOF, fsync always) and Postgres 15 (fsync on) all on it. "Pinned": every server on CPU 0, the load generator on CPU 1.
- The spike's phones retry after 429/503/504, waiting the server's hint plus up to as much again of jitter, for up to 30 s.
- Fixed rate: each read endpoint at {rate} requests/s for {secs} s on 64 connections, open loop; latency from each request's scheduled send time (tokio's timer adds up to 1 ms).
- Join burst: each phone, from cold, connects, resolves the join code, reads the poll on screen, closes that connection and opens the audience WebSocket until its first state; {phones} phones start spread evenly over the window, from 4 load-generator processes. Step latencies: resolve from the phone's scheduled start (connect included), poll and socket from the previous step's end. Freshness: after the burst, with every socket open, the slide moves and 32 read connections (both servers) poll the poll on screen until it changes; ms from the move's answer.
""")
ratios = {}
def keep(name, value): ratios.setdefault(name, []).append(value)
for r in range(1, runs + 1):
    res, verdicts, falls = load(r)
    ping, pg = res["ping"], res["sustained-postgres"]
    red = {c: res[f"sustained-redis-{c}"] for c in (256, 2000, 8000)}
    spike, ws = res[f"spike-{voters}"], res["ws"]
    pping, pred, pspike = res["pinned-ping"], res["pinned-sustained-redis-256"], res["pinned-spike"]
    reads = [("poll on screen", "read-current"), ("join code", "read-join"), ("presentation", "read-presentation")]
    endpoints = ["ping", "presentation", "current", "join", "votes", "results", "presenter-list"]
    def rate_table(prefix):
        rows = []
        for e in endpoints:
            s = res[f"{prefix}rate-{e}"]
            total = s["requests_ok"] + sum(s["errors"].values())
            errs = 100 * sum(s["errors"].values()) / max(total, 1)
            rows.append(f'| {e} | {s["rate_per_s"]:.0f} | {s["p50_ms"]:.1f} | {s["p99_ms"]:.1f} | {s["max_ms"]:.1f} | {errs:.2f}% |')
        return "\n".join(rows)
    def join_row(name, j):
        f = ", ".join(f"{k}: {v}" for k, v in j["failures"].items()) or "none"
        step = lambda k: f'{j[k][1]:.0f}'
        return (f'| {name} | {j["window_ms"]} | {j["joined"]} of {j["phones"]} | {f} | {step("resolve_ms")} | {step("poll_ms")} | {step("socket_ms")} '
                f'| {j["total_ms"][1]:.0f} | {j["all_joined_after_ms"]} | {j["fresh_p50_ms"]:.1f} / {j["fresh_max_ms"]:.1f} | {j["server_cpu_s"]:.1f} s, {j["server_us_per_phone"]:.0f} µs |')
    def spike_row(name, s):
        k = s["spike"]
        return (f'| {name} | {k["accepted_first_try"]} / {k["accepted_final"]} of {k["voters"]} | {k["refused_for_good"]} | {k["retries"]} '
                f'| {k["first_try_p50_ms"]:.0f} / {k["first_try_p99_ms"]:.0f} | {k["final_p50_ms"]:.0f} / {k["final_p99_ms"]:.0f} / {k["final_max_ms"]:.0f} '
                f'| {k["all_acknowledged_after_ms"]} | {s["durable_after_ms"]} | {s["lost"]} | {s["unacknowledged_stored"]} |')
    def rate_row(name, s, unit):
        errs = ", ".join(f"{k}: {v}" for k, v in s["errors"].items()) or "none"
        return f'| {name} | {s["rate_per_s"]:.0f} {unit} | {s["p50_ms"]:.1f} | {s["p99_ms"]:.1f} | {errs} | {"" if s["lost"] is None else s["lost"]} |'
    print(f"""### Run {r}

- `tally verify` after each vote scenario: {"; ".join(verdicts)}.
- Intake fallbacks to Postgres in the servers' logs: every CPU {falls.get("all")}, pinned {falls.get("pinned")}.

| scenario | rate | p50 ms | p99 ms | errors | lost |
|---|---|---|---|---|---|
{rate_row("ping ceiling (GET /ping), 256 conns", ping, "req/s")}
{chr(10).join(rate_row(f"GET {what}, 256 conns", res[key], "req/s") for what, key in reads)}
{rate_row("Redis intake, 256 conns", red[256], "votes/s")}
{rate_row("Redis intake, 2,000 conns", red[2000], "votes/s")}
{rate_row("Redis intake, 8,000 conns", red[8000], "votes/s")}
{rate_row("direct Postgres intake, 256 conns", pg, "votes/s")}
{rate_row("pinned: ping ceiling", pping, "req/s")}
{chr(10).join(rate_row(f"pinned: GET {what}, 256 conns", res["pinned-" + key], "req/s") for what, key in reads)}
{rate_row("pinned: Redis intake, 256 conns", pred, "votes/s")}

| spike of {voters} phones | acknowledged first try / in the end | refused for good | retries | first try p50 / p99 ms | final p50 / p99 / max ms | all acknowledged after ms | durable after last ack ms | lost | refused but stored |
|---|---|---|---|---|---|---|---|---|---|
{spike_row("every CPU", spike)}
{spike_row("pinned", pspike)}

| join burst | window ms | joined | failures | resolve p99 ms | poll p99 ms | socket p99 ms | all three p99 ms | all joined after ms | slide change served everywhere p50 / max ms | servers' CPU, per phone |
|---|---|---|---|---|---|---|---|---|---|---|
{join_row("every CPU", res["join-burst"])}
{join_row("every CPU", res["join-burst-10s"])}
{join_row("pinned", res["pinned-join-burst"])}

| at {rate} req/s, every CPU | rate | p50 ms | p99 ms | max ms | errors |
|---|---|---|---|---|---|
{rate_table("")}

| at {rate} req/s, pinned | rate | p50 ms | p99 ms | max ms | errors |
|---|---|---|---|---|---|
{rate_table("pinned-")}

WebSocket fan-out: {ws["sockets"]} sockets across 2 processes, {ws["missed"]} missed; slide change p50 / p99 / max {ws["slide_p50_ms"]} / {ws["slide_p99_ms"]} / {ws["slide_max_ms"]} ms, **{100*ws["within_500ms"]/max(ws["sockets"],1):.1f}% within 500 ms**; vote to presenter p99 {ws["vote_to_presenter_p99_ms"]:.0f} ms; {ws["server_bytes_per_socket"]/1024:.1f} KiB per idle socket; presenter sees {ws.get("presenter_audience")}.
""")
    for what, key in reads:
        keep(f"GET {what} / ping", res[key]["rate_per_s"] / ping["rate_per_s"])
        keep(f"pinned: GET {what} / pinned ping", res["pinned-" + key]["rate_per_s"] / pping["rate_per_s"])
    keep("Redis 256 / ping", red[256]["rate_per_s"] / ping["rate_per_s"])
    keep("Redis 8,000 / Redis 2,000 conns", red[8000]["rate_per_s"] / red[2000]["rate_per_s"])
    keep("Redis 256 / direct Postgres", red[256]["rate_per_s"] / max(pg["rate_per_s"], 1))
    keep("pinned: Redis 256 / pinned ping", pred["rate_per_s"] / pping["rate_per_s"])
    keep("spike final p99 ms", spike["spike"]["final_p99_ms"])
    keep("spike first-try p99 ms", spike["spike"]["first_try_p99_ms"])
    keep("fan-out % within 500 ms", 100 * ws["within_500ms"] / max(ws["sockets"], 1))
    keep("pinned spike final p99 ms", pspike["spike"]["final_p99_ms"])
    for label, key in [("join burst in 1 s", "join-burst"), ("join burst in 10 s", "join-burst-10s"), ("pinned join burst in 1 s", "pinned-join-burst")]:
        j = res[key]
        keep(f"{label}: phones failed", j["phones"] - j["joined"])
        keep(f"{label}: worst step p99 ms", max(j["resolve_ms"][1], j["poll_ms"][1], j["socket_ms"][1]))
    keep("join burst in 1 s: servers' µs per phone", res["join-burst"]["server_us_per_phone"])
    keep("slide change served everywhere, max ms (30,000 sockets open)", res["join-burst"]["fresh_max_ms"])
    for prefix, label in [("", "every CPU"), ("pinned-", "pinned")]:
        keep(f"{rate} req/s, {label}: worst p99 ms of any endpoint", max(res[f"{prefix}rate-{e}"]["p99_ms"] for e in endpoints))
        keep(f"{rate} req/s, {label}: worst error % of any endpoint", max(
            100 * sum(res[f"{prefix}rate-{e}"]["errors"].values()) / max(res[f"{prefix}rate-{e}"]["requests_ok"] + sum(res[f"{prefix}rate-{e}"]["errors"].values()), 1)
            for e in endpoints))
targets = {
    "GET poll on screen / ping": ">= 0.70", "GET join code / ping": ">= 0.70", "GET presentation / ping": ">= 0.70",
    "pinned: GET poll on screen / pinned ping": "(headroom)", "pinned: GET join code / pinned ping": "(headroom)",
    "pinned: GET presentation / pinned ping": "(headroom)",
    "Redis 256 / ping": ">= 0.35", "Redis 8,000 / Redis 2,000 conns": ">= 0.80",
    "Redis 256 / direct Postgres": ">= 10", "pinned: Redis 256 / pinned ping": "(headroom)",
    "spike final p99 ms": "<= 1000", "spike first-try p99 ms": "<= 250",
    "fan-out % within 500 ms": ">= 99", "pinned spike final p99 ms": "(all acknowledged, 0 lost)",
    "join burst in 1 s: phones failed": "0", "join burst in 1 s: worst step p99 ms": "<= 1000",
    "join burst in 10 s: phones failed": "0", "join burst in 10 s: worst step p99 ms": "<= 1000",
    "pinned join burst in 1 s: phones failed": "0", "pinned join burst in 1 s: worst step p99 ms": "(headroom)",
    "join burst in 1 s: servers' µs per phone": "(cost)",
    "slide change served everywhere, max ms (30,000 sockets open)": "<= 50",
}
for label in ("every CPU", "pinned"):
    targets[f"{rate} req/s, {label}: worst p99 ms of any endpoint"] = "< 100"
    targets[f"{rate} req/s, {label}: worst error % of any endpoint"] = "< 1"
print("### Ratios and targets over the runs (median, min to max)\n\n| measure | median | spread | target |\n|---|---|---|---|")
for name, values in ratios.items():
    fmt = (lambda v: f"{v:.2f}") if max(values) < 100 else (lambda v: f"{v:.0f}")
    print(f"| {name} | {fmt(statistics.median(values))} | {fmt(min(values))} to {fmt(max(values))} | {targets[name]} |")
print()
PY
types_report
spikes_report
tail -n 20 benches/RESULTS.md
