# Compiles the .py files of a publish bundle to .pyc, for the interpreter running this script.
# Usage: python -I compile_bytecode.py REQUEST.json RESULT.json
#   REQUEST: {"files": [{"source": "/abs/os.py", "target": "python/lib/python3.12/os.py", "outputDirectory": "/abs/out"}]}
#   RESULT:  {"cacheTag": "cpython-312",
#             "compiled": [{"source": ..., "pyc": "/abs/out/python/lib/python3.12/__pycache__/os.cpython-312.pyc",
#                           "target": "python/lib/python3.12/__pycache__/os.cpython-312.pyc"}],
#             "skipped": [{"source": ..., "reason": "..."}], "written": 12}
# The pyc goes where this interpreter's import system looks for it (importlib.util.cache_from_source on the
# file's place in the publish folder), so the cache tag is the interpreter's own, never guessed.
# UNCHECKED_HASH: the pyc is used whatever the copied files' timestamps are, and Python never rewrites it.
# A file that does not compile (Python 2 code in a package, a deliberate syntax-error fixture) is skipped,
# as compileall does; the caller reports it. Only a broken request fails the run.
import hashlib
import importlib.util
import json
import os
import py_compile
import sys
import uuid


def pyc_target(target):
    # cache_from_source works on any path; with -I no PYTHONPYCACHEPREFIX redirects it.
    return importlib.util.cache_from_source(target).replace(os.sep, "/")


def sidecar_text(pyc_bytes):
    # Same format as CacheEntryHash.cs: the SHA-256 of the file, lower-case hex, then a newline.
    return hashlib.sha256(pyc_bytes).hexdigest() + "\n"


def up_to_date(source, pyc):
    # The pyc holds the magic number of the interpreter that wrote it and the hash of the source it was
    # compiled from: both must match. Times are not enough (pip may give files old timestamps). The header
    # says nothing about the code after it, so the pyc must also be the very file this script wrote: its
    # sidecar hash. A pyc planted in the machine-wide cache (right header, other code) is compiled again.
    try:
        with open(pyc, "rb") as f:
            pyc_bytes = f.read()
        with open(pyc + ".sha256", encoding="ascii") as f:
            recorded = f.read()
        with open(source, "rb") as f:
            source_bytes = f.read()
    except (OSError, ValueError):
        return False
    header = pyc_bytes[:16]
    return (
        len(header) == 16
        and header[:4] == importlib.util.MAGIC_NUMBER
        and header[4:8] == b"\x01\x00\x00\x00"
        and header[8:16] == importlib.util.source_hash(source_bytes)
        and recorded == sidecar_text(pyc_bytes)
    )


def record(pyc):
    # Write then rename: a reader sees the old record or the new one, never half.
    with open(pyc, "rb") as f:
        text = sidecar_text(f.read())
    temporary = f"{pyc}.sha256.{uuid.uuid4().hex[:8]}.tmp"
    with open(temporary, "w", encoding="ascii", newline="") as f:
        f.write(text)
    os.replace(temporary, pyc + ".sha256")


def compile_one(source, target, pyc):
    # dfile: the name recorded in the code objects. The bundle-relative path keeps the build machine's
    # paths out of the pyc; the import system replaces it with the real path when it loads the file.
    # py_compile writes to a temporary name and renames it into place (importlib's _write_atomic).
    py_compile.compile(
        source,
        cfile=pyc,
        dfile=target,
        doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    record(pyc)


def main(request_path, result_path):
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    compiled, skipped, written = [], [], 0
    for entry in request["files"]:
        source, target = entry["source"], entry["target"]
        relative_pyc = pyc_target(target)
        pyc = os.path.join(entry["outputDirectory"], *relative_pyc.split("/"))
        if not up_to_date(source, pyc):
            try:
                compile_one(source, target, pyc)
                written += 1
            except (py_compile.PyCompileError, SyntaxError, ValueError, UnicodeError, OSError) as e:
                message = e.msg if isinstance(e, py_compile.PyCompileError) else str(e)
                skipped.append({"source": source, "reason": " ".join(message.split())})
                continue
        compiled.append({"source": source, "pyc": pyc, "target": relative_pyc})
    result = {"cacheTag": sys.implementation.cache_tag, "compiled": compiled, "skipped": skipped, "written": written}
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: compile_bytecode.py REQUEST.json RESULT.json\n")
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
