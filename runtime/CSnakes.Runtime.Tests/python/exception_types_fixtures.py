"""Exceptions for ExceptionHierarchyTests and ExceptionTypeRegistryTests."""
import importlib
import json
import sys


class Bad(KeyError):
    """A Python subclass of a built-in: arrives as BuiltinsModule.KeyError."""


class MyError(Exception):
    """Registered by the tests."""


class MySubError(MyError):
    """Not registered: arrives as MyError's .NET type."""


class MyMoreDerivedError(MySubError):
    """Registered too: the most derived registration wins."""


class FactoryThrowsError(ValueError):
    """Registered with a factory that throws."""


class FactoryReturnsNullError(ValueError):
    """Registered with a factory that returns null."""


class Outer:
    class InnerError(LookupError):
        """Registered by a dotted path."""


class Plain(Exception):
    """Never registered."""


class RegisteredLate(Exception):
    """Registered by a test after the module was imported and its exceptions translated."""


not_a_class = 42


def raise_(name, message="message"):
    """Raises the class called name from this module, or from builtins."""
    cls = globals().get(name) or getattr(__import__("builtins"), name)
    raise cls(message)


def raise_uninitialized(name):
    """Raises the built-in class called name without calling __init__ (some need particular arguments)."""
    import builtins
    cls = getattr(builtins, name)
    raise cls.__new__(cls)


def raise_inner():
    raise Outer.InnerError("inner")


def decode_broken_json():
    return json.loads("{")


def open_missing(path):
    with open(path):
        pass


def raise_with_builtin_cause():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("outer") from e


def reload_me():
    """importlib.reload this module: every class above becomes a new class object."""
    importlib.reload(sys.modules[__name__])


def is_imported(name):
    return name in sys.modules


def python_bases(names):
    """name -> the name of its direct base, for built-in exception classes."""
    import builtins
    return {n: getattr(builtins, n).__base__.__name__ for n in names}
