"""Anchors for the interpreter-pool benchmark: Python's own ways to run the same CPU-bound function on two cores
(3.14's InterpreterPoolExecutor, multiprocessing.Pool), each as throughput relative to one worker of its own kind.
Rounds interleave the configurations; the median ratio is printed as "anchor <name> <ratio>"."""
import statistics
import sys
import time
from concurrent.futures import InterpreterPoolExecutor, ProcessPoolExecutor

WORK, CALLS = 100_000, 240


def burn(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return total


def seconds(executor):
    start = time.perf_counter()
    list(executor.map(burn, [WORK] * CALLS))
    return time.perf_counter() - start


def main(rounds):
    kinds = {"interpreter_pool_executor": InterpreterPoolExecutor, "process_pool": ProcessPoolExecutor}
    executors = {(name, workers): kind(workers) for name, kind in kinds.items() for workers in (1, 2)}
    for executor in executors.values():
        seconds(executor)  # start the workers and warm them up
    ratios = {name: [] for name in kinds}
    for _ in range(rounds):
        for name in kinds:
            ratios[name].append(seconds(executors[name, 1]) / seconds(executors[name, 2]))
    for executor in executors.values():
        executor.shutdown()
    for name, values in ratios.items():
        print("anchor %s_2_vs_1 %.2f" % (name, statistics.median(values)))


if __name__ == "__main__":
    main(int(sys.argv[1]))
