def twice(value: int) -> int:
    return value * 2
