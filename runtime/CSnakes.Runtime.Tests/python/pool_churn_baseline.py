"""Baseline for the pool-churn test: CPython's own isolated sub-interpreters, made, used and destroyed as the
child host's pools are (two per cycle, each importing json), printing the resident memory the same way."""
import gc
import sys

try:
    import _interpreters as interpreters  # 3.13+
except ImportError:
    import _xxsubinterpreters as interpreters  # 3.12


def make():
    if sys.version_info >= (3, 14):
        return interpreters.create()  # isolated by default
    if sys.version_info >= (3, 13):
        return interpreters.create("isolated")
    return interpreters.create(isolated=True)


run = getattr(interpreters, "run_string", None) or getattr(interpreters, "exec")


def resident():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def cycle():
    made = [make() for _ in range(2)]
    for interpreter in made:
        run(interpreter, "import json; json.dumps([1, 2])")
    for interpreter in made:
        interpreters.destroy(interpreter)


for _ in range(10):
    cycle()
gc.collect()
before = resident()
for _ in range(int(sys.argv[1])):
    cycle()
gc.collect()
print("resident_before=%d" % before)
print("resident_after=%d" % resident())
