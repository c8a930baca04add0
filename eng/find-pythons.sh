#!/usr/bin/env bash
# Lists the CPython interpreters the runtime tests run against, by asking each candidate.
# Output, one per line:  OK <label> <executable> <version> <libpython>   or   SKIP <label> <reason>
# Wanted: one interpreter per minor version 3.9–3.13 (any install), plus every distro ("system")
# interpreter under /usr, whose layout (e.g. Debian's multiarch libpython) differs from pyenv's.
set -uo pipefail

probe='import sys, sysconfig, os
v = sysconfig.get_config_vars()
lib = None
for d in (v.get("LIBDIR"), os.path.join(v.get("LIBDIR") or "", v.get("MULTIARCH") or "")):
    for n in (v.get("INSTSONAME"), v.get("LDLIBRARY")):
        if d and n and (".so" in n or n.endswith((".dylib", ".dll"))) and os.path.exists(os.path.join(d, n)):
            lib = lib or os.path.join(d, n)
print("%d.%d.%d" % sys.version_info[:3], sys.implementation.name, sys.base_prefix, lib or "-")'

candidates=()
root="${PYENV_ROOT:-}"
if [ -z "$root" ] && command -v pyenv >/dev/null 2>&1; then root="$(pyenv root)"; fi
[ -z "$root" ] && [ -d "$HOME/.pyenv" ] && root="$HOME/.pyenv"
if [ -n "$root" ]; then
    for p in "$root"/versions/*/bin/python3; do [ -x "$p" ] && candidates+=("$p"); done
fi
for p in /usr/local/bin/python3.* /usr/bin/python3.*; do
    case "$p" in *-config|*m) continue;; esac
    [ -x "$p" ] && candidates+=("$p")
done
IFS=: read -ra path_dirs <<< "${PATH:-}"
for d in "${path_dirs[@]}"; do
    case "$d" in *shims*) continue;; esac
    for p in "$d"/python3.*; do [ -x "$p" ] && candidates+=("$p"); done
done

declare -A by_minor=()
declare -A seen=()
for exe in "${candidates[@]}"; do
    real="$(readlink -f "$exe")"
    [ -n "${seen[$real]:-}" ] && continue
    seen[$real]=1
    read -r version impl prefix lib < <(env -u PYTHONPATH -u PYTHONHOME "$exe" -I -c "$probe" 2>/dev/null) || continue
    [ "$impl" = "cpython" ] || continue
    minor="${version%.*}"
    # CSnakes supports 3.9 and newer.
    minor_number="${minor#3.}"
    [ "${version%%.*}" = "3" ] && [ "$minor_number" -ge 9 ] 2>/dev/null || continue
    if [ "$lib" = "-" ]; then
        echo "SKIP $minor@$exe no shared libpython (built without --enable-shared)"
        continue
    fi
    if [ "$prefix" = "/usr" ]; then
        echo "OK system-$minor $exe $version $lib"
    elif [ -z "${by_minor[$minor]:-}" ]; then
        by_minor[$minor]=1
        echo "OK $minor $exe $version $lib"
    fi
done
for minor in 3.9 3.10 3.11 3.12 3.13; do
    [ -z "${by_minor[$minor]:-}" ] && echo "SKIP $minor no CPython $minor with a shared libpython was found (looked in pyenv, /usr/local/bin, /usr/bin, PATH)"
done
exit 0
