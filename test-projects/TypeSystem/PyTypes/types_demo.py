"""Every mapped row of the type table, plus functions whose values lie about their annotations."""
from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import typing
import uuid
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Literal, Optional, overload

if typing.TYPE_CHECKING:
    from collections.abc import Buffer


def shift(when: datetime.datetime, by: datetime.timedelta) -> datetime.datetime:
    return when + by


def aware(when: Annotated[datetime.datetime, "DateTimeOffset"]) -> Annotated[datetime.datetime, "DateTimeOffset"]:
    return when.astimezone(datetime.timezone(datetime.timedelta(hours=2)))


def next_day(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=1)


def later(at: datetime.time) -> datetime.time:
    return at.replace(hour=at.hour + 1)


def total(amounts: Sequence[decimal.Decimal]) -> decimal.Decimal:
    return sum(amounts, decimal.Decimal("0"))


def next_uuid(value: uuid.UUID) -> uuid.UUID:
    return uuid.UUID(int=value.int + 1)


def big(value: Annotated[int, "BigInteger"]) -> Annotated[int, "BigInteger"]:
    return value * 2**70


def maybe_date(present: bool) -> Optional[datetime.date]:
    return datetime.date(2000, 1, 1) if present else None


def make_buffer(size: int) -> Buffer:
    return bytearray(range(size))


def buffer_length(data: Buffer) -> int:
    return memoryview(data).nbytes


def shout_all(words: set[str]) -> frozenset[str]:
    return frozenset(word.upper() for word in words)


def set_kind(values: frozenset[int]) -> str:
    return type(values).__name__ + ":" + str(sum(values))


