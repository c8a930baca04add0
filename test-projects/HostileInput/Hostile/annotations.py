"""Annotations the generator cannot map must become PyObject with a CSPY3001 warning."""
from typing import Callable, Literal


def unknown_type(value: "SomethingUndefined") -> "AlsoUndefined":
    return value


def malformed_generic(values: list[int, str]) -> dict[str]:
    return {"n": len(values)}


def string_garbage(x: "list[int") -> int:
    return 1


def callable_any(f: Callable[..., int]) -> int:
    return 2


def mixed_literal(x: Literal[1, "a"]) -> int:
    return 3


def call_in_annotation(x: type(3)) -> int:
    return 4
