# Windows counterpart of eng/build.sh. build (default): pack into artifacts\packages. test: run the tests.
param([string]$Command = "build")
$ErrorActionPreference = "Stop"
$repo = Split-Path -Parent $PSScriptRoot
Set-Location $repo
switch ($Command) {
    "build" { dotnet pack "$repo\CSnakes.Python.Sdk.slnx" -c Release -nologo; if ($LASTEXITCODE) { exit $LASTEXITCODE } }
    "test" {
        dotnet build "$repo\CSnakes.Python.Sdk.slnx" -nologo -v:q; if ($LASTEXITCODE) { exit $LASTEXITCODE }
        $failed = 0
        foreach ($p in Get-ChildItem -Recurse -Filter *.Tests.csproj -Path tasks, Sdk, runtime) {
            # Runtime tests use CSNAKES_TEST_PYTHON (or the newest Python found) — one interpreter per run.
            dotnet test --project $p.FullName --no-build; if ($LASTEXITCODE) { $failed++ }
        }
        exit $failed
    }
    default { Write-Error "usage: build.cmd [build|test]"; exit 2 }
}
