"""Starts with a UTF-8 byte order mark."""


def bom() -> int:
    return 1
