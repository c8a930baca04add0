"""Demand forecast for the web sample, with the standard library only."""
import logging
import statistics
import time

log = logging.getLogger("forecast")


def predict(history: list[float], horizon: int) -> list[float]:
    """Projects the least-squares trend of history horizon steps ahead."""
    n = len(history)
    if n < 2:
        raise ValueError(f"history needs at least two values, got {n}")
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1, got {horizon}")
    x_mean = (n - 1) / 2
    y_mean = statistics.fmean(history)
    sxx = sum((x - x_mean) ** 2 for x in range(n))
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in enumerate(history))
    slope = sxy / sxx
    log.info("forecast of %d points from %d values", horizon, n)
    return [y_mean + slope * (n + i - x_mean) for i in range(horizon)]


def slow_mean(values: list[float], seconds: float) -> float:
    """The mean of values after sleeping; keeps a call in flight for the dispose test."""
    time.sleep(seconds)
    return statistics.fmean(values)
