"""numpy from whichever environment the build was told to use: system site-packages, an existing venv or conda
environment, or a wheel in requirements.txt (the e2e tests write requirements.txt for the routes that need it)."""
from __future__ import annotations

import typing

import numpy

if typing.TYPE_CHECKING:
    from collections.abc import Buffer


def numpy_version() -> str:
    return numpy.__version__


def numpy_location() -> str:
    return numpy.__file__


def cumulative(values: list[float]) -> list[float]:
    return [float(v) for v in numpy.cumsum(numpy.asarray(values, dtype=numpy.float64))]


def grid(rows: int, cols: int) -> Buffer:
    return numpy.arange(rows * cols, dtype=numpy.float64).reshape(rows, cols)


def extra() -> str:
    # A package the environment has besides numpy (the existing-venv test installs tinywheel there).
    try:
        import tinywheel
    except ImportError:
        return "none"
    return str(tinywheel.answer())
