#!/usr/bin/env bash
# eng/bench/sdk-bench.sh [--python 3.12] [--runs 7] [--seconds 5] [--no-pack]   (./build.sh bench runs it last)
# What the SDK costs a user's build, publish and app, on the test-projects/ the end-to-end tests use:
# - no-change build of WheelScenario's PyLib (requirements + wheel + modules) against its PlainLib;
# - PublishApp: a plain console app's first publish, the Python app's first and no-change publish, the same with
#   PythonCompileBytecode=true, the bundle's size, and the published app's cold start with every Python on the
#   machine hidden (eng/run-with-python-hidden.sh) — compiling its bytecode, after writing its own __pycache__,
#   and with shipped bytecode;
# - WebSample: requests per second on the Python endpoint against the same forecast in C# (eng/bench/WebLoad).
# Times are medians of --runs runs, taken round-robin so other load falls on each side alike. A failing step stops
# the script with its log: a build that fails early would otherwise look fast.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
python_version=3.12; runs=7; seconds=5; pack=1
while [ $# -gt 0 ]; do
    case "$1" in
        --python) python_version="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --no-pack) pack=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

[ "$pack" = 1 ] && "$repo/eng/build.sh" build >/dev/null
package="$(ls "$repo"/artifacts/packages/CSnakes.Python.Sdk.*.nupkg | head -1)"
version="$(basename "$package" .nupkg)"; version="${version#CSnakes.Python.Sdk.}"

