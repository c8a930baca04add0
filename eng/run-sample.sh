#!/usr/bin/env bash
# Runs test-projects/Sample end to end against the packages in artifacts/packages (./build.sh packs them first):
# copies the sample to artifacts/sample-run/, points global.json and nuget.config at the packed version,
# and runs the app with a fresh NuGet cache so a stale SDK can never be used.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages="$repo_root/artifacts/packages"
run_dir="$repo_root/artifacts/sample-run"

sdk_package="$(ls -t "$packages"/CSnakes.Python.Sdk.*.nupkg 2>/dev/null | head -n 1 || true)"
if [[ -z "$sdk_package" ]]; then
    echo "error: no CSnakes.Python.Sdk package in $packages; run ./build.sh first." >&2
    exit 1
fi
version="$(basename "$sdk_package" .nupkg)"
version="${version#CSnakes.Python.Sdk.}"
if [[ ! -f "$packages/CSnakes.Runtime.$version.nupkg" ]]; then
    echo "error: $packages has CSnakes.Python.Sdk $version but no CSnakes.Runtime.$version.nupkg; run ./build.sh first." >&2
    exit 1
fi
echo "Sample: CSnakes.Python.Sdk $version from $packages"

rm -rf "$run_dir"
mkdir -p "$run_dir"
cp -R "$repo_root/test-projects/Sample/." "$run_dir/"
sed -i "s|__CSNAKES_SDK_VERSION__|$version|" "$run_dir/global.json"
sed -i "s|__CSNAKES_LOCAL_FEED__|$packages|" "$run_dir/nuget.config"

export NUGET_PACKAGES="$run_dir/.nuget"
# Nested builds must use this dotnet's own MSBuild, not one a caller (e.g. dotnet test) leaked.
unset MSBuildExtensionsPath MSBuildSDKsPath MSBUILD_EXE_PATH
export MSBUILDDISABLENODEREUSE=1

cd "$run_dir"
dotnet run --project App
