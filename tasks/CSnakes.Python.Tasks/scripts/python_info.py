# Reports facts about the interpreter running this script as one JSON object on stdout.
# Run with -I (isolated): nothing from the user's environment or current folder is imported.
# Kept compatible with Python 2.7 so old interpreters are reported (and rejected) rather than crashing.
from __future__ import print_function

import json
import platform
import sys
import sysconfig


def config(name):
    value = sysconfig.get_config_var(name)
    return value if value is None or isinstance(value, (int, str)) else str(value)


def abiflags():
    flags = getattr(sys, "abiflags", None)
    if flags is None:
        # Windows has no sys.abiflags; work the flags out from the build configuration.
        flags = ""
        if config("Py_DEBUG"):
            flags += "d"
        if config("Py_GIL_DISABLED"):
            flags += "t"
    return flags


def stdlib():
    try:
        return sysconfig.get_path("stdlib")
    except Exception:
        return None


implementation = getattr(sys, "implementation", None)
info = {
    "version": platform.python_version(),
    "version_info": list(sys.version_info[:3]) + [sys.version_info[3], sys.version_info[4]],
    "implementation": implementation.name if implementation else platform.python_implementation().lower(),
    "abiflags": abiflags(),
    "prefix": sys.prefix,
    "base_prefix": getattr(sys, "base_prefix", sys.prefix),
    "executable": sys.executable,
    "base_executable": getattr(sys, "_base_executable", sys.executable),
    "platform": sys.platform,
    "stdlib": stdlib(),
    "LIBDIR": config("LIBDIR"),
    "INSTSONAME": config("INSTSONAME"),
    "LDLIBRARY": config("LDLIBRARY"),
    "MULTIARCH": config("MULTIARCH"),
    "Py_ENABLE_SHARED": config("Py_ENABLE_SHARED"),
    "PYTHONFRAMEWORKPREFIX": config("PYTHONFRAMEWORKPREFIX"),
}
print(json.dumps(info))
