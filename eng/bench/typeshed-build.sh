#!/usr/bin/env bash
# eng/bench/typeshed-build.sh [--python 3.12] [--no-pack]   (./build.sh bench runs it after the call benchmark)
# Build time of a CSnakes project holding all of typeshed's stdlib stubs (~500 .pyi files, from Debian's
# python3-mypy): the first build (restore, venv, wrapper generation, compile) and a no-change build.
# Skips with a message when typeshed is not installed. Prints the exit status next to each time, because
# a build that fails early would otherwise look fast.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
typeshed=/usr/lib/python3/dist-packages/mypy/typeshed/stdlib
python_version=3.12; pack=1
while [ $# -gt 0 ]; do
    case "$1" in
        --python) python_version="$2"; shift 2 ;;
        --no-pack) pack=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -d "$typeshed" ]; then
    echo "typeshed build bench skipped: $typeshed is missing (install python3-mypy)."
    exit 0
fi

[ "$pack" = 1 ] && "$repo/eng/build.sh" build >/dev/null
package="$(ls "$repo"/artifacts/packages/CSnakes.Python.Sdk.*.nupkg | head -1)"
version="$(basename "$package" .nupkg)"; version="${version#CSnakes.Python.Sdk.}"

work="$repo/artifacts/bench-typeshed"
rm -rf "$work"; mkdir -p "$work/StdlibStubs"
# The folder tree is kept so module names come out right (os/path.pyi is os.path); VERSIONS is not a stub.
(cd "$typeshed" && find . -name '*.pyi' -exec cp --parents {} "$work/StdlibStubs/" \;)
stubs="$(find "$work/StdlibStubs" -name '*.pyi' | wc -l)"
cat > "$work/StdlibStubs/StdlibStubs.csproj" <<XML
<Project Sdk="CSnakes.Python.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <PythonVersion>$python_version</PythonVersion>
  </PropertyGroup>
</Project>
XML
source "$repo/eng/bench/workspace.sh"
bench_workspace "$work" "$version"
bench_isolate "$work"
cd "$work"

# Prints "<ms> <exit code> <errors>" for one build.
time_build() {
    local t0 t1 code=0 log="$work/build.log"
    t0=$(date +%s%N)
    dotnet build StdlibStubs -c Release -nologo -v:q -clp:NoSummary "$@" >"$log" 2>&1 || code=$?
    t1=$(date +%s%N)
    # The quiet logger repeats each error at the end: count distinct lines.
    echo "$(( (t1 - t0) / 1000000 )) $code $(grep -E ': error [A-Z]+[0-9]+' "$log" | sort -u | wc -l)"
}
status() { if [ "$1" = 0 ]; then echo "succeeded"; else echo "failed ($2 errors; see $work/build.log)"; fi; }

read -r first_ms first_code first_errors < <(time_build)
noop=()
for _ in 1 2 3; do
    read -r ms code errors < <(time_build --no-restore)
    noop+=("$ms"); noop_code=$code; noop_errors=$errors
done
noop_ms="$(printf '%s\n' "${noop[@]}" | sort -n | sed -n 2p)"

echo
echo "CSnakes build of typeshed's stdlib stubs — $stubs .pyi files, Python $python_version, SDK $version"
printf '%-20s%14s  %s\n' "build" "time" "result"
printf '%-20s%12sms  %s\n' "first" "$first_ms" "$(status "$first_code" "$first_errors")"
printf '%-20s%12sms  %s\n' "no-change (median)" "$noop_ms" "$(status "$noop_code" "$noop_errors")"
