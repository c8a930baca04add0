"""Exponential smoothing without third-party packages."""


def ewma(values: list[float], alpha: float) -> list[float]:
    """Exponentially weighted moving average; alpha in (0, 1]."""
    if not 0.0 < alpha <= 1.0:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    result: list[float] = []
    current = None
    for v in values:
        current = v if current is None else alpha * v + (1.0 - alpha) * current
        result.append(current)
    return result
