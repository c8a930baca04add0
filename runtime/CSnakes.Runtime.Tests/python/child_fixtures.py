"""Python run by the child host processes of ChildProcessTests (scenarios that may kill their host)."""
import multiprocessing
import os
import threading
import time


def square(x):
    return x * x


def _sleep_long():
    time.sleep(600)


_busy = None


def _remember(busy):
    global _busy
    _busy = busy


def _report_busy_then_sleep():
    _busy.release()
    _sleep_long()


def pool_squares(method):
    context = multiprocessing.get_context(method)
    busy = context.Semaphore(0)
    with context.Pool(2, initializer=_remember, initargs=(busy,)) as pool:
        squares = pool.map(square, range(10))
        # Both workers busy for good, so leaving the with block (terminate()) has to SIGTERM them:
        # none can have exited on its own first.
        pool.apply_async(_report_busy_then_sleep)
        pool.apply_async(_report_busy_then_sleep)
        for _ in range(2):
            if not busy.acquire(timeout=120):
                raise TimeoutError("a pool worker never started its task")
    return squares


def _set_then_sleep(running):
    running.set()
    _sleep_long()


def terminated_child_exit_code(method):
    """Exit code of a child killed by terminate(): -SIGTERM for a child that behaves like Python's."""
    context = multiprocessing.get_context(method)
    if method == "fork":
        # Terminated at once: the signal may arrive before the child's at-fork hook ran, which is
        # the window the runtime closes by blocking signals across the fork.
        child = context.Process(target=_sleep_long)
        child.start()
    else:
        # spawn/forkserver children are new Pythons; signal one only once it runs. (Between fork and
        # exec, CPython 3.10+ resets the handlers itself; 3.9 does not, and the runtime cannot reach there.)
        running = context.Event()
        child = context.Process(target=_set_then_sleep, args=(running,))
        child.start()
        if not running.wait(120):
            raise TimeoutError("the child never started")
    child.terminate()
    child.join(120)
    return child.exitcode


def pid():
    return os.getpid()


def start_endless_thread(name):
    never = threading.Event()
    # Explicitly non-daemon: a thread started from a .NET thread (a daemon _DummyThread) would
    # otherwise inherit daemon=True.
    threading.Thread(target=never.wait, name=name, daemon=False).start()


def start_short_thread(name):
    def run():
        time.sleep(0.5)
        import tempfile

        path = os.path.join(tempfile.gettempdir(), "csnakes-short-thread-%d.txt" % os.getpid())
        with open(path, "w") as record:
            record.write("finished")

    threading.Thread(target=run, name=name, daemon=False).start()


def read_address_zero():
    import ctypes

    return ctypes.string_at(0)
