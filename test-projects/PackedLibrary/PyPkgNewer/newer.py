import tinywheel


def newer_answer() -> int:
    return tinywheel.answer()
