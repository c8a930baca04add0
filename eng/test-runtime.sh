#!/usr/bin/env bash
# Runs the runtime test suite once per interpreter found by find-pythons.sh (one interpreter per process).
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
dotnet build "$repo/runtime/CSnakes.Runtime.Tests" -c "$configuration" -v:q -nologo || exit 1
tests_dll="$repo/artifacts/bin/CSnakes.Runtime.Tests/${configuration,,}/CSnakes.Runtime.Tests.dll"

failed=0; ran=0; summary=()
while read -r status label rest; do
    if [ "$status" = "SKIP" ]; then
        summary+=("SKIPPED  $label: $rest")
        continue
    fi
    read -r exe version lib <<< "$rest"
    echo "=== runtime tests on Python $version ($label: $exe)"
    if CSNAKES_TEST_PYTHON="$exe" dotnet "$tests_dll" --results-directory "$repo/artifacts/TestResults/runtime-$label"; then
        summary+=("PASSED   $label: Python $version ($lib)")
    else
        summary+=("FAILED   $label: Python $version ($lib)")
        failed=$((failed + 1))
    fi
    ran=$((ran + 1))
done < <("$repo/eng/find-pythons.sh")

echo "=== runtime tests per interpreter"
printf '%s\n' "${summary[@]}"
[ "$ran" -gt 0 ] || { echo "No CPython 3.9+ with a shared libpython was found: the runtime tests did not run."; exit 1; }
exit "$failed"
