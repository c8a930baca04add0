"""Functions the runtime tests call. Plain Python, no third-party packages."""
import os
import sys


def identity(value):
    return value


def add(a, b):
    return a + b


def type_name(value):
    return type(value).__name__


def kinds(a, /, b, *args, c, d=4, **kwargs):
    return {"a": a, "b": b, "args": list(args), "c": c, "d": d, "kwargs": kwargs}


def describe_float(x):
    return (type(x).__name__, repr(x))


def code_points(s):
    return [ord(ch) for ch in s]


def string_from_code_points(points):
    return "".join(chr(p) for p in points)


def big_int():
    return 2 ** 70


def negative_big_int():
    return -(2 ** 63) - 1


def raise_value_error(message):
    raise ValueError(message)


def _inner_failure():
    raise KeyError("inner")


def raise_with_cause():
    try:
        _inner_failure()
    except KeyError as e:
        raise RuntimeError("outer") from e


def raise_with_context():
    try:
        _inner_failure()
    except KeyError:
        raise TypeError("while handling")


def raise_suppressed_context():
    try:
        _inner_failure()
    except KeyError:
        raise TypeError("suppressed") from None


class CustomError(Exception):
    pass


def raise_custom():
    raise CustomError("custom message")


def sys_info():
    return {
        "prefix": sys.prefix,
        "base_prefix": sys.base_prefix,
        "executable": sys.executable,
        "utf8_mode": str(sys.flags.utf8_mode),
        "fs_encoding": sys.getfilesystemencoding(),
        "stdout_encoding": getattr(sys.stdout, "encoding", "") or "",
        "isolated": str(sys.flags.isolated),
        "pythonpath_env": os.environ.get("PYTHONPATH", ""),
        "pythonhome_env": os.environ.get("PYTHONHOME", ""),
    }


def sys_path():
    return list(sys.path)


def can_import(name):
    import importlib
    try:
        importlib.import_module(name)
        return True
    except ImportError:
        return False


def import_value(name):
    import importlib
    return importlib.import_module(name).VALUE


class Bag:
    def __init__(self):
        self.items = {}
        self.label = "bag"

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __len__(self):
        return len(self.items)


def make_bag():
    return Bag()


def count_up(n):
    return iter(range(n))


_counter = 0


def increment():
    global _counter
    _counter += 1
    return _counter


def counter():
    return _counter


def use_math():
    import math
    import json
    return json.dumps({"pi": round(math.pi, 2)})


def thread_id():
    import threading
    return threading.get_ident()


def mutable_default(x, bucket=[]):
    bucket.append(x)
    return len(bucket)


def main_thread_is_current():
    import threading
    return threading.main_thread() is threading.current_thread()


EXCEPTION_LOCALS_MARKER = "module level"


def fail_with_locals(n):
    doubled = n * 2
    label = "n=%d" % n
    raise ValueError(label + " doubled=%d" % doubled)
