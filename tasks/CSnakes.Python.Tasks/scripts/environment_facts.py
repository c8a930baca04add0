"""Prints, as one JSON object, what an environment's interpreter sees of installed packages: the parts named as
arguments (site_directories, distributions), so a caller pays only for what it reads.

site_directories: the folders on sys.path (after site processing, as under ``python -I``) that hold installed
packages, in sys.path order: everything except the standard library, lib-dynload and zip files. These are what a
published app must carry to see what this interpreter sees.
distributions: every installed distribution visible to it, as {"name", "version"} (importlib.metadata).
"""
import importlib.metadata
import json
import os
import sys
import sysconfig


def _key(path):
    return os.path.normcase(os.path.realpath(path))


def site_directories():
    standard = set()
    for name in ("stdlib", "platstdlib"):
        folder = sysconfig.get_path(name)
        if folder:
            standard.add(_key(folder))
            standard.add(_key(os.path.join(folder, "lib-dynload")))
    found, seen = [], set()
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        key = _key(entry)
        if key in standard or key in seen:
            continue
        seen.add(key)
        found.append(os.path.abspath(entry))
    return found


def distributions():
    found = {}
    for distribution in importlib.metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name not in found:
            found[name] = distribution.version
    return [{"name": name, "version": version} for name, version in sorted(found.items())]


PARTS = {"site_directories": site_directories, "distributions": distributions}

if __name__ == "__main__":
    json.dump({name: PARTS[name]() for name in sys.argv[1:]}, sys.stdout)
