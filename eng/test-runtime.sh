#!/usr/bin/env bash
# Runs the runtime test suite once per interpreter found by find-pythons.sh (one interpreter per process),
# then once per CPython of a Debian testing root (3.13, 3.14, 3.15: eng/debian-testing-root.sh), the test
# dll built here running inside the root with the root's interpreter. CSNAKES_DEBIAN_TESTING=0 leaves those out.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
dotnet build "$repo/runtime/CSnakes.Runtime.Tests" -c "$configuration" -v:q -nologo || exit 1
tests_dll="$repo/artifacts/bin/CSnakes.Runtime.Tests/${configuration,,}/CSnakes.Runtime.Tests.dll"
root_script="$repo/eng/debian-testing-root.sh"

failed=0; ran=0; summary=()

# run_suite <label> <executable> <version> <libpython> [runner…]: the runner (e.g. the root's `run`) wraps dotnet.
run_suite() {
    local label="$1" exe="$2" version="$3" lib="$4"; shift 4
    echo "=== runtime tests on Python $version ($label: $exe)"
    if "$@" env CSNAKES_TEST_PYTHON="$exe" dotnet "$tests_dll" --results-directory "$repo/artifacts/TestResults/runtime-$label"; then
        summary+=("PASSED   $label: Python $version ($lib)")
    else
        summary+=("FAILED   $label: Python $version ($lib)")
        failed=$((failed + 1))
    fi
    ran=$((ran + 1))
}

while read -r status label rest; do
    if [ "$status" = "SKIP" ]; then
        summary+=("SKIPPED  $label: $rest")
        continue
    fi
    read -r exe version lib <<< "$rest"
    run_suite "$label" "$exe" "$version" "$lib"
done < <("$repo/eng/find-pythons.sh")

debian_testing() {
    local wanted=(3.13 3.14 3.15) minor out rc found
    skip_all() { for minor in "${wanted[@]}"; do summary+=("SKIPPED  debian-testing-$minor: $1"); done; }
    if [ "${CSNAKES_DEBIAN_TESTING:-1}" = 0 ]; then skip_all "CSNAKES_DEBIAN_TESTING=0"; return; fi
    echo "=== Debian testing root (Python ${wanted[*]})"
    out="$("$root_script" ensure)"; rc=$?
    if [ "$rc" = 3 ]; then skip_all "${out#SKIPPED: }"; echo "$out"; return; fi
    if [ "$rc" != 0 ]; then
        for minor in "${wanted[@]}"; do summary+=("FAILED   debian-testing-$minor: the Debian testing root could not be made"); done
        failed=$((failed + 1)); return
    fi
    # The root's interpreters, as find-pythons.sh sees them from inside.
    local listing; listing="$("$root_script" run "$repo/eng/find-pythons.sh")"
    for minor in "${wanted[@]}"; do
        found=0
        while read -r status label exe version lib; do
            [ "$status" = OK ] && [ "$label" = "system-$minor" ] || continue
            run_suite "debian-testing-$minor" "$exe" "$version" "$lib" "$root_script" run
            found=1
        done <<< "$listing"
        [ "$found" = 1 ] || { summary+=("FAILED   debian-testing-$minor: no python$minor with a shared libpython in the root"); failed=$((failed + 1)); }
    done
}
debian_testing

echo "=== runtime tests per interpreter"
printf '%s\n' "${summary[@]}"
[ "$ran" -gt 0 ] || { echo "No CPython 3.9+ with a shared libpython was found: the runtime tests did not run."; exit 1; }
exit "$failed"
