#!/usr/bin/env bash
# The SDK end-to-end tests once more, inside the Debian testing root (eng/debian-testing-root.sh) with its
# CPython 3.15 as the projects' Python (CSNAKES_PYTHON): build, venv, code generation, run and publish on
# the newest CPython. The test dll is the one ./build.sh test built on the host.
# CSNAKES_DEBIAN_TESTING=0 skips it; CSNAKES_DEBIAN_TESTING_E2E_FILTER narrows it (an MSTest --filter).
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
python=/usr/bin/python3.15
tests_dll="$repo/artifacts/bin/CSnakes.Python.Sdk.Tests/${configuration,,}/CSnakes.Python.Sdk.Tests.dll"
root_script="$repo/eng/debian-testing-root.sh"
results="$repo/artifacts/TestResults/sdk-debian-testing-3.15"

if [ "${CSNAKES_DEBIAN_TESTING:-1}" = 0 ]; then echo "SKIPPED  SDK end-to-end tests on $python: CSNAKES_DEBIAN_TESTING=0"; exit 0; fi
[ -f "$tests_dll" ] || { echo "FAILED   SDK end-to-end tests on $python: $tests_dll is not built"; exit 1; }
out="$("$root_script" ensure)"; rc=$?
if [ "$rc" = 3 ]; then echo "SKIPPED  SDK end-to-end tests on $python: ${out#SKIPPED: }"; exit 0; fi
[ "$rc" = 0 ] || { echo "FAILED   SDK end-to-end tests on $python: the Debian testing root could not be made"; exit 1; }

# The whole suite but one (4.5-5.5 minutes here); CSNAKES_DEBIAN_TESTING_E2E_FILTER narrows it, e.g.
# 'FullyQualifiedName~BuildAndRunTests|FullyQualifiedName~TypeSystemTests'.
# By default all but NativeAotTests: its publish takes minutes and does not depend on the Python version, so it
# runs once, on the host.
filter_value="${CSNAKES_DEBIAN_TESTING_E2E_FILTER:-FullyQualifiedName!~NativeAotTests}"
filter=()
[ -n "$filter_value" ] && filter=(--filter "$filter_value")
version="$("$root_script" run "$python" -c 'import platform; print(platform.python_version())')"
echo "=== SDK end-to-end tests on Python $version (Debian testing root: $python${filter_value:+; subset: $filter_value})"
# The workspaces are kept (CSNAKES_E2E_KEEP) so their resolution caches can prove which Python was used.
root="$("$root_script" path)"
e2e_tmp="$root/tmp/csnakes-e2e"
rm -rf --one-file-system "$e2e_tmp" "$results"
"$root_script" run env CSNAKES_PYTHON="$python" CSNAKES_E2E_KEEP=1 dotnet "$tests_dll" --results-directory "$results" "${filter[@]}"
rc=$?
# CSNAKES_PYTHON is only a preference: a build that resolved another Python would not test 3.15.
caches=$(find "$e2e_tmp" -name resolved-python.json 2>/dev/null | wc -l)
others=$(find "$e2e_tmp" -name resolved-python.json -exec grep -L '"Version": "3\.15\.' {} + 2>/dev/null)
rm -rf --one-file-system "$e2e_tmp"
if [ "$rc" = 0 ] && { [ "$caches" = 0 ] || [ -n "$others" ]; }; then
    echo "FAILED   SDK end-to-end tests on Python $version: builds resolved another Python ($caches resolution caches; not 3.15: ${others:-none found})"
    exit 1
fi
if [ "$rc" = 0 ]; then
    echo "PASSED   SDK end-to-end tests on Python $version ($caches builds resolved $python)"
else
    echo "FAILED   SDK end-to-end tests on Python $version"
fi
exit "$rc"
