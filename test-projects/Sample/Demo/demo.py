"""A few typed functions that the CSnakes.Python.Sdk turns into C#."""


def hello_world(name: str, age: int) -> str:
    """Greets someone by name and age."""
    return f"Hello {name}, you are {age} years old!"


def scale(values: list[float], factor: float = 2.0) -> list[float]:
    """Multiplies every value by factor."""
    return [v * factor for v in values]


def word_lengths(words: list[str]) -> dict[str, int]:
    """Maps each word to its length."""
    return {w: len(w) for w in words}
