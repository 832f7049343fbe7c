#!/usr/bin/env bash
# One command, one run, three measurements: the /ping ceiling, the Redis
# intake (sustained, and a spike of 30,000 voters), and the direct-Postgres
# intake, each against 2 `tally` processes sharing one port (SO_REUSEPORT).
# Everything runs on this machine, on loopback, and stops by itself.
#
#   benches/run.sh            # writes a new section to benches/RESULTS.md
#
# Tunables: SECONDS_PER_RUN (10), CONNECTIONS (256), VOTERS (30000),
# WINDOW_MS (1000), SOCKETS (30000), WORKERS per process (1).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ulimit -n "$(ulimit -Hn)"

secs="${SECONDS_PER_RUN:-10}"
conns="${CONNECTIONS:-256}"
voters="${VOTERS:-30000}"
sockets="${SOCKETS:-30000}"
window="${WINDOW_MS:-1000}"
workers="${WORKERS:-1}"
# Below the kernel's ephemeral range (32768 and up), so no client socket of
# an earlier load run can be holding them when the servers bind.
port=18080 pg_port=15432 redis_port=16379

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
  --appendonly yes --appendfsync always --daemonize yes --logfile "$work/redis.log"

start_tallies() { # $1: intake mode
  for i in 1 2; do
    env DATABASE_URL="$db" REDIS_URL="redis://127.0.0.1:$redis_port" PORT="$port" \
      TALLY_INTAKE="$1" TALLY_REUSE_PORT=true TALLY_WORKERS="$workers" TALLY_OPEN_PRESENTER=1 \
      TALLY_MAX_CONNECTIONS_PER_WORKER=25000 TALLY_CLIENT_REQUEST_TIMEOUT_MS=60000 RUST_LOG=warn "$tally" serve >>"$work/tally-$1-$i.log" 2>&1 &
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
run() { "$loadgen" --target "127.0.0.1:$port" "$@" | tee -a "$work/out.txt"; }
verdicts=()
verify() { # $1: label. Counters, counts and rows must agree after every scenario.
  if env DATABASE_URL="$db" REDIS_URL="redis://127.0.0.1:$redis_port" "$tally" verify --wait 30 > "$work/verify-$1.txt"; then
    verdicts+=("$1: agree")
  else
    verdicts+=("$1: DIFFER"); cat "$work/verify-$1.txt"
  fi
}

start_tallies redis
run ping --connections "$conns" --seconds "$secs"
run sustained --connections "$conns" --seconds "$secs" --database-url "$db" --label sustained-redis
verify sustained-redis
run spike --voters "$voters" --window-ms "$window" --processes 2 --database-url "$db"
verify spike
run ws --sockets "$sockets" --processes 2
stop_tallies
start_tallies postgres
run sustained --connections "$conns" --seconds "$secs" --database-url "$db" --label sustained-postgres
verify sustained-postgres
stop_tallies

python3 - "$work/out.txt" "$secs" "$conns" "$voters" "$window" "$workers" "$(IFS=';'; echo "${verdicts[*]}")" <<'PY' >> benches/RESULTS.md
import json, sys, subprocess, datetime, platform
out, secs, conns, voters, window, workers, verdicts = sys.argv[1:]
r = {}
for line in open(out):
    if line.startswith("RESULT "):
        s = json.loads(line[7:]); r[s["scenario"]] = s
cpu = next((l.split(":",1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = int(open("/proc/meminfo").readline().split()[1]) // 1024 // 1024
commit = subprocess.run(["git","rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()
ping, red, pg = r["ping"], r["sustained-redis"], r["sustained-postgres"]
spike = r[f"spike-{voters}"]
def row(name, s, unit):
    errs = ", ".join(f"{k}: {v}" for k, v in s["errors"].items()) or "none"
    d = "" if s["durable_after_ms"] is None else f'{s["durable_after_ms"]} ms'
    lost = "" if s["lost"] is None else str(s["lost"])
    return f'| {name} | {s["requests_ok"]} | {s["rate_per_s"]:.0f} {unit} | {s["p50_ms"]:.1f} | {s["p99_ms"]:.1f} | {s["max_ms"]:.1f} | {errs} | {d} | {lost} |'
print(f"""
## Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit})

- Command: `benches/run.sh` (SECONDS_PER_RUN={secs}, CONNECTIONS={conns}, VOTERS={voters}, WINDOW_MS={window}, WORKERS={workers})
- Machine: {platform.node()}, {cpu}, {subprocess.run(["nproc"],capture_output=True,text=True).stdout.strip()} cores, {mem} GiB; load generator, 2 tally processes, Redis (AOF, fsync always) and Postgres 15 (fsync on) all on it.
- `tally verify` (Redis counters, Postgres counts and vote rows, every presentation) after each vote scenario: {"; ".join(verdicts.split(";"))}.

| scenario | ok | rate | p50 ms | p99 ms | max ms | errors | durable after last ack | lost |
|---|---|---|---|---|---|---|---|---|
{row("ping ceiling (GET /ping)", ping, "req/s")}
{row("sustained, Redis intake", red, "votes/s")}
{row("sustained, direct Postgres intake", pg, "votes/s")}
{row(f"spike, {voters} voters, Redis intake", spike, "votes/s")}

Ratios, measured in this run:
- Redis intake / ping ceiling: **{red["rate_per_s"]/ping["rate_per_s"]:.2f}x** (target >= 0.35x)
- Redis intake / direct Postgres: **{red["rate_per_s"]/max(pg["rate_per_s"],1):.1f}x** (target >= 10x)
- Spike: {spike["requests_ok"]} of {voters} acknowledged, p99 {spike["p99_ms"]:.0f} ms (target <= 250), durable {spike["durable_after_ms"]} ms after the last acknowledgement (target <= 2000), lost {spike["lost"]}.
""")
ws = r.get("ws")
if ws:
    print(f"""Live channels (`loadgen ws`): {ws["sockets"]} audience WebSockets across 2 processes, {ws["missed"]} missed the slide change.

| measure | result | target |
|---|---|---|
| slide change reaches sockets: p50 / p99 / max | {ws["slide_p50_ms"]} / {ws["slide_p99_ms"]} / {ws["slide_max_ms"]} ms; {100*ws["within_500ms"]/max(ws["sockets"],1):.1f}% within 500 ms | 99% within 500 ms |
| vote to presenter screen: p50 / p99 | {ws["vote_to_presenter_p50_ms"]:.0f} / {ws["vote_to_presenter_p99_ms"]:.0f} ms | p99 <= 300 ms |
| server memory per idle socket | {ws["server_bytes_per_socket"]/1024:.1f} KiB | <= 20 KB |
| audience on the presenter screen (both processes) | {ws.get("presenter_audience", "n/a")} | {ws["sockets"]} |
""")
PY
tail -n 25 benches/RESULTS.md
