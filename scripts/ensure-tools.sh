#!/usr/bin/env bash
# Installs what a fresh Node 20 machine lacks: the pinned pnpm, the workspace's
# dependencies, and (for tests) Debian's Chromium, PostgreSQL, Redis, HAProxy and poppler-utils.
# Safe to run repeatedly; silent when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# node-gyp builds better-sqlite3 against the local Node headers (.npmrc sets nodedir).
pnpm install --frozen-lockfile --reporter=silent

# --browser (npm test, npm run bench): also what the tests and the benchmark start for real, from Debian's
# packages: Chromium (Playwright), and PostgreSQL 15, Redis and HAProxy (the relay's several-process tests:
# they run their own throwaway servers, never the system's). One apt run for whatever is missing.
if [ "${1:-}" = "--browser" ]; then
  missing=()
  [ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  [ -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  # poppler-utils: pdftoppm and pdftotext, with which the print specs look at the printed pages.
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "Installing from Debian's packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing for the tests: run 'sudo apt-get install ${missing[*]}' (or set CHROME_PATH / PG_BIN)" >&2
      exit 1
    fi
  fi
fi
