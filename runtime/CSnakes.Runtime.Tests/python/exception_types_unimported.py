"""Registered by ExceptionTypeRegistryTests before anything imports it: translating an exception must not import it."""


class LateError(Exception):
    pass


def raise_late():
    raise LateError("late")
