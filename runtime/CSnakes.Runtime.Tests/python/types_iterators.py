"""Iterables, iterators and generators for TypeSystemIteratorTests."""

closed = []


def count_up(n):
    for i in range(n):
        yield i


def a_list():
    return [1, 2, 3]


def not_iterable():
    return 5


def mixed():
    return iter([1, "two"])


def echo(limit):
    """Yields what it is sent (doubled); returns how many it received."""
    received = 0
    value = yield -1
    try:
        while value is not None and received < limit:
            received += 1
            value = yield value * 2
        return received
    finally:
        closed.append("echo")


def was_closed():
    return list(closed)


def reset_closed():
    closed.clear()


def consume(items):
    return sum(items)


def type_name(value):
    return type(value).__name__
