#!/usr/bin/env bash
# A Debian testing ("forky") root with CPython 3.13, 3.14 and 3.15 (shared libpython, venv) and numpy,
# for running the tests on Pythons newer than this Debian 12 host's glibc allows.
#
#   eng/debian-testing-root.sh [ensure]   make the root when missing or stale; prints its path
#   eng/debian-testing-root.sh run CMD…   run CMD inside the root (cwd kept), with the checkout, dotnet and
#                                         ~/.nuget/packages bind-mounted at the same paths, /proc and /dev
#   eng/debian-testing-root.sh path       print the root's path (whether or not it exists)
#
# Exit status 3 (and a line "SKIPPED: <reason>") when the root cannot be made or used here: not root,
# no debootstrap and no way to install it, no network. The root is cached between runs under
# $CSNAKES_DEBIAN_TESTING_CACHE (default /var/cache/csnakes-debian-testing, else $XDG_CACHE_HOME); a stamp
# records the package list, so changing the list below rebuilds it. Mounts live in a private mount
# namespace (unshare -m) and are also unmounted by a trap: they never outlive `run`, even when it is killed.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

suite=forky
packages=(
    python3.13 libpython3.13 python3.13-venv
    python3.14 libpython3.14 python3.14-venv
    python3.15 libpython3.15 python3.15-venv
    python3-numpy python3-mypy ca-certificates libicu-dev
    python3-jinja2 python3-rich python3-yaml python3-typeshed   # InstalledPackagesTests: PythonImport of real typed packages on 3.15
    procps   # kill(1): the web sample's SIGTERM test
)
stamp_text="suite=$suite packages=${packages[*]}"

default_cache=/var/cache/csnakes-debian-testing
if [ -z "${CSNAKES_DEBIAN_TESTING_CACHE:-}" ]; then
    if mkdir -p "$default_cache" 2>/dev/null && [ -w "$default_cache" ]; then
        CSNAKES_DEBIAN_TESTING_CACHE="$default_cache"
    else
        CSNAKES_DEBIAN_TESTING_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/csnakes-debian-testing"
    fi
fi
cache="$CSNAKES_DEBIAN_TESTING_CACHE"
root="$cache/root"
stamp="$cache/root.stamp"

skip() { echo "SKIPPED: $*"; exit 3; }

# Anything mounted at or under $1? (A bind mount of the checkout under a directory about to be removed
# would take the checkout with it.)
mounted_under() {
    local dir; dir="$(readlink -f "$1")"
    awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo
}

safe_remove() {
    [ -e "$1" ] || return 0
    if mounted_under "$1"; then
        echo "Refusing to remove $1: something is mounted under it:" >&2
        awk -v d="$(readlink -f "$1")" 'index($5, d) == 1 { print "  " $5 }' /proc/self/mountinfo >&2
        exit 1
    fi
    rm -rf --one-file-system "$1"
}

mirror() {
    # The Debian mirror this machine uses (deb822 or one-line sources), else deb.debian.org.
    local uri
    uri="$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)"
    [ -n "$uri" ] || uri="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1)"
    echo "${uri:-http://deb.debian.org/debian}"
}

ready() { [ -x "$root/usr/bin/python3.14" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ]; }

ensure() {
    ready && { echo "$root"; return 0; }
    [ "$(id -u)" = 0 ] || skip "the Debian testing root needs root (debootstrap, chroot, mounts)"
    command -v chroot >/dev/null && command -v unshare >/dev/null || skip "no chroot/unshare"
    mkdir -p "$cache" || skip "cannot create $cache"
    exec 9>"$cache/lock"
    flock 9
    ready && { echo "$root"; return 0; }       # made by a concurrent run meanwhile
    if ! command -v debootstrap >/dev/null; then
        command -v apt-get >/dev/null || skip "no debootstrap, and no apt-get to install it"
        echo "Installing debootstrap" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2 \
            || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2; } \
            || skip "debootstrap is not installed and apt-get could not install it"
    fi
    # This debootstrap may predate forky: its script is sid's.
    local script=/usr/share/debootstrap/scripts/$suite
    [ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
    [ -e "$script" ] || skip "debootstrap has no script for $suite or sid"
    local url; url="$(mirror)"
    if command -v curl >/dev/null && ! curl -fsS -o /dev/null --max-time 30 "$url/dists/$suite/Release"; then
        skip "cannot reach $url/dists/$suite/Release (no network?)"
    fi
    local new="$cache/root.new" log="$cache/debootstrap.log" started=$SECONDS
    safe_remove "$new"
    echo "Making the Debian testing root in $root (debootstrap $suite from $url; 5-16 minutes; log: $log)" >&2
    if ! debootstrap --variant=minbase --include="$(IFS=,; echo "${packages[*]}")" \
            "$suite" "$new" "$url" "$script" > "$log" 2>&1; then
        tail -20 "$log" >&2
        safe_remove "$new"
        if grep -qiE 'Failed getting release file|Temporary failure|Could not resolve|Connection (refused|timed out)' "$log"; then
            skip "debootstrap could not download from $url (no network?)"
        fi
        echo "debootstrap failed; see $log" >&2
        exit 1
    fi
    # forky's Release file may be past its Valid-Until (apt refuses it otherwise).
    echo 'Acquire::Check-Valid-Until "false";' > "$new/etc/apt/apt.conf.d/99csnakes-no-valid-until"
    # The host's extra CA certificates (e.g. a proxy's), for NuGet over HTTPS inside the root.
    if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
        mkdir -p "$new/usr/local/share/ca-certificates"
        cp -r /usr/local/share/ca-certificates/. "$new/usr/local/share/ca-certificates/"
        chroot "$new" /usr/sbin/update-ca-certificates >/dev/null 2>&1 \
            || echo "warning: update-ca-certificates failed in the root" >&2
    fi
    safe_remove "$root"
    mv "$new" "$root"
    echo "$stamp_text" > "$stamp"
    echo "Made the Debian testing root in $((SECONDS - started)) s" >&2
    echo "$root"
}

