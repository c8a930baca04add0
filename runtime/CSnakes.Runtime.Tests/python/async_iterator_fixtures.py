"""Async generators enumerated from .NET by AsyncIteratorTests."""
import asyncio
import threading

events = []
started = threading.Event()
cancelled = threading.Event()
finally_ran = threading.Event()


async def count(n: int):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i


async def words():
    yield "a"
    await asyncio.sleep(0)
    yield None
    yield "c"


async def fail_after(n: int):
    for i in range(n):
        yield i
    await asyncio.sleep(0)
    _raise_value_error("stream broke")


def _raise_value_error(message):
    raise ValueError(message)


async def wait_forever():
    yield 1
    started.set()
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        cancelled.set()
        raise
    yield 2


async def guarded():
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0)
    finally:
        await asyncio.sleep(0)
        finally_ran.set()


async def coroutine_giving_iterator(n: int):
    await asyncio.sleep(0)
    return count(n)


class Ticker:
    # An async iterable that is not a generator (no aclose).
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


def ticker(n: int):
    return Ticker(n)


arrived = 0


async def rendezvous(name: str, total: int, steps: int):
    # The first step waits until `total` enumerations are in flight at once: run one after another
    # they never meet and time out. Steps are recorded so the interleaving can be asserted too.
    global arrived
    for i in range(steps):
        events.append(("start", name, i))
        if i == 0:
            arrived += 1
            deadline = asyncio.get_running_loop().time() + 20
            while arrived < total:
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError("only %d of %d enumerations ran at once" % (arrived, total))
                await asyncio.sleep(0.005)
        await asyncio.sleep(0.01)
        events.append(("end", name, i))
        yield i


def reset_events() -> None:
    global arrived
    arrived = 0
    events.clear()


def max_overlap() -> int:
    # Greatest number of steps in flight at once.
    running = 0
    best = 0
    for kind, _, _ in events:
        running += 1 if kind == "start" else -1
        best = max(best, running)
    return best


def not_async() -> int:
    return 5


def wait_for(name: str, timeout: float) -> bool:
    return globals()[name].wait(timeout)
