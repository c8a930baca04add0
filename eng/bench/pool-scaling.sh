#!/usr/bin/env bash
# eng/bench/pool-scaling.sh <bench workspace> <rounds> — called by eng/bench/run.sh after it built Bench.
# Prints the interpreter-pool scaling table: throughput relative to one thread, and Python's own anchors.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$1"; rounds="${2:-3}"
echo
echo "Interpreter pools — a CPU-bound pure-Python function, throughput relative to one thread ($(nproc) cores; target: pool of 2 >= 1.8)"
DOTNET_TC_CallCountingDelayMs=0 dotnet "$work/Bench/bin/Release/net10.0/Bench.dll" --pool "$((rounds + 2))" | sed 's/^pool /ratio pool_/'
root_script="$repo/eng/debian-testing-root.sh"
if "$root_script" ensure >/dev/null 2>&1; then
    "$root_script" run python3.14 "$repo/eng/bench/pool_anchor.py" "$((rounds + 2))" | sed 's/^anchor /ratio anchor_/'
else
    echo "anchors skipped: no Debian testing root (eng/debian-testing-root.sh) for Python 3.14"
fi
