"""Fixtures for ClassConverter: a plain class whose instances travel by reference."""


class Counter:
    def __init__(self, start):
        self.value = start


class Other:
    pass


def make_counter(start):
    return Counter(start)


def make_other():
    return Other()


def same(a, b):
    return a is b
