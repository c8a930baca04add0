import sys

import tinywheel


def packaged_answer() -> int:
    """The answer of the wheel this package's requirements.txt pins."""
    return tinywheel.answer()


def python_prefix() -> str:
    return sys.prefix
