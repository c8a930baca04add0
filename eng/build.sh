#!/usr/bin/env bash
# build  (default) restore, build and pack every shippable package into artifacts/packages/
# test   build, then run every test: task unit tests, runtime tests on each Python, SDK end-to-end tests;
#        then the runtime tests on CPython 3.13-3.15 and SDK end-to-end tests on 3.15 in a Debian testing root
# sample pack, then build and run the sample app in test-projects/Sample end to end
# bench  benchmark against the C floor (eng/bench/run.sh; options --python X.Y --rounds N --no-pack), then the
#        build time of typeshed's stdlib stubs (eng/bench/typeshed-build.sh)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
command="${1:-build}"
shift || true

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

pack() {
    rm -rf "$repo/artifacts/packages"
    dotnet pack "$repo/CSnakes.Python.Sdk.slnx" -c Release -nologo "$@"
    echo "Packages:"; ls -1 "$repo/artifacts/packages"
}

run_tests() {
    local failed=() log="$repo/artifacts/test-output.log"
    mkdir -p "$repo/artifacts"; : > "$log"
    dotnet build "$repo/CSnakes.Python.Sdk.slnx" -nologo -v:q || exit 1
    for project in $(find tasks Sdk -name '*.Tests.csproj' 2>/dev/null | sort); do
        echo "=== $project"
        dotnet test --project "$project" --no-build 2>&1 | tee -a "$log" || failed+=("$project")
    done
    echo "=== runtime tests on every Python"
    "$repo/eng/test-runtime.sh" 2>&1 | tee -a "$log" || failed+=("runtime tests")
    echo "=== SDK end-to-end tests on Python 3.15 (Debian testing root)"
    "$repo/eng/test-sdk-debian-testing.sh" 2>&1 | tee -a "$log" || failed+=("SDK end-to-end tests on 3.15")
    # One closing line for every test run above (Microsoft.Testing.Platform prints per-run totals).
    local passed failures skipped
    passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '/^ *succeeded: [0-9]+/ { n += $2 } END { print n + 0 }')
    failures=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '/^ *failed: [0-9]+/ { n += $2 } END { print n + 0 }')
    skipped=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '/^ *skipped: [0-9]+/ { n += $2 } END { print n + 0 }')
    echo "Tests: $passed passed, $failures failed, $skipped skipped"
    if [ "${#failed[@]}" -gt 0 ]; then
        echo "FAILED: ${failed[*]}"
        exit 1
    fi
    echo "All test groups passed."
}

case "$command" in
    build|pack) pack "$@" ;;
    test) run_tests ;;
    sample) pack; "$repo/eng/run-sample.sh" ;;
    bench) "$repo/eng/bench/run.sh" "$@" ;;
    *) echo "usage: ./build.sh [build|test|sample|bench]" >&2; exit 2 ;;
esac