def doubled(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(v * 2 for v in values)


def tuple_kind(values: tuple[str, ...]) -> str:
    return type(values).__name__ + ":" + ",".join(values)


def count(values: Collection[int]) -> int:
    return len(values)


def keys(mapping: Mapping[str, int]) -> list[str]:
    return sorted(mapping)


def loose(items: list, table: dict) -> list:
    return [len(items), len(table)]


def describe(value: int | str | None = None) -> str:
    return type(value).__name__


def parse(text: str) -> int | str:
    return int(text) if text.isdigit() else text


@overload
def twice(value: int) -> int: ...
@overload
def twice(value: str) -> str: ...
def twice(value):
    return value * 2


def count_up(n: int) -> Iterator[int]:
    yield from range(n)


def squares(values: Iterable[int]) -> Iterable[int]:
    return [v * v for v in values]


def running_total(start: int) -> Generator[int, int, str]:
    total = start
    while True:
        added = yield total
        if added is None:
            return "total=" + str(total)
        total += added


def lying_iterator() -> Iterator[int]:
    return iter([1, "two"])  # type: ignore[list-item]


def lying_set() -> set[int]:
    return [1, 2]  # type: ignore[return-value]


def lying_date() -> datetime.date:
    return "2024-01-01"  # type: ignore[return-value]


def lying_uuid() -> uuid.UUID:
    return 5  # type: ignore[return-value]


def lying_tuple() -> tuple[int, ...]:
    return {1}  # type: ignore[return-value]


async def gather_squares(values: list[int]) -> list[int]:
    """Awaited from C# as Task<IReadOnlyList<long>>; the squares run concurrently on the one event loop."""
    import asyncio

    async def square(value: int) -> int:
        await asyncio.sleep(0.01)
        return value * value

    return list(await asyncio.gather(*(square(v) for v in values)))


async def fail_async(message: str) -> None:
    import asyncio

    await asyncio.sleep(0)
    raise ValueError(message)


class _Later:
    # An awaitable that is not a coroutine: only __await__.
    def __init__(self, value: str) -> None:
        self._value = value

    def __await__(self):
        import asyncio

        yield from asyncio.sleep(0).__await__()
        return self._value


def eventually(value: str) -> typing.Awaitable[str]:
    """Awaitable[T] (not a coroutine) is awaited from C# as Task<string>."""
    return _Later(value + "!")


def eventually_doubled(value: int) -> typing.Awaitable[int]:
    """A plain def handing back a coroutine object, annotated Awaitable[T]."""
    import asyncio

    return asyncio.sleep(0, result=value * 2)


def not_awaitable() -> typing.Awaitable[int]:
    """Lies: a generator is not awaitable, and the C# call says so."""
    return (i for i in range(3))  # type: ignore[return-value]


def price_names() -> typing.KeysView[str]:
    """A dict view is a collection: read once into IReadOnlyList<string>."""
    return {"tea": 3, "cake": 5}.keys()


def prices() -> typing.ItemsView[str, int]:
    return {"tea": 3, "cake": 5}.items()


def unique_sizes() -> Collection[int]:
    """A set is a Collection too (not a sequence)."""
    return {3, 1, 2}


_ticks_finished: list[int] = []


async def ticks(count: int) -> typing.AsyncIterator[int]:
    """Enumerated from C# with await foreach as IAsyncEnumerable<long>; the finally runs on early break too."""
    import asyncio

    try:
        for i in range(count):
            await asyncio.sleep(0.001)
            yield i * 10
    finally:
        _ticks_finished.append(count)


def ticks_finished() -> list[int]:
    return list(_ticks_finished)


class Color(enum.Enum):
    """Becomes the C# enum Color; members travel as Color members, matched by name."""

    RED = "red"
    DARK_BLUE = "dark blue"


def next_color(color: Color) -> Color:
    return Color.DARK_BLUE if color is Color.RED else Color.RED


def shades(colors: list[Color]) -> list[Color]:
    return list(reversed(colors))


def paint(color: Color = Color.DARK_BLUE, mode: Literal["fast", "slow"] = "slow") -> str:
    """Enum and Literal defaults become C# defaults: Paint(Color color = Color.DarkBlue, PaintMode mode = PaintMode.Slow)."""
    assert isinstance(color, Color) and mode in ("fast", "slow")
    return f"{color.name}/{mode}"


class Counter:
    """Becomes the C# class Counter, which holds the Python instance (made with NewCounter)."""

    def __init__(self, start: int) -> None:
        self._value = start

    def increment(self, by: int = 1) -> int:
        self._value += by
        return self._value

    @property
    def value(self) -> int:
        return self._value

    @value.setter
    def value(self, new: int) -> None:
        self._value = new


def busiest(counters: list[Counter]) -> Counter:
    """Takes and returns the very instances: no copies."""
    return max(counters, key=lambda c: c.value)


def lying_counter() -> Counter:
    return "not a counter"  # type: ignore[return-value]


def flip(switch: Literal["on", "off"]) -> Literal["off", "on"]:
    """The return and the parameter share one generated enum, FlipResult."""
    return "off" if switch == "on" else "on"


def lying_literal() -> Literal["on", "off"]:
    return "maybe"  # type: ignore[return-value]


@dataclasses.dataclass
class Point:
    """Becomes the C# record Point; travels by value as a Point instance."""

    x: int
    y: int
    color: Color
    label: str = "pt"

    def norm1(self) -> int:
        """Runs on a Python copy of the C# record."""
        return abs(self.x) + abs(self.y)

    def shifted(self, dx: int, dy: int = 0) -> "Point":
        return dataclasses.replace(self, x=self.x + dx, y=self.y + dy)

    def rename(self, label: str) -> None:
        self.label = label  # changes the copy only: the C# record is a value

    @property
    def area(self) -> int:
        return self.x * self.y


def move(points: list[Point], dx: int) -> list[Point]:
    assert all(isinstance(p, Point) for p in points)
    return [dataclasses.replace(p, x=p.x + dx, label=p.label + "!") for p in points]


class Interval(typing.NamedTuple):
    start: int
    label: str = "span"


def widen(interval: Interval) -> Interval:
    assert isinstance(interval, Interval)
    return Interval(interval.start - 1, interval.label + "+")


class Settings(typing.TypedDict):
    name: str
    retries: int


def bump(settings: Settings) -> Settings:
    assert type(settings) is dict
    return {"name": settings["name"].upper(), "retries": settings["retries"] + 1}


class Job(typing.TypedDict, total=False):
    """A key that may be missing becomes a nullable member, default null, left out of the dict when null."""

    name: typing.Required[str]
    retries: int


def retry(job: Job) -> Job:
    assert job.get("retries", 0) is not None, "a null key must be left out, not sent as None"
    if "retries" in job:
        return {"name": job["name"]}
    return {"name": job["name"], "retries": 1}


@dataclasses.dataclass
class Point3(Point):
    """Inherits Point's fields first, as Python orders them."""

    z: int = 0


def lift(point: Point3) -> Point3:
    assert isinstance(point, Point3)
    return dataclasses.replace(point, z=point.z + 1)


def lying_point() -> Point:
    return (1, 2)  # type: ignore[return-value]


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def each_word(text: str, visit: Callable[[str, int], None]) -> int:
    words = text.split()
    for index, word in enumerate(words):
        visit(word, index)
    return len(words)


def guarded(f: Callable[[], str]) -> str:
    try:
        return f()
    except RuntimeError as e:
        return f"caught {type(e).__name__}: {e}"


# The scalar and container rows, through generated code.
def swap_bytes(data: bytes) -> bytes:
    return bytes(reversed(data))


def negate(flag: bool) -> bool:
    return not flag


def as_float(value: int) -> float:
    # An int returned where float is annotated is widened.
    return value * 2


def float_kind(value: float) -> str:
    # A whole C# double still arrives as a Python float.
    return type(value).__name__


def huge() -> int:
    return 2**70


_log: list[str] = []


def remember(text: str) -> None:
    _log.append(text)


def remembered() -> list[str]:
    return list(_log)


def pair(values: tuple[int, str, float]) -> tuple[str, int, float]:
    number, text, real = values
    return text.upper(), number + 1, real * 2


def eight(values: tuple[int, int, int, int, int, int, int, int]) -> tuple[int, int, int, int, int, int, int, int]:
    return tuple(reversed(values))


def group(table: dict[str, list[int]]) -> dict[str, int]:
    return {key: sum(values) for key, values in table.items()}


def greet(name: Optional[str] = None) -> Optional[str]:
    return None if name is None else "hi " + name


def lying_bool() -> bool:
    return 1  # type: ignore[return-value]


_B = object()
_D = object()


def call_shape(a: int, b: int = _B, c: int = 3, /, d: int = _D, e: int = 5) -> str:
    """Shows how each argument arrived: positionally while all earlier ones were given, then by keyword."""
    return ",".join("-" if value is _B or value is _D else str(value) for value in (a, b, c, d, e))


def keyword_spy(a: int, b: int = _B, *, c: int = 1, **rest: int) -> str:
    """Fails if anything that could go by position was sent by keyword (rest would hold it)."""
    return f"{a},{'-' if b is _B else b},{c},{sorted(rest)}"
