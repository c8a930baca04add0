"""What a Native AOT app calls: collections, a record, an exception and a coroutine."""

import asyncio
import dataclasses


@dataclasses.dataclass
class Reading:
    sensor: str
    value: float


def doubled(values: list[int]) -> list[int]:
    return [v * 2 for v in values]


def word_lengths(words: list[str]) -> dict[str, int]:
    return {w: len(w) for w in words}


def make_reading(sensor: str, value: float) -> Reading:
    return Reading(sensor, value)


def describe(reading: Reading) -> str:
    return f"{reading.sensor}={reading.value}"


def fail(message: str) -> None:
    raise ValueError(message)


async def delayed_sum(a: int, b: int) -> int:
    await asyncio.sleep(0)
    return a + b
