#!/usr/bin/env bash
# gc.collect() of N objects in reference cycles, simulated (memviz --time-gc) vs CPython's real
# collector (python3, timed the same way by bench/gc/timed.py). Prints one row per N.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
BIN=${1:-build/memviz}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-10s %12s %12s %8s %10s\n' "objects" "python3 ms" "memviz ms" "ratio" "collected"
for n in 100000 1000000; do
    sed "s/@N@/$n/" bench/gc/cycles.py.in >"$tmp/cycles.py"
    py=$(python3 bench/gc/timed.py "$tmp/cycles.py" 2>&1 >/dev/null | awk '/gc.collect/ {t=$2} END {print t}')
    mv=$("$BIN" run --max-steps 0 --time-gc "$tmp/cycles.py" 2>&1 >/dev/null | awk '/gc.collect/ {t=$2} END {print t}')
    got=$("$BIN" run --max-steps 0 "$tmp/cycles.py" 2>/dev/null)
    ratio=$(awk -v a="$mv" -v b="$py" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
    printf '%-10s %12s %12s %8s %10s\n' "$n" "$py" "$mv" "$ratio" "$got"
done
echo "target: the simulated collection within 2x of CPython's"
