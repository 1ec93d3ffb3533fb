#!/usr/bin/env bash
# The page's render figures in headless chromium (tests/e2e/perf.js): first paint, time per step
# render, animation frame rate, with ~300 visible objects.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
bash tests/e2e/run.sh "${1:-build/memviz}" perf
