"""Coroutines awaited from .NET by AsyncTests."""
import asyncio
import threading

cancelled = threading.Event()
started = threading.Event()


async def add_later(a: int, b: int) -> int:
    await asyncio.sleep(0.01)
    return a + b


async def nap(seconds: float) -> float:
    await asyncio.sleep(seconds)
    return seconds


async def do_nothing() -> None:
    await asyncio.sleep(0)


async def fail_later(message: str) -> int:
    await asyncio.sleep(0.01)
    _raise_value_error(message)
    return 0


def _raise_value_error(message):
    raise ValueError(message)


async def lie() -> int:
    return "not an int"


def not_a_coroutine() -> int:
    return 5


async def wait_forever() -> int:
    started.set()
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        cancelled.set()
        raise
    return 0


def wait_for_started(timeout: float) -> bool:
    return started.wait(timeout)


def wait_for_cancelled(timeout: float) -> bool:
    return cancelled.wait(timeout)


# Cancellation accounting for AsyncTests: bodies that started, and coroutines that finished.
bodies_started = 0
finished = set()


async def count_body(seconds: float) -> int:
    global bodies_started
    bodies_started += 1
    await asyncio.sleep(seconds)
    return 1


def bodies_started_count() -> int:
    return bodies_started


async def finish_and_record(index: int) -> int:
    await asyncio.sleep(0)
    # Recorded and returned in one step of the task: no cancel can come between the two.
    finished.add(index)
    return index


def finished_indexes() -> list:
    return sorted(finished)


async def cancel_myself() -> int:
    await asyncio.sleep(0)
    raise asyncio.CancelledError()
