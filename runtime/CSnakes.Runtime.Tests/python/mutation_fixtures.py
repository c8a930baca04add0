"""Containers that change while the runtime converts them (ContainerMutationTests).

Each container holds the only references to its items, so once it is emptied an item the converter
reads through a borrowed pointer is freed memory. The mutation is made deterministic: it happens
inside an item's property, which the record converter reads, either directly or by handing off to
another Python thread and waiting for it (the wait releases the GIL); nothing relies on timing.
"""
import threading
from dataclasses import dataclass
from typing import Any, Optional

# Set by arm_*(); one hand-off per call.
_go: Optional[threading.Event] = None
_done: Optional[threading.Event] = None
_thread: Optional[threading.Thread] = None


def _empty(container: Any) -> None:
    container.clear()
    # Allocate objects of the same size, so freed items are likely reused: a converter still reading one
    # through a stale pointer then sees another object (or garbage) instead of failing politely.
    _churn.extend(Clearing(-1) for _ in range(64))


_churn: list = []


@dataclass
class Clearing:
    """A record whose first field empties the container it sits in (the container is in `target`)."""
    n: int
    target: Any = None

    @property
    def first(self) -> int:
        target, self.target = self.target, None
        if target is not None:
            _empty(target)
        return self.n

    @property
    def second(self) -> int:
        return self.n * 10


@dataclass
class HandingOff:
    """A record whose first field lets another Python thread run (and empty the container) and waits for it."""
    n: int

    @property
    def first(self) -> int:
        if _go is not None and not _done.is_set():
            _go.set()
            _done.wait(60)  # releases the GIL until the other thread has emptied the container
        return self.n

    @property
    def second(self) -> int:
        return self.n * 10


def list_cleared_by_property(count: int) -> list:
    items: list = []
    items.extend(Clearing(i) for i in range(count))
    items[0].target = items
    return items


def dict_cleared_by_property(count: int) -> dict:
    items = {i: Clearing(i) for i in range(count)}
    items[0].target = items
    return items


def _arm(container: Any) -> Any:
    global _go, _done, _thread
    go, done = threading.Event(), threading.Event()

    def empty_when_told() -> None:
        if go.wait(60):
            _empty(container)
        done.set()

    _go, _done = go, done
    _thread = threading.Thread(target=empty_when_told, daemon=True)
    _thread.start()
    return container


def list_cleared_by_thread(count: int) -> list:
    return _arm([HandingOff(i) for i in range(count)])


def dict_cleared_by_thread(count: int) -> dict:
    return _arm({i: HandingOff(i) for i in range(count)})


def join() -> bool:
    """Waits for the last armed thread; True when it finished (so no thread outlives a test)."""
    global _go, _done, _thread
    thread, _go, _done, _thread = _thread, None, None, None
    if thread is None:
        return True
    thread.join(60)
    return not thread.is_alive()


@dataclass
class Growing:
    """A record whose first field appends to the list it sits in (the list is in `target`)."""
    n: int
    target: Any = None

    @property
    def first(self) -> int:
        target, self.target = self.target, None
        if target is not None:
            target.extend(Growing(100 + i) for i in range(4))
        return self.n

    @property
    def second(self) -> int:
        return self.n * 10


def list_grown_by_property(count: int) -> list:
    items = [Growing(i) for i in range(count)]
    items[0].target = items
    return items


class NotPairs:
    """A mapping whose items() are not (key, value) pairs."""

    def __len__(self) -> int:
        return 2

    def keys(self) -> list:
        return [1, 2]

    def items(self) -> list:
        return [1, 2]


def mapping_with_bad_items(count: int) -> NotPairs:
    return NotPairs()


class ClearingByGetattribute:
    """Not a property: every attribute read goes through __getattribute__, which empties the list once."""

    def __init__(self, n: int, target: Any = None) -> None:
        object.__setattr__(self, "_n", n)
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        if target is not None:
            object.__setattr__(self, "_target", None)
            _empty(target)
        n = object.__getattribute__(self, "_n")
        return {"first": n, "second": n * 10}.get(name) if name in ("first", "second") else object.__getattribute__(self, name)


def list_cleared_by_getattribute(count: int) -> list:
    items = [ClearingByGetattribute(i) for i in range(count)]
    object.__setattr__(items[0], "_target", items)
    return items


class _EmptiesOnCollection:
    """Garbage in a reference cycle whose finalizer empties a container: the GC, not the item, mutates it."""

    def __init__(self, target: Any) -> None:
        self.target = target
        self.cycle = self

    def __del__(self) -> None:
        _empty(self.target)


@dataclass
class Collecting:
    """A record whose first field runs the garbage collector (as any allocation may)."""
    n: int

    @property
    def first(self) -> int:
        import gc
        gc.collect()
        return self.n

    @property
    def second(self) -> int:
        return self.n * 10


def dict_cleared_by_finalizer(count: int) -> dict:
    import gc
    gc.collect()  # nothing else pending, so the next collection runs exactly our finalizer
    items = {i: Collecting(i) for i in range(count)}
    _EmptiesOnCollection(items)  # unreachable at once, but kept by its cycle until a collection
    return items
