#!/usr/bin/env bash
# Run the conformance suite against memviz.
# Usage: tests/conformance/run.sh [-v] [MEMVIZ_BINARY] [FILTER]
#   MEMVIZ_BINARY  default: <repo root>/build/memviz (relative paths are taken
#                  relative to the current directory)
#   FILTER         only run tests whose "topic/name" contains this substring
#   -v             show a short unified diff for each failure
# Each test runs as `MEMVIZ run <name>.py` with cwd = its topic folder and a
# 20 s timeout; stdout must match <name>.stdout byte for byte and
# (exit code, last stderr line) must match <name>.status.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
verbose=0
args=()
for a in "$@"; do
    case "$a" in
        -v|--verbose) verbose=1 ;;
        *) args+=("$a") ;;
    esac
done
bin=${args[0]:-$root/build/memviz}
filter=${args[1]:-}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
    echo "run.sh: memviz binary '$bin' not found or not executable" >&2
    n=0
    for py in "$here"/*/*.py; do
        t=${py#"$here"/}; t=${t%.py}
        case "$t" in *"$filter"*) n=$((n + 1)) ;; esac
    done
    echo "conformance: 0 passed, $n failed"
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_one() {
    # $1 = topic/name ; writes $work/<topic>__<name>.res
    local t=$1 dir=${1%/*} name=${1##*/}
    local out="$work/${dir}__${name}"
    (
        cd "$here/$dir" || exit 0
        PYTHONHASHSEED=0 timeout -k 5 20 "$bin" run ${MEMVIZ_FLAGS:-} "$name.py" >"$out.out" 2>"$out.err" </dev/null
        rc=$?
        printf '%s\n%s\n' "$rc" "$(tail -n 1 "$out.err")" >"$out.st"
    )
    local res="" kind=""
    if ! cmp -s "$out.out" "$here/$t.stdout"; then kind="stdout"; fi
    if ! cmp -s "$out.st" "$here/$t.status"; then kind=${kind:-status}; stat_bad=1; else stat_bad=0; fi
    if [ -z "$kind" ]; then
        echo PASS >"$out.res"
    else
        {
            echo "FAIL $t ($kind)"
            if [ "$verbose" = 1 ]; then
                if [ "$kind" = stdout ]; then
                    diff -u --label expected --label actual "$here/$t.stdout" "$out.out" | head -n 20 | sed 's/^/    /'
                fi
                if [ "$stat_bad" = 1 ]; then
                    diff -u --label expected.status --label actual.status "$here/$t.status" "$out.st" | sed 's/^/    /'
                fi
            fi
        } >"$out.res"
    fi
    rm -f "$out.out" "$out.err" "$out.st"
}
export -f run_one
export here work bin verbose MEMVIZ_FLAGS

cd "$here" || exit 2
tests=()
for py in */*.py; do
    [ -f "$py" ] || continue
    t=${py%.py}
    case "$t" in *"$filter"*) tests+=("$t") ;; esac
done
if [ ${#tests[@]} -gt 0 ]; then
    printf '%s\n' "${tests[@]}" | LC_ALL=C sort | xargs -P2 -I{} bash -c 'run_one "$1"' _ {}
fi
pass=0 fail=0
for t in $(printf '%s\n' "${tests[@]}" | LC_ALL=C sort); do
    r="$work/${t%/*}__${t##*/}.res"
    if [ -f "$r" ] && [ "$(head -n 1 "$r")" = PASS ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        if [ -f "$r" ]; then cat "$r"; else echo "FAIL $t (status)"; fi
    fi
done
echo "conformance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
