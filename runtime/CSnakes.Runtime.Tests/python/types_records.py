"""Fixtures for RecordConverter: a dataclass, a NamedTuple and a TypedDict."""

import dataclasses
import typing


@dataclasses.dataclass
class Point:
    x: int
    label: str


class Pair(typing.NamedTuple):
    left: int
    right: int


class Options(typing.TypedDict):
    name: str


def describe(value):
    return type(value).__name__ + ":" + repr(value)


def make_point():
    return Point(3, "p")


def make_pair():
    return Pair(1, 2)


def incomplete_options():
    return {}
