#!/usr/bin/env bash
# Time bench/programs/*.py under python3 and under memviz; print one table.
#
#   bench/run.sh [BINARY] [PROGRAM.py ...]
#
# BINARY defaults to build/memviz; programs default to bench/programs/*.py.
# RUNS (default 3) runs per interpreter, the best wall time is kept.  TIMEOUT (default 120 s)
# bounds one run.  Peak RSS is the largest of the runs, from /usr/bin/time's %M.
# Figures only: this script never fails because memviz is slow or wrong; a memviz error,
# timeout or output mismatch is reported in the table.  It exits non-zero only on a usage error
# or a missing python3 / /usr/bin/time.
set -uo pipefail # no -e: a failing run is data, not a reason to stop

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

BIN=${1:-build/memviz}
shift || true
ALL=0 # no programs named: also the collector and server benchmarks at the end
if (($#)); then
    PROGRAMS=("$@")
else
    PROGRAMS=(bench/programs/*.py)
    ALL=1
fi
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-120}

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time is missing (Debian package 'time'; make deps installs it)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "bench: python3 not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME CMD...: run RUNS times; sets best (s), rss (KiB), rc (of the last failing run,
# else 0), and leaves the stdout of the first run in $tmp/NAME.out.
measure() {
    local name=$1
    shift
    best="" rss=0 rc=0
    local k start end t m code
    for ((k = 0; k < RUNS; k++)); do
        start=$(date +%s%N)
        code=0
        timeout "$TIMEOUT" /usr/bin/time -f '%M' -o "$tmp/time" "$@" \
            >"$tmp/run.out" 2>"$tmp/run.err" || code=$?
        end=$(date +%s%N)
        t=$(((end - start) / 1000000)) # ms
        m=$(tail -n 1 "$tmp/time" 2>/dev/null || echo 0)
        [[ "$m" =~ ^[0-9]+$ ]] || m=0
        if ((k == 0)); then
            cp "$tmp/run.out" "$tmp/$name.out"
            cp "$tmp/run.err" "$tmp/$name.err"
        fi
        if ((code != 0)); then
            rc=$code
            cp "$tmp/run.err" "$tmp/$name.err"
            break # a failing run is not timed again
        fi
        if [[ -z "$best" ]] || ((t < best)); then best=$t; fi
        if ((m > rss)); then rss=$m; fi
    done
    return 0
}

secs() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

printf '%-14s %10s %10s %8s %11s %11s  %s\n' \
    program "python3 s" "memviz s" ratio "py MiB" "memviz MiB" "output"
printf '%s\n' "------------------------------------------------------------------------------------"
notes=()
for prog in "${PROGRAMS[@]}"; do
    name=$(basename "$prog" .py)

    measure py python3 "$prog"
    py_best=$best py_rss=$rss py_rc=$rc
    if ((py_rc != 0)); then
        printf '%-14s %10s\n' "$name" "python3 failed (exit $py_rc)"
        continue
    fi

    if [[ ! -x "$BIN" ]]; then
        mv_best="" mv_rss=0 mv_rc=127
        echo "$BIN: not built" >"$tmp/mv.err"
        : >"$tmp/mv.out"
    else
        measure mv "$BIN" run --max-steps "${MAX_STEPS:-1000000000}" "$prog"
        mv_best=$best mv_rss=$rss mv_rc=$rc
    fi

    py_mib=$(awk -v k="$py_rss" 'BEGIN { printf "%.1f", k / 1024 }')
    if ((mv_rc != 0)); then
        case $mv_rc in
        124) what="timeout (${TIMEOUT}s)" ;;
        127) what="not built" ;;
        13[0-9] | 1[4-9][0-9]) what="crashed (signal $((mv_rc - 128)))" ;;
        *) what="error (exit $mv_rc)" ;;
        esac
        printf '%-14s %10s %10s %8s %11s %11s  %s\n' \
            "$name" "$(secs "$py_best")" "-" "-" "$py_mib" "-" "$what"
        err=$(tail -n 3 "$tmp/mv.err" | cut -c 1-200 | tr '\n' ' ')
        notes+=("$name: ${err:-(no stderr)}")
        continue
    fi

    ratio=$(awk -v a="$mv_best" -v b="$py_best" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
    mv_mib=$(awk -v k="$mv_rss" 'BEGIN { printf "%.1f", k / 1024 }')
    if cmp -s "$tmp/py.out" "$tmp/mv.out"; then same="identical"; else
        same="DIFFERENT"
        notes+=("$name: first difference: $(diff "$tmp/py.out" "$tmp/mv.out" | head -n 4 | tr '\n' ' ')")
    fi
    printf '%-14s %10s %10s %8s %11s %11s  %s\n' \
        "$name" "$(secs "$py_best")" "$(secs "$mv_best")" "$ratio" "$py_mib" "$mv_mib" "$same"
done

if ((${#notes[@]})); then
    echo
    printf '%s\n' "${notes[@]}"
fi
echo
echo "best of $RUNS wall times; peak RSS is the max over the runs; target: memviz within 3x python3"
if ((ALL)); then
    for extra in bench/gc.sh bench/trace.sh bench/server.sh bench/page.sh; do
        [[ -f $extra ]] || continue
        echo
        bash "$extra" "$BIN"
    done
fi
