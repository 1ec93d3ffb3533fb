#!/usr/bin/env bash
# The e2e tier: the page in a real browser against the real server.
#
#   tests/e2e/run.sh [BINARY]          default build/memviz
#   tests/e2e/run.sh BINARY perf       the render benchmark (perf.js) instead of the tests
#   E2E_ONLY=pattern tests/e2e/run.sh  run only the tests whose name matches
#   E2E_FILES="page.test.js" tests/e2e/run.sh   run only these test files
#
# Installs what is missing first: Debian's chromium (Playwright's own browser download does not
# work here, so the tests drive /usr/bin/chromium), nodejs and npm, and playwright-core at the
# version pinned in package.json / package-lock.json (npm ci). Then starts the server on a free
# loopback port (--port 0: the kernel picks it, the server prints it), runs page.test.js and
# then every other tests/e2e/*.test.js with Node's test runner, saves screenshots of key states
# in tests/e2e/artifacts/, and stops the server. The server is killed on any exit of this script.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2

BIN=${1:-build/memviz}
MODE=${2:-test}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [[ ! -x "$BIN" ]]; then
    echo "e2e: $BIN is not built" >&2
    exit 2
fi
E2E=tests/e2e
ART=$E2E/artifacts

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "e2e: need root (or sudo) to run: $*" >&2
        return 1
    fi
}
apt_updated=0
apt_install() {
    if ((!apt_updated)); then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# ---- what the tier needs
if [[ ! -x /usr/bin/chromium ]]; then
    echo "e2e: installing chromium"
    apt_install chromium fonts-dejavu-core fonts-liberation || { echo "e2e: cannot install chromium" >&2; exit 2; }
fi
if ! command -v node >/dev/null 2>&1; then
    echo "e2e: installing nodejs"
    apt_install nodejs || { echo "e2e: cannot install nodejs" >&2; exit 2; }
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "e2e: installing npm"
    apt_install npm || { echo "e2e: cannot install npm" >&2; exit 2; }
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
    echo "e2e: node $(node --version) is too old (18 or later is needed)" >&2
    exit 2
fi
want=$(node -p 'require("./'$E2E'/package.json").dependencies["playwright-core"]')
have=$(node -p 'try { require("./'$E2E'/node_modules/playwright-core/package.json").version } catch { "" }')
if [[ "$have" != "$want" ]]; then
    echo "e2e: installing playwright-core $want (npm ci)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error) || { echo "e2e: npm ci failed" >&2; exit 2; }
fi

# ---- the server
tmp=$(mktemp -d)
pid=
cleanup() {
    if [[ -n "$pid" ]]; then kill -KILL "$pid" 2>/dev/null; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
"$BIN" serve --host 127.0.0.1 --port 0 --static static --scenarios scenarios -q 2>"$tmp/server.err" &
pid=$!
URL=
for ((k = 0; k < 200; k++)); do
    URL=$(grep -so 'http://127.0.0.1:[0-9]*' "$tmp/server.err" | head -n 1)
    [[ -n "$URL" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "e2e: the server exited:" >&2
        cat "$tmp/server.err" >&2
        exit 1
    fi
    sleep 0.05
done
if [[ -z "$URL" ]]; then
    echo "e2e: the server did not start" >&2
    exit 1
fi
echo "e2e: server at $URL ($BIN), chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"

# ---- the tests (or the benchmark)
failed=0
if [[ "$MODE" == perf ]]; then
    MEMVIZ_URL=$URL node "$E2E/perf.js" || failed=1
else
    rm -rf "$ART"
    mkdir -p "$ART"
    opts=()
    if [[ -n "${E2E_ONLY:-}" ]]; then opts+=(--test-name-pattern "$E2E_ONLY"); fi
    # one file at a time (each drives its own browser), where this node can say so
    if node --test-concurrency=1 -e 0 >/dev/null 2>&1; then opts+=(--test-concurrency=1); fi
    # page.test.js first, then every other *.test.js here (classroom, ...)
    files=("$E2E/page.test.js")
    for f in "$E2E"/*.test.js; do [[ "$f" != "$E2E/page.test.js" ]] && files+=("$f"); done
    if [[ -n "${E2E_FILES:-}" ]]; then
        files=()
        for f in $E2E_FILES; do files+=("$E2E/$f"); done
    fi
    MEMVIZ_URL=$URL MEMVIZ_ARTIFACTS=$PWD/$ART \
        node --test "${opts[@]}" "${files[@]}" || failed=1
fi

# ---- stop the server
kill -TERM "$pid" 2>/dev/null
for ((k = 0; k < 100; k++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
if kill -0 "$pid" 2>/dev/null; then
    echo "e2e: FAIL: the server did not stop after SIGTERM" >&2
    failed=1
else
    wait "$pid" 2>/dev/null
fi
pid=

if ((failed)); then
    echo "e2e: FAILED ($MODE; screenshots in $ART; last server log lines:)" >&2
    tail -n 20 "$tmp/server.err" >&2
    exit 1
fi
if [[ "$MODE" == perf ]]; then
    echo "e2e: benchmark done"
else
    echo "e2e: every test passed; screenshots in $ART"
fi
