"""Python side of CallbackTests: calls .NET delegates passed in as functions."""
import asyncio
import gc
import threading


def call_with(f, *args):
    return f(*args)


async def call_later(f, x):
    await asyncio.sleep(0)
    return f(x)


def call_with_keyword(f):
    return f(x=1)


def describe_failure(f, *args):
    """Calls f and describes what it raised as 'TypeName|is RuntimeError|message'."""
    try:
        f(*args)
    except Exception as e:
        return f"{type(e).__name__}|{isinstance(e, RuntimeError)}|{e}"
    return "no exception"


def call_from_threads(f, threads, calls):
    """Each of `threads` Python threads calls f(index, i) `calls` times; returns the per-thread sums."""
    results = [None] * threads
    errors = []
    start = threading.Barrier(threads)

    def work(index):
        try:
            start.wait()
            total = 0
            for i in range(calls):
                total += f(index, i)
            results[index] = total
        except BaseException as e:
            errors.append(repr(e))

    workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise RuntimeError("; ".join(errors))
    return results


_kept = []


def keep(f):
    _kept.append(f)


def drop_kept():
    del _kept[:]
    gc.collect()


def add(a, b):
    return a + b
