def greet(name: str) -> str:
    return f"Hello, {name}!"


def wheel_answer() -> int:
    # Imported here, not at module level: proves the venv's site-packages is on sys.path at call time.
    import tinywheel

    return tinywheel.answer()