work="$repo/artifacts/bench-sdk"
rm -rf "$work"; mkdir -p "$work"
source "$repo/eng/bench/workspace.sh"
bench_workspace "$work" "$version"
# The same tiny wheel the end-to-end tests build (TinyWheel.cs): the requirements files name tinywheel==1.0.
python3 - "$work/wheels" <<'PY'
import base64, hashlib, os, sys, zipfile
folder = sys.argv[1]; os.makedirs(folder)
files = {"tinywheel/__init__.py": "def answer():\n    return 42\n",
         "tinywheel-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: tinywheel\nVersion: 1.0\n",
         "tinywheel-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: csnakes-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
record = "".join(f"{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(t.encode()).digest()).rstrip(b'=').decode()},{len(t.encode())}\n"
                 for p, t in files.items()) + "tinywheel-1.0.dist-info/RECORD,,\n"
with zipfile.ZipFile(os.path.join(folder, "tinywheel-1.0-py3-none-any.whl"), "w") as z:
    for p, t in {**files, "tinywheel-1.0.dist-info/RECORD": record}.items():
        z.writestr(p, t)
PY
# Copies test-projects/<scenario> and fills in the tokens its global.json, nuget.config and requirements carry.
scenario() {
    cp -r "$repo/test-projects/$1" "$work/$1"
    find "$work/$1" \( -name global.json -o -name nuget.config -o -name requirements.txt \) -exec sed -i \
        -e "s|__CSNAKES_SDK_VERSION__|$version|" -e "s|__CSNAKES_LOCAL_FEED__|$repo/artifacts/packages|" \
        -e "s|__CSNAKES_WHEEL_DIR__|$work/wheels|" {} +
}
scenario WheelScenario; scenario PublishApp; scenario WebSample
cp -r "$repo/eng/bench/WebLoad" "$repo/eng/bench/Directory.Build.props" "$work/"
python=(-p:PythonVersion="$python_version")

# timed <log name> <command…>: runs it quietly and prints its wall time in ms; on failure shows the log and stops.
timed() {
    local name="$1" t0 t1 code=0; shift
    t0=$(date +%s%N)
    "$@" >"$work/$name.log" 2>&1 || code=$?
    t1=$(date +%s%N)
    if [ "$code" != 0 ]; then
        echo "sdk-bench: '$*' failed (exit $code); the end of its output, $work/$name.log:" >&2
        tail -40 "$work/$name.log" >&2
        exit 1
    fi
    echo $(( (t1 - t0) / 1000000 ))
}
# median <values…>: "median (lowest–highest)", the spread showing how much the busy VM moved it.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s (%s–%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
declare -A result

echo "SDK benchmark (Python $python_version, SDK $version, $runs runs)…"
# --- No-change build: a Python library against a plain one, both built once first.
cd "$work/WheelScenario"
timed wheel-first dotnet build ConsoleApp "${python[@]}" -nologo -v:q >/dev/null
timed plain-first dotnet build PlainLib -nologo -v:q >/dev/null
py_builds=(); plain_builds=()
for _ in $(seq "$runs"); do
    py_builds+=("$(timed noop-py dotnet build PyLib --no-restore "${python[@]}" -nologo -v:q)")
    plain_builds+=("$(timed noop-plain dotnet build PlainLib --no-restore -nologo -v:q)")
done
result[noop_py]=$(median "${py_builds[@]}"); result[noop_plain]=$(median "${plain_builds[@]}")

# --- Publish: the plain console app first, so both pay the same first-restore costs for the .NET packages.
cd "$work/PublishApp"
out="$work/PublishApp/out"
publish() { dotnet publish "$1" -r linux-x64 --self-contained false -o "$out/$2" "${python[@]}" -nologo -v:q "${@:3}"; }
# Its own stdlib pyc cache, so the first bytecode publish compiles the standard library as a user's first one does.
bytecode=(-p:PythonCompileBytecode=true -p:PythonBytecodeCacheDirectory="$work/pyc-cache/")
result[publish_plain]=$(timed publish-plain publish Plain plain)
result[publish_first]=$(timed publish-first publish App fd)
# The venv and wrappers exist now, so the first bytecode publish is mostly the compiling.
result[publish_pyc_first]=$(timed publish-pyc-first publish App pyc "${bytecode[@]}")
again=(); pyc_again=()
for _ in $(seq "$runs"); do
    again+=("$(timed publish-again publish App fd)")
    pyc_again+=("$(timed publish-pyc-again publish App pyc "${bytecode[@]}")")
done
result[publish_again]=$(median "${again[@]}"); result[publish_pyc_again]=$(median "${pyc_again[@]}")
mib() { du -sb "$@" | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }'; }
result[bundle_fd]="$(mib "$out/fd/python") MiB ($(find "$out/fd/python" -type f | wc -l) files), folder $(mib "$out/fd") MiB"
result[bundle_pyc]="$(mib "$out/pyc/python") MiB ($(find "$out/pyc/python" -type f | wc -l) files), folder $(mib "$out/pyc") MiB"

# --- Cold start, framework-dependent, with every other Python hidden. Fresh copies, since running an app lets Python
# write its caches. Hiding takes a mount namespace, so root; elsewhere the apps run unhidden and the rows say so.
hidden="Python hidden"; hide=("$repo/eng/run-with-python-hidden.sh" "$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")")
[ "$(id -u)" = 0 ] || { hidden="Python NOT hidden (needs root)"; hide=(); }
for copy in compiling warm; do cp -a "$out/fd" "$out/start-$copy"; done
cp -a "$out/pyc" "$out/start-pyc"
start_app() { (cd "$out/start-$1" && "${hide[@]}" dotnet App.dll | grep '^wheel: 42$'); }
timed start-warmup start_app warm >/dev/null  # writes Python's own __pycache__: the warm case
compiling=(); warm=(); shipped=()
for _ in $(seq "$runs"); do
    # Without shipped bytecode every start compiles until one has written __pycache__ (every start, if read-only).
    find "$out/start-compiling" -name __pycache__ -type d -prune -exec rm -rf {} +
    compiling+=("$(timed start-compiling start_app compiling)")
    warm+=("$(timed start-warm start_app warm)")
    shipped+=("$(timed start-pyc start_app pyc)")
done
result[start_compiling]=$(median "${compiling[@]}"); result[start_warm]=$(median "${warm[@]}"); result[start_pyc]=$(median "${shipped[@]}")

# --- Web throughput: the Python endpoint against the same forecast in C#, logging at Warning so the figure is the
# endpoint's work and not the console logger's (both endpoints log one line per request at Information).
cd "$work"
timed webload-build dotnet build WebLoad -c Release -nologo -v:q >/dev/null
timed websample-build dotnet build WebSample/WebApp -c Release "${python[@]}" -nologo -v:q >/dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
(cd "$work/WebSample/WebApp/bin/Release/net10.0" && exec dotnet WebApp.dll --urls "http://127.0.0.1:$port" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Python=Warning >"$work/webapp.log" 2>&1) &
web_pid=$!
trap 'kill "$web_pid" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
    if (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$web_pid" 2>/dev/null || { echo "sdk-bench: the web sample exited:" >&2; cat "$work/webapp.log" >&2; exit 1; }
    sleep 0.5
done
(: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "sdk-bench: the web sample is not listening after 60 s:" >&2; cat "$work/webapp.log" >&2; exit 1; }
load() { dotnet "$work/WebLoad/bin/Release/net10.0/WebLoad.dll" "http://127.0.0.1:$port/" "$1" 16 "$2"; }
load csharp 2 >/dev/null; load python 2 >/dev/null  # warm-up: JIT, connections, Python's first imports
web_cs=(); web_py=()
for _ in $(seq 3); do web_cs+=("$(load csharp "$seconds")"); web_py+=("$(load python "$seconds")"); done
kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; trap - EXIT
result[web_cs]=$(median "${web_cs[@]}"); result[web_py]=$(median "${web_py[@]}")

# ratio <a> <b>: a / b of the medians (the first number of each).
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "CSnakes SDK benchmark — Python $python_version, SDK $version, medians of $runs runs (web: of 3 runs of ${seconds}s, 16 clients)"
row() { printf '%-76s %s\n' "$1" "$2"; }
row "no-change build, Python library (WheelScenario/PyLib), ms" "${result[noop_py]}"
row "no-change build, plain C# library (WheelScenario/PlainLib), ms" "${result[noop_plain]}"
row "publish, plain console app, first (PublishApp/Plain), ms" "${result[publish_plain]}"
row "publish, app + Python library, first (restore, venv, pip, bundle), ms" "${result[publish_first]}"
row "publish, app + Python library, no change, ms" "${result[publish_again]}"
row "publish with PythonCompileBytecode=true, first (venv already made), ms" "${result[publish_pyc_first]}"
row "publish with PythonCompileBytecode=true, no change, ms" "${result[publish_pyc_again]}"
row "bundle python/ without bytecode" "${result[bundle_fd]}"
row "bundle python/ with bytecode" "${result[bundle_pyc]}"
row "cold start, $hidden, no bytecode, first run (compiles it), ms" "${result[start_compiling]}"
row "cold start, $hidden, no bytecode, own __pycache__ written, ms" "${result[start_warm]}"
row "cold start, $hidden, PythonCompileBytecode=true, ms" "${result[start_pyc]}"
row "web sample, C# endpoint, requests/s" "${result[web_cs]}"
row "web sample, Python endpoint, requests/s" "${result[web_py]}"
echo
echo "ratio sdk_noop_build $(ratio "${result[noop_py]}" "${result[noop_plain]}")"
echo "ratio start_bytecode_vs_compiling $(ratio "${result[start_pyc]}" "${result[start_compiling]}")"
echo "ratio web_python_vs_csharp $(ratio "${result[web_py]}" "${result[web_cs]}")"
