"""The functions both sides of the benchmark call: the C floor through the C API, .NET through generated wrappers."""
from collections.abc import Buffer


def f() -> None:
    pass


def add(a: int, b: int) -> int:
    return a + b


def echo(s: str) -> str:
    return s


def list_len(xs: list[int]) -> int:
    return len(xs)


def make_list(n: int) -> list[int]:
    return list(range(n))


def dict_len(d: dict[str, int]) -> int:
    return len(d)


def make_dict(n: int) -> dict[str, int]:
    return {"k%d" % i: i for i in range(n)}


_buffers = {}


def make_buffer(megabytes: int) -> Buffer:
    # Created once, so both sides measure only getting the view and summing it.
    b = _buffers.get(megabytes)
    if b is None:
        b = _buffers[megabytes] = bytearray(b"\x01" * (megabytes * 1024 * 1024))
    return b


def roundtrip_list(xs: list[int]) -> list[int]:
    return xs
