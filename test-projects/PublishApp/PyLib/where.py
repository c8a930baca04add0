import sys


def prefix() -> str:
    return sys.prefix


def executable() -> str:
    return sys.executable


def wheel_answer() -> int:
    # From the bundled site-packages.
    import tinywheel

    return tinywheel.answer()


def stdlib_check() -> str:
    # decimal needs _decimal from lib-dynload; json is pure stdlib.
    import decimal
    import json

    return json.dumps({"sum": str(decimal.Decimal("1.1") + decimal.Decimal("2.2"))})
