"""Functions the logging bridge tests call."""
import logging
import sys
import threading

log = logging.getLogger("fixtures.logging")


def log_each_level():
    log.log(5, "custom level five")
    log.debug("debug %d", 1)
    log.info("info %s", "two")
    log.warning("warning")
    log.error("error")
    log.critical("critical")


def _inner_failure():
    raise ValueError("bad forecast input")


def log_exception():
    try:
        _inner_failure()
    except ValueError:
        log.exception("forecast failed")


def log_many(count):
    for i in range(count):
        log.info("record %d", i)


def log_from_threads(threads, each):
    def work(t):
        for i in range(each):
            logging.getLogger("fixtures.thread%d" % t).warning("thread %d record %d", t, i)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def log_to_root(message):
    logging.warning(message)


def say(text):
    print(text)
    print("no newline yet", end="")
    sys.stderr.write("to stderr\n")


def stdout_type():
    return type(sys.stdout).__name__


def root_level():
    return logging.getLogger().level


def log_tagged(tag):
    log.warning("tagged %s", tag)


def log_tagged_from_python_thread(tag):
    worker = threading.Thread(target=log_tagged, args=(tag,))
    worker.start()
    worker.join()
