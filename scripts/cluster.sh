#!/usr/bin/env bash
# Starts the whole distributed set locally on loopback ports: a throwaway PostgreSQL and Redis, several
# relay processes sharing them, and HAProxy in front (relay/deploy/haproxy.cfg, no sticky sessions).
# Open http://127.0.0.1:$LB_PORT (the PWA, if client/dist is built) and point tablets there. Ctrl-C stops
# everything and removes the data, unless KEEP=1.
#
#   scripts/cluster.sh            # 3 relays
#   RELAYS=2 LB_PORT=9000 scripts/cluster.sh
#   RELAY_PORTS="9101 9102" scripts/cluster.sh   # the relays' ports, one each (RELAYS follows)
set -euo pipefail
cd "$(dirname "$0")/.."

RELAYS="${RELAYS:-3}"
LB_PORT="${LB_PORT:-8090}"
RELAY_BASE_PORT="${RELAY_BASE_PORT:-8091}"
if [ -z "${RELAY_PORTS:-}" ]; then
  RELAY_PORTS="$(seq -s ' ' "$RELAY_BASE_PORT" $((RELAY_BASE_PORT + RELAYS - 1)))"
fi
read -r -a PORTS <<<"$RELAY_PORTS"
REDIS_PORT="${REDIS_PORT:-6391}"
PG_PORT="${PG_PORT:-55433}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
REDIS_SERVER="${REDIS_SERVER:-/usr/bin/redis-server}"
HAPROXY="${HAPROXY:-/usr/sbin/haproxy}"

for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$REDIS_SERVER" "$HAPROXY"; do
  if [ ! -x "$tool" ]; then
    echo "missing $tool: install Debian's postgresql, redis-server and haproxy (scripts/ensure-tools.sh --browser)" >&2
    exit 1
  fi
done

DIR="$(mktemp -d /tmp/chungtay-cluster.XXXXXX)"
PIDS=()
# PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's postgres user.
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  trap - INT TERM EXIT
  echo "stopping"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = "1" ]; then echo "kept $DIR"; else rm -rf "$DIR"; fi
}
trap stop INT TERM EXIT

wait_http() { # url, what
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$2 did not answer at $1; logs in $DIR" >&2
  exit 1
}

echo "building the relay"
(cd relay && node build.mjs)

echo "PostgreSQL on 127.0.0.1:$PG_PORT"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$DIR"
as_pg "$PG_BIN/initdb" -D "$DIR/pg" -A trust -U postgres --no-sync -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -o "-p $PG_PORT -k $DIR -c listen_addresses=127.0.0.1" \
  -l "$DIR/pg/server.log" -w start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres chungtay
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/chungtay"

echo "Redis on 127.0.0.1:$REDIS_PORT"
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$DIR" \
  >"$DIR/redis.log" 2>&1 &
PIDS+=($!)
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

# A throwaway set on loopback: without a registration code, as npm start's local demo.
# relay<i>.pid lets a test (or you) kill -9 one of them and watch its tablets move to the others.
for i in "${!PORTS[@]}"; do
  port="${PORTS[$i]}"
  echo "relay $((i + 1)) on 127.0.0.1:$port"
  (cd relay && PORT="$port" HOST=127.0.0.1 DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    exec node --max-semi-space-size=2 dist/main.js >"$DIR/relay$((i + 1)).log" 2>&1) &
  PIDS+=($!)
  echo "$!" >"$DIR/relay$((i + 1)).pid"
done
for i in "${!PORTS[@]}"; do wait_http "http://127.0.0.1:${PORTS[$i]}/healthz" "relay $((i + 1))"; done

echo "HAProxy on 127.0.0.1:$LB_PORT"
{
  cat relay/deploy/haproxy.cfg
  for i in "${!PORTS[@]}"; do echo "    server relay$((i + 1)) 127.0.0.1:${PORTS[$i]} check"; done
} >"$DIR/haproxy.cfg"
LB_BIND="127.0.0.1:$LB_PORT" "$HAPROXY" -f "$DIR/haproxy.cfg" -db >"$DIR/haproxy.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$LB_PORT/healthz" "HAProxy"

echo "ready: http://127.0.0.1:$LB_PORT  (ws://127.0.0.1:$LB_PORT/sync/<document>; logs in $DIR; Ctrl-C stops)"
wait "${PIDS[@]}"
