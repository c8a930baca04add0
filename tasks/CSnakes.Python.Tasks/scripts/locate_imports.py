"""Finds the files that type each PythonImport item, the way a type checker finds them (PEP 561), without importing.

Run as `python -I -B locate_imports.py` with the environment's own interpreter (a venv's python sees the venv, and
the system site-packages when the venv was made with them). stdin is a JSON list of top-level or dotted module names;
stdout is ASCII JSON:

{"version": 1, "search_path": [dir, ...],
 "imports": [{"name": ..., "kind": "stubs" | "typed" | "stdlib-stubs" | "untyped" | "missing" | "no-source",
              "root": dir or null, "stub_distribution": name or null, "distribution": name or null,
              "files": [{"path": ..., "module": ...}], "looked_in": [dir, ...]}]}

Order (PEP 561, then typeshed for the standard library):
1. a `<top>-stubs` package on sys.path (what `types-PyYAML` installs; Debian's python3-typeshed);
2. the package itself when it holds `py.typed` (its own `.pyi` files stand in for the `.py` beside them);
3. for a standard-library module, typeshed's stdlib stubs carried by a type checker installed in the environment
   (mypy's `mypy/typeshed/stdlib`), filtered by typeshed's VERSIONS file for this interpreter;
4. the package's own source, untyped (the caller warns, naming the stubs distribution that would help).
Every file of the top-level package is listed (private ones too: what a public module re-exports from them must be
read); which modules get wrappers is the caller's business. The signature reader itself tells stubs and py.typed
packages (read by the typing spec's library-interface rules) from plain source.
"""

import ast
import json
import os
import sys

FORMAT_VERSION = 1
SOURCE_SUFFIXES = (".pyi", ".py")
# Folders inside a package that are never modules of it.
# Test suites shipped inside a package are no part of its interface (numpy.core.tests...).
SKIPPED_FOLDERS = frozenset(("__pycache__", "tests", "test"))
# Type checkers that carry typeshed's stdlib stubs, as (distribution folder parts) under a site directory.
TYPESHED_STDLIB_LOCATIONS = (("mypy", "typeshed", "stdlib"),)


def main():
    names = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    search_path = [entry for entry in sys.path if entry and os.path.isdir(entry)]
    result = {"version": FORMAT_VERSION, "search_path": search_path, "imports": [locate(name, search_path) for name in names]}
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=True, sort_keys=True).encode("ascii"))
    sys.stdout.buffer.write(b"\n")


def locate(name, search_path):
    top = name.split(".")[0]
    found = {"name": name, "root": None, "stub_distribution": None, "distribution": None, "files": [], "looked_in": search_path}

    stubs = find_stubs_package(top, search_path)
    if stubs is not None and module_file(stubs, top, name) is not None:
        found.update(kind="stubs", root=stubs, files=package_files(stubs, top))
        return found

    package = find_package(top, search_path)
    located = package is not None and package["kind"] in ("package", "module")
    stdlib = is_stdlib(top, package["path"] if package else None)
    if located and not stdlib:
        found["distribution"] = distribution_of(top)
        if module_file(package["path"], top, name, folder_is_package=package["kind"] == "package") is None:
            found["kind"] = "missing"
            return found
        typed = package["kind"] == "package" and os.path.isfile(os.path.join(package["path"], "py.typed"))
        found.update(kind="typed" if typed else "untyped", root=package["path"],
                     files=package_files(package["path"], top, single=package["kind"] == "module"))
        if not typed:
            found["stub_distribution"] = "types-" + (found["distribution"] or top)
        return found

    if stdlib:
        typeshed = find_typeshed_stdlib(search_path)
        if typeshed is not None:
            stdlib_root = os.path.join(typeshed, top) if os.path.isdir(os.path.join(typeshed, top)) else typeshed
            single = stdlib_root == typeshed
            if single:
                stdlib_root = os.path.join(typeshed, top + ".pyi")
                stdlib_root = stdlib_root if os.path.isfile(stdlib_root) else None
            if stdlib_root is not None and module_file(stdlib_root, top, name, folder_is_package=not single) is not None and available(typeshed, name):
                files = package_files(stdlib_root, top, single=single)
                files = [f for f in files if available(typeshed, f["module"])]
                # What the module re-exports from typeshed's private accelerator modules (sqlite3 takes connect
                # from _sqlite3, json its scanner from _json) must be read for the re-export to be followed.
                files += private_stdlib_sources(typeshed, files)
                # typeshed's own helper aliases (_typeshed.StrPath, Incomplete...) are read, never wrapped.
                helpers = os.path.join(typeshed, "_typeshed")
                if os.path.isdir(helpers) and top != "_typeshed":
                    files += package_files(helpers, "_typeshed")
                found.update(kind="stdlib-stubs", root=stdlib_root, files=files)
                return found
        if located:
            if module_file(package["path"], top, name, folder_is_package=package["kind"] == "package") is None:
                found["kind"] = "missing"
                return found
            found.update(kind="untyped", root=package["path"], stub_distribution="mypy",
                         files=package_files(package["path"], top, single=package["kind"] == "module"))
            return found

    if package is not None:
        # An extension module, a builtin or a namespace package: importable, but no Python text to read.
        found.update(kind="no-source", root=package["path"])
        found["stub_distribution"] = "types-" + (distribution_of(top) or top)
        return found
    found["kind"] = "missing"
    return found


def find_stubs_package(top, search_path):
    for entry in search_path:
        candidate = os.path.join(entry, top + "-stubs")
        if os.path.isdir(candidate):
            return candidate
    return None


