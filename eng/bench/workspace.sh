# Sourced by the bench scripts: points a scratch folder ($1) at the freshly packed SDK ($2 = its version) the
# way a user's solution would be (global.json + nuget.config), with its own NuGet cache.
bench_workspace() {
    local work="$1" version="$2"
    cat > "$work/global.json" <<JSON
{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, "msbuild-sdks": { "CSnakes.Python.Sdk": "$version" } }
JSON
    cat > "$work/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$repo/artifacts/packages" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
    export NUGET_PACKAGES="$work/.nuget" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
}

# Built like a user's project: the repository's own Directory.Build.props/targets and central packages stay out of $1.
bench_isolate() {
    cat > "$1/Directory.Build.props" <<XML
<Project>
  <PropertyGroup>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
  </PropertyGroup>
</Project>
XML
}
