#!/usr/bin/env bash
# eng/bench/pool-scaling.sh <bench workspace> <rounds> — called by eng/bench/run.sh once the workspace is set up.
# Builds the benchmark again for Python 3.13 (interpreter pools need 3.13.1+; the rest of the benchmark runs on 3.12)
# and prints the interpreter-pool scaling lines, then Python 3.14's own executors as anchors.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$1"; rounds="${2:-3}"
pool="$work/pool-3.13"
rm -rf "$pool"; mkdir -p "$pool"
for project in Bench BenchLib; do
    cp -r "$work/$project" "$pool/"
    rm -rf "$pool/$project/bin" "$pool/$project/obj"
done
echo
echo "Interpreter pools — a CPU-bound pure-Python function, throughput relative to one thread ($(nproc) cores; target: pool of 2 >= 1.8)"
if ! dotnet build "$pool/Bench" -c Release -p:PythonVersion=3.13 -nologo -v:q >/dev/null; then
    echo "skipped: the benchmark could not be built for Python 3.13 (pools need 3.13+)"
    exit 0
fi
if ! DOTNET_TC_CallCountingDelayMs=0 dotnet "$pool/Bench/bin/Release/net10.0/Bench.dll" --pool "$((rounds + 2))" > "$pool/out.txt" 2>&1; then
    echo "skipped: $(grep -m1 -o 'Interpreter pools need[^.]*' "$pool/out.txt" || tail -1 "$pool/out.txt")"
else
    sed 's/^pool /ratio pool_/' "$pool/out.txt"
fi
root_script="$repo/eng/debian-testing-root.sh"
if "$root_script" ensure >/dev/null 2>&1; then
    "$root_script" run python3.14 "$repo/eng/bench/pool_anchor.py" "$((rounds + 2))" | sed 's/^anchor /ratio anchor_/'
else
    echo "anchors skipped: no Debian testing root (eng/debian-testing-root.sh) for Python 3.14"
fi
