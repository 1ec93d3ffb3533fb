#!/usr/bin/env bash
# The recorder's figures on a ~1,000,000-step program (bench/trace_bench.c): steps/s, bytes of
# trace memory per event, random-step snapshot time, JSON bytes per snapshot and diff, peak RSS.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
make -s build/memviz >/dev/null || exit 2
objs=$(find build/obj/heap -name '*.o')
gcc -std=gnu11 -O2 -g -I. $(pkg-config --cflags libcjson) -o build/trace_bench bench/trace_bench.c $objs \
    build/obj/server/json.o build/obj/server/scenarios.o $(pkg-config --libs libcjson) -lm || exit 2
echo "trace recorder: bench/programs/trace_million.py"
build/trace_bench bench/programs/trace_million.py
