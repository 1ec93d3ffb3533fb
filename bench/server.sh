#!/usr/bin/env bash
# The server benchmark: wrk against `memviz serve` on loopback, nginx as the reference for
# static files, and an SSE fan-out to room followers. Prints figures; never fails on them.
#
#   bench/server.sh [BINARY]          default build/memviz
#
# DURATION (default 5 s) per wrk run, CONNECTIONS (default 32), THREADS (default 2),
# FOLLOWERS (default 1000), MOVES (default 50).
#
# What is measured:
#   static file   GET /index.html from static/ (memviz: sendfile; nginx: same file, same
#                 machine, 2 worker processes, access log off)
#   snapshot      GET /api/runs/ID/steps/MID of a mid-size run (~200 live objects), the same
#                 step each time (served from the run's render cache), and random steps
#                 (mostly rendered: trace_snapshot + JSON each time)
#   fan-out       FOLLOWERS SSE followers of a room (bench/fanout.c, one epoll loop); the
#                 presenter moves MOVES times; time until every follower has the move.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

BIN=${1:-build/memviz}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
FOLLOWERS=${FOLLOWERS:-1000}
MOVES=${MOVES:-50}

for tool in wrk nginx curl python3 gcc; do
    if ! command -v "$tool" >/dev/null && [[ ! -x /usr/sbin/$tool ]]; then
        echo "bench/server: $tool is missing (make deps installs wrk and nginx)" >&2
        exit 2
    fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$BIN" ]] || { echo "bench/server: $BIN is not built" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    sleep 0.2
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---- memviz
"$BIN" serve --host 127.0.0.1 --port 0 --static static --scenarios scenarios -q --max-runs 16 \
    2>"$tmp/memviz.err" &
pids+=($!)
for ((k = 0; k < 200; k++)); do
    URL=$(grep -so 'http://127.0.0.1:[0-9]*' "$tmp/memviz.err" | head -n 1)
    [[ -n "$URL" ]] && break
    sleep 0.05
done
[[ -n "${URL:-}" ]] || { echo "bench/server: memviz did not start" >&2; cat "$tmp/memviz.err" >&2; exit 1; }
PORT=${URL##*:}

# ---- nginx, same file
NPORT=$(free_port)
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    types { text/html html; }
    server {
        listen 127.0.0.1:$NPORT;
        root $PWD/static;
    }
}
EOF
"$NGINX" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" 2>"$tmp/nginx/stderr" &
pids+=($!)
for ((k = 0; k < 100; k++)); do curl -s -o /dev/null "http://127.0.0.1:$NPORT/index.html" && break; sleep 0.05; done

# ---- a mid-size run: a few hundred live objects, a few thousand steps, some collections
cat >"$tmp/mid.py" <<'EOF'
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

nodes = []
table = {}
for i in range(150):
    n = Node(i)
    nodes.append(n)
    table[f"k{i}"] = [i, str(i)]
    if i % 10 == 0:
        a = Node(-i)
        b = Node(-i - 1)
        a.next = b
        b.next = a
        del a, b
total = 0
for n in nodes:
    total += n.value
print(total, len(table))
EOF
RUN=$(python3 -c 'import json, sys; print(json.dumps({"source": open(sys.argv[1]).read()}))' "$tmp/mid.py" |
    curl -s -X POST "$URL/api/runs" --data-binary @-)
ID=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["id"])' "$RUN")
NSTEPS=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["steps"])' "$RUN")
MID=$((NSTEPS / 2))
SNAP_BYTES=$(curl -s "$URL/api/runs/$ID/steps/$MID" | wc -c)
SNAP_OBJS=$(curl -s "$URL/api/runs/$ID/steps/$MID" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["objects"]))')

# wrk_run NAME URL [SCRIPT]: prints "req/s p50 p99" into $tmp/NAME
wrk_run() {
    local name=$1 url=$2 script=${3:-}
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency)
    [[ -n "$script" ]] && args+=(-s "$script")
    wrk "${args[@]}" "$url" >"$tmp/$name.wrk" 2>&1
    awk '
        /Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = $2 }
        $1 == "99%" { p99 = $2 }
        /Non-2xx/ { bad = $NF }
        END { printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$tmp/$name.wrk" >"$tmp/$name"
}

cat >"$tmp/random.lua" <<EOF
math.randomseed(42)
request = function()
    return wrk.format("GET", "/api/runs/$ID/steps/" .. math.random(0, $((NSTEPS - 1))))
end
EOF

wrk_run nginx_static "http://127.0.0.1:$NPORT/index.html"
wrk_run memviz_static "$URL/index.html"
wrk_run memviz_snap "$URL/api/runs/$ID/steps/$MID"
wrk_run memviz_snap_random "$URL/api/runs/$ID/steps/0" "$tmp/random.lua"

# ---- SSE fan-out
gcc -std=gnu11 -O2 -Wall -Wextra -o "$tmp/fanout" bench/fanout.c || exit 1
ROOM=$(curl -s -X POST "$URL/api/rooms" -d "{\"run\": \"$ID\", \"step\": $MID}")
CODE=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["code"])' "$ROOM")
TOKEN=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["presenter_token"])' "$ROOM")
DIFF_BYTES=$(curl -s "$URL/api/runs/$ID/diff?from=$MID&to=$((MID + 1))" | wc -c)
"$tmp/fanout" 127.0.0.1 "$PORT" "$CODE" "$TOKEN" "$FOLLOWERS" "$MOVES" "$MID" "$((MID + 1))" \
    >"$tmp/fanout.out" 2>&1
fanout_rc=$?

# ---- report
size=$(wc -c <static/index.html)
echo "server benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback, $(nproc) cores"
printf '%-34s %12s %10s %10s %8s\n' "target" "requests/s" "p50" "p99" "non-2xx"
printf '%s\n' "------------------------------------------------------------------------------"
row() { read -r rps p50 p99 bad <"$tmp/$2"; printf '%-34s %12s %10s %10s %8s\n' "$1" "$rps" "$p50" "$p99" "$bad"; }
row "nginx    static ($size B)" nginx_static
row "memviz   static ($size B)" memviz_static
row "memviz   snapshot, same step" memviz_snap
row "memviz   snapshot, random steps" memviz_snap_random
read -r n_rps _ <"$tmp/nginx_static"
read -r m_rps _ <"$tmp/memviz_static"
awk -v m="$m_rps" -v n="$n_rps" 'BEGIN { if (n > 0) printf "memviz static = %.0f%% of nginx (target >= 50%%)\n", 100 * m / n }'
echo "mid-size run: $NSTEPS steps; snapshot of step $MID: $SNAP_OBJS objects, $SNAP_BYTES bytes; diff $MID->$((MID + 1)): $DIFF_BYTES bytes"
echo
echo "SSE fan-out (target: every follower within p99 < 100 ms):"
if ((fanout_rc == 0)); then sed 's/^/  /' "$tmp/fanout.out"; else
    echo "  fan-out failed:"
    sed 's/^/  /' "$tmp/fanout.out"
fi
