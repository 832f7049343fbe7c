#!/usr/bin/env bash
# Installs what Tally needs to build, run and test, from Debian's packages,
# and only what is missing: running it twice installs nothing the second
# time. Sourced by scripts/run.sh and scripts/test.sh; run it alone to just
# install.
set -euo pipefail

need=()
have_pg_server() { compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; }

have_pg_server || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v cc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v curl >/dev/null || need+=(curl)
command -v runuser >/dev/null || need+=(util-linux)
# promtool checks the /metrics output in the tests.
command -v promtool >/dev/null || need+=(prometheus)
# node checks the k6 scripts' syntax in the tests.
command -v node >/dev/null || need+=(nodejs)
# python3 with venv runs schemathesis (from PyPI) against the OpenAPI
# document in the tests.
command -v python3 >/dev/null || need+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
# Rust: use the machine's toolchain if it is recent enough, else Debian's
# rustc-web/cargo-web (a current Rust shipped for bookworm).
rust_ok() {
  command -v cargo >/dev/null || return 1
  local minor
  minor=$(cargo --version | sed -E 's/^cargo 1\.([0-9]+).*/\1/')
  [ "${minor:-0}" -ge 85 ]
}
rust_ok || need+=(rustc-web cargo-web)
# The web app's browser tests (scripts/test.sh sets TALLY_DEPS_BROWSER=1):
# Debian's Chromium, driven by Playwright from npm with its executable path
# set to it (Playwright's own browser download cannot work here), and
# zbarimg to decode the big screen's QR code.
if [ "${TALLY_DEPS_BROWSER:-0}" = 1 ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v zbarimg >/dev/null || need+=(zbar-tools)
  command -v npm >/dev/null || need+=(npm)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "deps: installing ${need[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# schemathesis, pinned, in a virtual environment of the project's own
# (Debian's Python refuses system-wide pip installs).
SCHEMATHESIS_VERSION=4.32.5
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools"
if [ "$("$tools/schemathesis/bin/st" --version 2>/dev/null)" != "st, version $SCHEMATHESIS_VERSION" ]; then
  echo "deps: installing schemathesis $SCHEMATHESIS_VERSION into $tools/schemathesis" >&2
  python3 -m venv "$tools/schemathesis"
  "$tools/schemathesis/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
export TALLY_SCHEMATHESIS="$tools/schemathesis/bin/st"

# Playwright (playwright-core: no browser download) and axe-core, at the
# versions package-lock.json pins, for the browser tests.
if [ "${TALLY_DEPS_BROWSER:-0}" = 1 ]; then
  e2e="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/crates/tally-web/e2e"
  if ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.tally-installed-lock" 2>/dev/null; then
    echo "deps: installing the browser tests' npm packages into $e2e/node_modules" >&2
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$e2e/package-lock.json" "$e2e/node_modules/.tally-installed-lock"
  fi
  export TALLY_CHROMIUM="${TALLY_CHROMIUM:-$(command -v chromium)}"
fi

# The Postgres server binaries are not on PATH on Debian.
if [ -z "${TALLY_PG_BIN:-}" ]; then
  TALLY_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  export TALLY_PG_BIN
fi
