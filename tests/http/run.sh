#!/usr/bin/env bash
# The HTTP tier: start the real server on free loopback ports and run tests/http/test_http.c
# (Criterion + libcurl) against it.
#
#   tests/http/run.sh [BINARY]        default build/memviz; also build/debug/memviz (ASan)
#
# Two servers: the main one, and a small one (--max-runs 2 --run-timeout 2 --idle-expiry 3)
# for the LRU, 429, timeout and expiry test. Both listen on port 0 (the kernel picks a free
# port; the server prints it). After the client, a room follower is left connected and the
# main server gets SIGTERM: it must say `bye` to the follower and exit 0 (clean shutdown).
# Then tests/http/valgrind.sh runs a short session under valgrind (no errors, no leaks; not
# for the sanitizer build, which valgrind cannot run). Servers are killed on any exit.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2

BIN=${1:-build/memviz}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [[ ! -x "$BIN" ]]; then
    echo "http: $BIN is not built" >&2
    exit 2
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# ---- the client
CLIENT=build/test_http
mkdir -p build
if [[ ! -x $CLIENT || tests/http/test_http.c -nt $CLIENT ]]; then
    # shellcheck disable=SC2046
    gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror -o "$CLIENT" tests/http/test_http.c \
        $(pkg-config --cflags --libs criterion libcurl libcjson) -lpthread || exit 2
fi

# ---- a static folder with a way out that must stay shut
mkdir -p "$tmp/static/js" "$tmp/static/css" "$tmp/outside"
echo "TOP-SECRET outside the static folder" >"$tmp/secret.txt"
echo "TOP-SECRET in another folder" >"$tmp/outside/secret.txt"
cat >"$tmp/static/index.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>memviz test page</title></head>
<body><h1>memviz</h1><p>static file for the HTTP tests</p></body></html>
HTML
python3 - "$tmp/static/js/app.js" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(400):
        f.write(f"export const line{i} = 'a line of JavaScript to compress, number {i}';\n")
PY
echo "body { color: #222; }" >"$tmp/static/css/site.css"
mkdir -p "$tmp/static/sub"
echo "<!doctype html><title>sub</title>" >"$tmp/static/sub/index.html"
ln -s "$tmp/secret.txt" "$tmp/static/link_out.txt"
ln -s "$tmp/outside" "$tmp/static/dir_out"
ln -s "$tmp/static/css/site.css" "$tmp/static/link_in.txt"

# start NAME ARGS...: starts a server, waits for its "serving http://..." line, sets URL.
start() {
    local name=$1
    shift
    "$BIN" serve --host 127.0.0.1 --port 0 --static "$tmp/static" --scenarios scenarios "$@" \
        2>"$tmp/$name.err" &
    local pid=$!
    pids+=("$pid")
    local k
    for ((k = 0; k < 200; k++)); do
        URL=$(grep -so 'http://127.0.0.1:[0-9]*' "$tmp/$name.err" | head -n 1)
        [[ -n "$URL" ]] && break
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "http: the $name server exited:" >&2
            cat "$tmp/$name.err" >&2
            exit 1
        fi
        sleep 0.05
    done
    if [[ -z "$URL" ]]; then
        echo "http: the $name server did not start" >&2
        exit 1
    fi
    PID=$pid
}

start main --max-steps 200000
MAIN_URL=$URL MAIN_PID=$PID
start small --max-runs 2 --run-timeout 2 --idle-expiry 3
SMALL_URL=$URL SMALL_PID=$PID
echo "http: servers at $MAIN_URL and $SMALL_URL ($BIN)"

failed=0
MEMVIZ_URL=$MAIN_URL MEMVIZ_URL_SMALL=$SMALL_URL MEMVIZ_STATIC=$tmp/static \
    "$CLIENT" --jobs 4 ${HTTP_TEST_ARGS:-} || failed=1

# ---- the access log: one line per request
if ! grep -qE '^POST /api/runs 201 [0-9]+ [0-9.]+ms$' "$tmp/main.err"; then
    echo "http: FAIL: no access log line for POST /api/runs" >&2
    failed=1
fi

# ---- clean shutdown with a follower connected: it gets `bye`, the server exits 0
run_id=$(curl -s -X POST "$MAIN_URL/api/runs" -d '{"source": "a = 1\nb = 2\n"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
code=$(curl -s -X POST "$MAIN_URL/api/rooms" -d "{\"run\": \"$run_id\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["code"])')
curl -s -N "$MAIN_URL/api/rooms/$code/events" >"$tmp/follower.out" &
follower=$!
pids+=("$follower")
for ((k = 0; k < 100; k++)); do grep -q '^event: snapshot' "$tmp/follower.out" && break; sleep 0.05; done
kill -TERM "$MAIN_PID" "$SMALL_PID"
for pid in "$MAIN_PID" "$SMALL_PID"; do
    rc=0
    for ((k = 0; k < 200; k++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then
        echo "http: FAIL: server $pid did not stop within 10 s of SIGTERM" >&2
        failed=1
        continue
    fi
    wait "$pid"
    rc=$?
    if ((rc != 0)); then
        echo "http: FAIL: server $pid exited with $rc after SIGTERM" >&2
        failed=1
    fi
done
wait "$follower" 2>/dev/null
if ! grep -q '^event: bye' "$tmp/follower.out"; then
    echo "http: FAIL: the follower did not get 'bye' at shutdown" >&2
    failed=1
fi
if grep -qE 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$tmp/main.err" "$tmp/small.err"; then
    echo "http: FAIL: sanitizer reports:" >&2
    grep -hE -A20 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$tmp/main.err" "$tmp/small.err" | head -60 >&2
    failed=1
fi

# ---- valgrind: a short session, no leaks (the sanitizer build checks itself)
if [[ "$BIN" != */debug/* ]]; then
    bash tests/http/valgrind.sh "$BIN" || failed=1
fi

if ((failed)); then
    echo "http: FAILED (server logs: see above; last lines of the main log:)" >&2
    tail -n 20 "$tmp/main.err" >&2
    exit 1
fi
echo "http: every test passed, clean shutdown"
