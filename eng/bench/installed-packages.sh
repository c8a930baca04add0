#!/usr/bin/env bash
# eng/bench/installed-packages.sh [--python /usr/bin/python3.11] [--no-pack]
# PythonImport on real packages nobody here wrote (Debian's, through system site-packages): one project per package,
# built against the packed SDK with C# warnings as errors. Prints, per package: whether it built, where its types came
# from, the CSPY3001 count (annotations that say more than Any but became PyObject), and the share of wrapped callables
# (functions, methods, constructors) with no such annotation. docs/installed-packages.md records a run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
python=/usr/bin/python3.11; pack=1
while [ $# -gt 0 ]; do
    case "$1" in
        --python) python="$2"; shift 2 ;;
        --no-pack) pack=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
packages=(jinja2 click rich attr httpx pydantic numpy yaml requests json sqlite3 pathlib re datetime email)

[ "$pack" = 1 ] && "$repo/eng/build.sh" build >/dev/null
package="$(ls "$repo"/artifacts/packages/CSnakes.Python.Sdk.*.nupkg | head -1)"
version="$(basename "$package" .nupkg)"; version="${version#CSnakes.Python.Sdk.}"
work="$repo/artifacts/bench-installed-packages"
rm -rf "$work"; mkdir -p "$work"
source "$repo/eng/bench/workspace.sh"
bench_workspace "$work" "$version"
bench_isolate "$work"
cd "$work"

printf '| package | built | types from | modules wrapped | callables | with a CSPY3001 | typed | CSPY3001 |\n|---|---|---|---|---|---|---|---|\n'
for name in "${packages[@]}"; do
    project="P_${name}"
    mkdir -p "$project"
    cat > "$project/$project.csproj" <<XML
<Project Sdk="CSnakes.Python.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <PythonExecutable>$python</PythonExecutable>
    <PythonSystemSitePackages>true</PythonSystemSitePackages>
  </PropertyGroup>
  <ItemGroup>
    <PythonImport Include="$name" />
  </ItemGroup>
</Project>
XML
    code=0
    dotnet build "$project" -nologo -v:n -clp:NoSummary >"$project/build.log" 2>&1 || code=$?
    "$python" - "$project" "$code" "$name" <<'PY'
import glob, json, os, re, sys
project, code, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
log = open(os.path.join(project, "build.log"), encoding="utf-8", errors="replace").read()
warnings = set(line.strip() for line in log.splitlines() if "warning CSPY3001" in line)
# "... of <module.function>" or "... of <module.Class.method>" names the callable the annotation belongs to.
untyped = set(m.group(1) for w in warnings for m in [re.search(r" of ([\w.]+) (?:cannot|is)", w)] if m)
generated = glob.glob(os.path.join(project, "obj", "Debug", "net10.0", "python", "generated", "*.g.cs"))
callables = 0
for path in generated:
    callables += len(set(re.findall(r"Python: <c>(def [^<]*)</c>", open(path, encoding="utf-8").read())))
cache = os.path.join(project, "obj", "Debug", "net10.0", "python", "imports.json")
kind = "?"
if os.path.exists(cache):
    report = json.load(open(cache))["report"]["imports"]
    kind = ",".join(sorted(set(i["kind"] for i in report)))
typed = 100.0 * (1 - len(untyped) / callables) if callables else 0.0
errors = len(set(l for l in log.splitlines() if ": error " in l))
print(f"| {name} | {'yes' if code == 0 else f'no ({errors} errors)'} | {kind} | {len(generated)} | {callables} | {len(untyped)} | {typed:.1f}% | {len(warnings)} |")
PY
done
