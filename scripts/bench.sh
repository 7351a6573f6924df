#!/usr/bin/env bash
# pnpm bench: builds the client, serves it from the relay (as in production) on a free port, and prints
# the client figures, then the minutes figures (two tablets syncing through that relay).
# The client figures take about 6½ minutes; for a quick run lower the counts, e.g.
# BENCH_RUNS=3 BENCH_RELOADS=10 BENCH_TAPS=5 BENCH_LIGHTHOUSE_RUNS=1 pnpm bench (see e2e/bench/client-bench.ts).
# The bare reference page is served by the same relay on localhost, another origin than 127.0.0.1.
# The relay's own benchmark is `pnpm --filter @chungtay/relay bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --browser
pnpm --filter @chungtay/client build >/dev/null
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
DATA_DIR=$(mktemp -d)
(PORT=$PORT HOST=127.0.0.1 DATA_DIR="$DATA_DIR" STATIC_DIR="$PWD/client/dist" LOG_LEVEL=warn \
  exec setsid pnpm --dir relay start) &
server=$!
# SIGTERM to the relay alone: it shuts down and exits 0, and pnpm with it, quietly (signalling the whole
# group, the shell pnpm runs included, made pnpm report "ELIFECYCLE Command failed"). The group kill is the
# fallback.
stop_relay() {
  pkill -TERM -s "$server" -f '^node .*dist/main[.]js' 2>/dev/null || kill -- -"$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap stop_relay EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the relay did not start on port $PORT" >&2; exit 1; }
export BENCH_URL="http://127.0.0.1:$PORT"
# One part of the figures: run when BENCH_ONLY is unset or names it. A run of only such parts stops after them.
part() {
  local name=$1 script=$2
  if [[ -z "${BENCH_ONLY:-}" || ",$BENCH_ONLY," == *",$name,"* ]]; then
    BASE_URL="$BENCH_URL" pnpm --filter @chungtay/e2e exec tsx "bench/$script"
  fi
}
part money money-bench.ts
part health health-bench.ts
part supervisor supervisor-bench.ts
part import roster-import-bench.ts
part photo photo-capture-bench.ts
# The client and minutes figures, unless BENCH_ONLY names only the parts above.
if [[ -n "${BENCH_ONLY:-}" ]] && ! [[ ",$BENCH_ONLY," =~ ,(reloads|roster|heap|scripts|taps|log|lighthouse), ]]; then exit 0; fi
pnpm --filter @chungtay/e2e bench
pnpm --filter @chungtay/e2e exec tsx bench/minutes-bench.ts
