"""Functions with type annotations become C# methods: env.Greetings().Greet("Ada")."""


def greet(name: str, excited: bool = False) -> str:
    """Says hello to name."""
    return f"Hello, {name}{'!' if excited else '.'}"


def word_lengths(words: list[str]) -> dict[str, int]:
    """Maps each word to its length."""
    return {word: len(word) for word in words}
