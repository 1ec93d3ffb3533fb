#!/usr/bin/env bash
# A short server session under valgrind: every kind of request once (run, index, snapshot,
# diff, stream, retainers, static gzip, scenarios, a bad body, an endless run, a room with a
# follower and a cursor move), then SIGTERM. Passes when the server exits 0 after a clean
# shutdown, the follower got `bye`, and valgrind reports no errors and no leaks.
#
#   tests/http/valgrind.sh [BINARY]      default build/memviz (the release build: -O2 -g)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
BIN=${1:-build/memviz}
command -v valgrind >/dev/null || { echo "valgrind: not installed, skipped"; exit 0; }
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT

valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 \
    "$BIN" serve --port 0 --static static --scenarios scenarios 2>"$tmp/vg.err" &
VP=$!
pids+=("$VP")
for ((i = 0; i < 300; i++)); do grep -qs "serving http" "$tmp/vg.err" && break; sleep 0.1; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/vg.err" | head -n 1)
[[ -n "$URL" ]] || { echo "valgrind: the server did not start" >&2; cat "$tmp/vg.err" >&2; exit 1; }

field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
RUN=$(curl -s -X POST "$URL/api/runs" -d '{"scenario": "node_cycle.py"}')
ID=$(field "$RUN" id)
for path in "/api/runs/$ID" "/api/runs/$ID/steps/5" "/api/runs/$ID/diff?from=1&to=9" \
    "/api/runs/$ID/stream" "/api/runs/$ID/objects/1/retainers?step=3" "/api/scenarios" \
    "/api/nope" "/../etc/passwd"; do
    curl -s -o /dev/null --path-as-is "$URL$path"
done
curl -s -o /dev/null --compressed "$URL/"
curl -s -o /dev/null -X POST "$URL/api/runs" -d '{bad'
curl -s -o /dev/null -X POST "$URL/api/runs" -d '{"source": "while True:\n    pass\n", "wait": false}'
ROOM=$(curl -s -X POST "$URL/api/rooms" -d "{\"run\": \"$ID\"}")
CODE=$(field "$ROOM" code)
TOKEN=$(field "$ROOM" presenter_token)
curl -s -N "$URL/api/rooms/$CODE/events" >"$tmp/follower.out" &
F=$!
pids+=("$F")
for ((i = 0; i < 100; i++)); do grep -q '^event: snapshot' "$tmp/follower.out" && break; sleep 0.1; done
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$URL/api/rooms/$CODE/cursor" -d '{"step": 4}'
sleep 0.5
kill -TERM "$VP"
wait "$VP"
rc=$?
wait "$F"
failed=0
if ((rc != 0)); then echo "valgrind: FAIL: exit status $rc" >&2; failed=1; fi
grep -q '^event: bye' "$tmp/follower.out" || { echo "valgrind: FAIL: no bye for the follower" >&2; failed=1; }
grep -E 'ERROR SUMMARY|in use at exit|definitely lost|All heap blocks' "$tmp/vg.err"
if ((failed)); then
    grep -E '^==[0-9]+==' "$tmp/vg.err" | tail -n 60 >&2
    exit 1
fi
echo "valgrind: clean (no errors, no leaks)"
