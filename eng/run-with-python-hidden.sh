#!/bin/sh
# eng/run-with-python-hidden.sh <pyenv root> <program> [args…]   (needs root)
# Runs a program with every Python on this machine hidden, in a private mount namespace: empty tmpfs over
# pyenv's root, /usr/lib/python3* and /usr/local/lib/python3*, and /dev/null bound over /usr/bin/python3*,
# /usr/local/bin/python3* and the system libpython. A published app that still finds Python is then using its
# own bundle. The SDK's publish tests (PublishHiddenPython) and eng/bench/sdk-bench.sh both run apps this way.
#
# `unshare -m` makes every mount private first, which fails inside a chroot ("cannot change root filesystem
# propagation": its / is no mount point), as in eng/debian-testing-root.sh's root. So unshare leaves
# propagation alone and the script makes / private itself where it can; in a chroot whose mounts are
# already private (that script runs it in a private namespace) the tmpfs mounts stay in this namespace.
if [ "${1:-}" != --in-namespace ]; then
    exec unshare -m --propagation unchanged sh "$0" --in-namespace "$@"
fi
shift
set -e
mount --make-rprivate / 2>/dev/null || true
root="$1"; shift
if [ -d "$root" ]; then mount -t tmpfs none "$root"; fi
for d in /usr/lib/python3* /usr/local/lib/python3*; do if [ -d "$d" ]; then mount -t tmpfs none "$d"; fi; done
for f in /usr/bin/python3* /usr/local/bin/python3* /usr/lib/x86_64-linux-gnu/libpython3*; do
  if [ -f "$f" ] && [ ! -L "$f" ]; then mount --bind /dev/null "$f"; fi
done
exec "$@"
