#!/usr/bin/env bash
# build  (default) restore, build and pack every shippable package into artifacts/packages/
# test   build, then run every test: task unit tests, runtime tests on each Python, SDK end-to-end tests;
#        then the runtime tests on CPython 3.13-3.15 and SDK end-to-end tests on 3.15 in a Debian testing root;
#        ends with each group's duration and one "Tests: N passed, N failed, N skipped" line
# sample pack, then build and run the sample app in test-projects/Sample end to end
# bench  benchmark against the C floor (eng/bench/run.sh; options --python X.Y --rounds N --no-pack), then the
#        build time of typeshed's stdlib stubs (eng/bench/typeshed-build.sh) and the SDK's build, publish,
#        start-up and web figures (eng/bench/sdk-bench.sh)
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

# run_group <name> <command…>: one test group, its output shown and appended to $log. Its wall time and result go
# into the caller's group_times (and its name into failed if it fails): run_tests' locals, by bash's dynamic scope.
run_group() {
    local name="$1" start=$SECONDS result=passed; shift
    echo "=== $name"
    "$@" 2>&1 | tee -a "$log" || { result=FAILED; failed+=("$name"); }
    group_times+=("$name|$((SECONDS - start))|$result")
}

run_tests() {
    local failed=() group_times=() log="$repo/artifacts/test-output.log" suite_start=$SECONDS build_start
    mkdir -p "$repo/artifacts"; : > "$log"
    build_start=$SECONDS
    dotnet build "$repo/CSnakes.Python.Sdk.slnx" -nologo -v:q || exit 1
    group_times+=("build|$((SECONDS - build_start))|passed")
    for project in $(find tasks Sdk -name '*.Tests.csproj' 2>/dev/null | sort); do
        run_group "$project" dotnet test --project "$project" --no-build
    done
    run_group "runtime tests on every Python" "$repo/eng/test-runtime.sh"
    run_group "SDK end-to-end tests on Python 3.15 (Debian testing root)" "$repo/eng/test-sdk-debian-testing.sh"
    # Where the suite's time goes: CI allows 90 minutes on 2 busy cores.
    echo "Duration per group:"
    local entry name seconds result total=$((SECONDS - suite_start))
    for entry in "${group_times[@]}"; do
        IFS='|' read -r name seconds result <<< "$entry"
        printf '  %-72s %4d:%02d  %s\n' "$name" $((seconds / 60)) $((seconds % 60)) "$result"
    done
    printf '  %-72s %4d:%02d\n' "total" $((total / 60)) $((total % 60))
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