# Inside the private mount namespace (called by `run`): mount, chroot, unmount.
in_namespace() {
    local workdir="$1"; shift
    mounts=()   # global: the EXIT trap runs after this function has returned
    cleanup() {
        local i
        for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
            umount -l "${mounts[i]}" 2>/dev/null
        done
    }
    trap cleanup EXIT
    bind() {   # bind <host path> [ro]
        local src="$1" dst="$root$1"
        [ -e "$src" ] || return 0
        if [ -d "$src" ]; then mkdir -p "$dst"; else mkdir -p "$(dirname "$dst")"; touch "$dst"; fi
        mount --rbind "$src" "$dst" || exit 1
        mounts+=("$dst")
        if [ "${2:-}" = ro ]; then mount -o remount,bind,ro "$dst" 2>/dev/null || true; fi
    }
    mount -t proc proc "$root/proc" || exit 1; mounts+=("$root/proc")
    bind /dev
    bind /usr/share/dotnet ro
    bind "$repo"
    mkdir -p "$HOME/.nuget/packages"
    bind "$HOME/.nuget/packages"
    local dotnet_in_root="$root/usr/bin/dotnet"
    [ -e "$dotnet_in_root" ] || ln -s /usr/share/dotnet/dotnet "$dotnet_in_root"
    # A clean environment (chroot's tools would otherwise see host paths), plus what the tests and dotnet need.
    local envs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/share/dotnet
        HOME="$HOME" LANG=C.UTF-8 TERM="${TERM:-dumb}"
        SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt SSL_CERT_DIR=/etc/ssl/certs
        DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
        MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1)
    local name
    while IFS='=' read -r name _; do
        case "$name" in
            CSNAKES_*|NUGET_*|CONFIGURATION|http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|CI)
                envs+=("$name=${!name}") ;;
            DOTNET_*|MSBUILD*)
                case "$name" in DOTNET_ROOT|DOTNET_CLI_USE_MSBUILD_SERVER|MSBUILDDISABLENODEREUSE) ;; *) envs+=("$name=${!name}") ;; esac ;;
        esac
    done < <(env)
    # Not exec: the mounts are undone when the command ends. The command gets its own process group
    # (setsid), so an interruption ends all of it (a test host and the builds it started), not only its top.
    exec 3<&0
    setsid chroot "$root" /usr/bin/env -i "${envs[@]}" /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$workdir" "$@" <&3 &
    child=$!
    trap 'kill -TERM -- -"$child" 2>/dev/null; exit 130' INT TERM HUP
    local rc
    wait "$child"; rc=$?
    cleanup; mounts=()
    return "$rc"
}

case "${1:-ensure}" in
    ensure) ensure ;;
    path) echo "$root" ;;
    run)
        shift
        [ $# -gt 0 ] || { echo "usage: $0 run CMD [ARGS…]" >&2; exit 2; }
        [ "$(id -u)" = 0 ] || skip "running in the Debian testing root needs root (chroot, mounts)"
        ready || ensure >&2 || exit $?
        # A private mount namespace: the mounts vanish with it, so none can leak onto the host.
        exec unshare -m --propagation private "$0" __in_namespace "$PWD" "$@" ;;
    __in_namespace)
        shift
        in_namespace "$@" ;;
    *) echo "usage: $0 [ensure|run CMD…|path]" >&2; exit 2 ;;
esac
