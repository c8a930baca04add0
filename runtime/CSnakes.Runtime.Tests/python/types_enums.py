"""Fixtures for EnumConverter: a Python Enum, an IntEnum and values that lie about their Literal."""

import enum


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 10


class Other(enum.Enum):
    RED = "red"


def identity(value):
    return value


def color_member(name):
    return Color[name]


def other_red():
    return Other.RED


def is_color(value):
    return isinstance(value, Color)