def find_package(top, search_path):
    """Where `import top` would look first: a regular package, a module file, an extension, or a namespace folder."""
    namespace = None
    if top in sys.builtin_module_names:
        return {"kind": "builtin", "path": None}
    extension_suffixes = extension_module_suffixes()
    for entry in search_path:
        folder = os.path.join(entry, top)
        if os.path.isdir(folder) and any(os.path.isfile(os.path.join(folder, "__init__" + s)) for s in SOURCE_SUFFIXES):
            return {"kind": "package", "path": folder}
        for suffix in SOURCE_SUFFIXES:
            if os.path.isfile(folder + suffix):
                return {"kind": "module", "path": folder + suffix}
        for suffix in extension_suffixes:
            if os.path.isfile(folder + suffix):
                return {"kind": "extension", "path": folder + suffix}
        if namespace is None and os.path.isdir(folder):
            namespace = {"kind": "namespace", "path": folder}
    return namespace


def extension_module_suffixes():
    import importlib.machinery

    return tuple(importlib.machinery.EXTENSION_SUFFIXES)


def module_file(root, top, name, folder_is_package=True):
    """The file of module `name` under `root` (the folder of package `top`, or a single module file), or None."""
    if not folder_is_package:
        return root if name == top else None
    parts = name.split(".")[1:]
    base = os.path.join(root, *parts)
    for suffix in SOURCE_SUFFIXES:
        if os.path.isfile(os.path.join(base, "__init__" + suffix)):
            return os.path.join(base, "__init__" + suffix)
        if parts and os.path.isfile(base + suffix):
            return base + suffix
    return None


def package_files(root, top, single=False):
    """Every .py/.pyi of the package at `root` (or the one module file) with its dotted module name."""
    if single:
        return [{"path": root, "module": top}]
    files = []
    for folder, subfolders, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        parts = [] if relative == os.curdir else relative.split(os.sep)
        # A folder without __init__ is no package of this one (data, tests kept beside, vendored trees).
        subfolders[:] = sorted(
            d for d in subfolders
            if d not in SKIPPED_FOLDERS and d.isidentifier()
            and any(os.path.isfile(os.path.join(folder, d, "__init__" + s)) for s in SOURCE_SUFFIXES))
        for file_name in sorted(names):
            stem, suffix = os.path.splitext(file_name)
            if suffix not in SOURCE_SUFFIXES or not stem.isidentifier():
                continue
            module_parts = [top] + parts + ([] if stem == "__init__" else [stem])
            files.append({"path": os.path.join(folder, file_name), "module": ".".join(module_parts)})
    return files


def is_stdlib(top, location):
    names = getattr(sys, "stdlib_module_names", None)
    if names is not None:
        return top in names
    # Before 3.10: a module under the interpreter's own library folder (and not in a site directory) is stdlib.
    if top in sys.builtin_module_names:
        return True
    if location is None:
        return False
    import sysconfig

    location = os.path.realpath(location)
    for key in ("stdlib", "platstdlib"):
        folder = sysconfig.get_paths().get(key)
        if folder and location.startswith(os.path.realpath(folder) + os.sep) and "-packages" not in location:
            return True
    return False


def private_stdlib_sources(typeshed, files):
    """The files of the private top-level stdlib stubs (`_sqlite3`) that `files` import from, transitively."""
    seen = {f["path"] for f in files}
    found = []
    pending = list(files)
    while pending:
        for name in imported_private_modules(pending.pop()["path"]):
            top = name.split(".")[0]
            if top == "_typeshed" or not available(typeshed, top):
                continue
            folder = os.path.join(typeshed, top)
            single = os.path.join(typeshed, top + ".pyi")
            more = package_files(folder, top) if os.path.isdir(folder) else package_files(single, top, single=True) if os.path.isfile(single) else []
            for entry in more:
                if entry["path"] not in seen:
                    seen.add(entry["path"])
                    found.append(entry)
                    pending.append(entry)
    return found


def imported_private_modules(path):
    """Top-level `_x` modules a stub imports from (`from _sqlite3 import ...`, `import _socket`)."""
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def find_typeshed_stdlib(search_path):
    for entry in search_path:
        for parts in TYPESHED_STDLIB_LOCATIONS:
            candidate = os.path.join(entry, *parts)
            if os.path.isfile(os.path.join(candidate, "VERSIONS")):
                return candidate
    return None


_versions_cache = {}


def available(typeshed, module):
    """Whether typeshed's VERSIONS says `module` exists in this interpreter (the longest listed prefix decides)."""
    if typeshed not in _versions_cache:
        _versions_cache[typeshed] = read_versions(os.path.join(typeshed, "VERSIONS"))
    ranges = _versions_cache[typeshed]
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        if prefix in ranges:
            low, high = ranges[prefix]
            return low <= sys.version_info[:2] and (high is None or sys.version_info[:2] <= high)
    return True


def read_versions(path):
    ranges = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            module, span = (part.strip() for part in line.split(":", 1))
            low, _, high = span.partition("-")
            try:
                ranges[module] = (version_tuple(low), version_tuple(high) if high.strip() else None)
            except ValueError:
                continue
    return ranges


def version_tuple(text):
    major, minor = text.strip().split(".")[:2]
    return int(major), int(minor)


def distribution_of(top):
    """The distribution that installs top-level `top` (PyYAML for yaml), from installed metadata only."""
    try:
        import importlib.metadata as metadata

        mapping = metadata.packages_distributions()
    except Exception:  # noqa: BLE001 - before 3.10, or unreadable metadata: the name is a hint only
        return None
    names = mapping.get(top) or []
    return names[0] if names else None


if __name__ == "__main__":
    main()
