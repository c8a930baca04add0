"""Defaults that C# cannot express must not be sent (Python's default applies), never break the compile."""


def huge_int(x: int = 99999999999999999999999) -> str:
    return str(x)


def infinite_float(x: float = 1e400) -> str:
    return repr(x)


def computed(x: int = 10 ** 3, y: float = float("nan")) -> str:
    return f"{x} {y}"


def none_for_int(x: int = None) -> str:
    return repr(x)


def wrong_type(x: str = 5) -> str:
    return repr(x)


def odd_string(x: str = "tab\t quote\" backslash\\ nul\x00 brace{0} \ud800") -> int:
    return len(x)


def tuple_default(x: tuple[int, int] = (1, 2)) -> int:
    return x[0] + x[1]


def positional_only_computed(x: int = 2 ** 70, /) -> str:
    return str(x)


def negative_and_minus_zero(x: int = -5, y: float = -0.0) -> str:
    return f"{x} {y}"
