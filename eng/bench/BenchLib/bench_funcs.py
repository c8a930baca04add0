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


# Objects Python already holds (a model's output, a cached table): built once, so the held_* rows measure
# only reading them back, not Python making them.
_held = {}


def _hold(key, make):
    value = _held.get(key)
    if value is None:
        value = _held[key] = make()
    return value


def held_list_int(n: int) -> list[int]:
    return _hold(("li", n), lambda: list(range(n)))


def held_list_float(n: int) -> list[float]:
    return _hold(("lf", n), lambda: [i * 0.5 for i in range(n)])


def held_list_str(n: int) -> list[str]:
    return _hold(("ls", n), lambda: ["item%d" % i for i in range(n)])


def held_tuple_int(n: int) -> tuple[int, ...]:
    return _hold(("ti", n), lambda: tuple(range(n)))


def held_dict_int(n: int) -> dict[str, int]:
    return _hold(("di", n), lambda: {"k%d" % i: i for i in range(n)})


def held_dict_float(n: int) -> dict[str, float]:
    return _hold(("df", n), lambda: {"k%d" % i: i * 0.5 for i in range(n)})


def burn(n: int) -> int:
    """CPU-bound pure Python (a few milliseconds for n = 100_000): the interpreter-pool scaling workload."""
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total
