"""Proves the venv (and the wheel pip installed into it) is intact after hostile builds."""


def wheel_answer() -> int:
    import tinywheel

    return tinywheel.answer()
