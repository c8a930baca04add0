"""Fixtures for the interpreter pool: module state shows which interpreter a call ran in."""
import threading

calls = []


def remember(value: int) -> int:
    """Appends to this interpreter's list and says how long it is now."""
    calls.append(value)
    return len(calls)


def burn(n: int) -> int:
    """CPU-bound pure Python: a few milliseconds for n around 100_000."""
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def fail(message: str) -> None:
    raise ValueError(message)


def interpreter_marker() -> int:
    """id() of this interpreter's copy of the module: differs between interpreters."""
    import sys
    return id(sys.modules[__name__])


def start_thread(seconds: float, done_file: str) -> None:
    """Starts a non-daemon thread (sub-interpreters allow no daemon threads) that sleeps, then writes done_file."""
    import time

    def sleep_then_write():
        time.sleep(seconds)
        with open(done_file, "w") as f:
            f.write("done")

    threading.Thread(target=sleep_then_write, name="pool-sleeper").start()


async def slow_double(value: int) -> int:
    """Awaited from .NET on the asyncio loop of the interpreter it runs in."""
    import asyncio
    await asyncio.sleep(0.01)
    return value * 2 + len(calls) * 0


async def never_ends() -> None:
    import asyncio
    await asyncio.Event().wait()
