#!/usr/bin/env bash
# Regenerate every <topic>/<name>.stdout and <topic>/<name>.status from the
# reference interpreter (python3, which must be CPython 3.11).
#   .stdout : exactly what `python3 <name>.py` writes to stdout (cwd = topic dir)
#   .status : line 1 = exit code, line 2 = last line of stderr (empty if none)
# Usage: tests/conformance/refresh.sh [FILTER]   (FILTER = substring of topic/name)
set -u
PY=${PYTHON:-python3}
ver=$("$PY" -c 'import sys;print(sys.version_info[:2])' 2>/dev/null)
if [ "$ver" != "(3, 11)" ]; then
    echo "refresh.sh: $PY is not CPython 3.11 (got '${ver:-nothing}'); refusing to regenerate expected output" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
filter=${1:-}
n=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cd "$here" || exit 2
for py in */*.py; do
    [ -f "$py" ] || continue
    t=${py%.py}
    case "$t" in *"$filter"*) ;; *) continue ;; esac
    dir=${t%/*}; name=${t##*/}
    (
        cd "$dir" || exit 2
        PYTHONHASHSEED=0 timeout -k 5 20 "$PY" "$name.py" >"$name.stdout" 2>"$tmp" </dev/null
        rc=$?
        last=$(tail -n 1 "$tmp")
        printf '%s\n%s\n' "$rc" "$last" >"$name.status"
    )
    n=$((n + 1))
done
echo "refresh: regenerated $n programs"
