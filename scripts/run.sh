#!/usr/bin/env bash
# The README's run command: installs what is missing, starts Postgres and
# Redis under ./.data (kept between runs), builds Tally and serves it on
# http://127.0.0.1:8080. Ctrl-C stops Tally; `scripts/run.sh stop` stops the
# databases too.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

data="$PWD/.data"
pg_port="${TALLY_PG_PORT:-54329}"
redis_port="${TALLY_REDIS_PORT:-63790}"
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)

stop() {
  [ -f "$data/pg/postmaster.pid" ] && "${as_pg[@]}" "$TALLY_PG_BIN/pg_ctl" -D "$data/pg" -m fast stop || true
  redis-cli -p "$redis_port" shutdown 2>/dev/null || true
}
if [ "${1:-}" = "stop" ]; then stop; exit 0; fi

mkdir -p "$data/redis"
if [ ! -f "$data/pg/PG_VERSION" ]; then
  mkdir -p "$data/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data/pg"
  "${as_pg[@]}" "$TALLY_PG_BIN/initdb" -D "$data/pg" --auth=trust --username=postgres \
    --encoding=UTF8 --locale=C >/dev/null
fi
if ! "$TALLY_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  "${as_pg[@]}" "$TALLY_PG_BIN/pg_ctl" -D "$data/pg" -l "$data/pg/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $data/pg" start >/dev/null
fi
psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'tally'" \
  | grep -q 1 || psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE tally"
if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  # The durable profile: AOF, fsync before every reply (README: durability).
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data/redis" \
    --appendonly yes --appendfsync always --daemonize yes --logfile "$data/redis/redis.log"
fi

cargo build --release --locked --bin tally
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:$pg_port/tally}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$redis_port}"
export PORT="${PORT:-8080}"
echo "Tally on http://127.0.0.1:$PORT (docs at /docs); databases under $data" >&2
# Two processes share the port (SO_REUSEPORT); see README "Several processes".
export TALLY_REUSE_PORT=true
target/release/tally serve &
second=$!
trap 'kill -TERM $second 2>/dev/null' EXIT
target/release/tally serve
