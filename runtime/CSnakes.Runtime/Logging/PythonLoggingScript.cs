namespace CSnakes.Runtime.Logging;

/// <summary>
/// The Python half of the logging bridge. A <c>logging.Handler</c> on the root logger turns each
/// record into a plain tuple and puts it on a <c>queue.SimpleQueue</c>; a .NET thread drains the
/// queue. The only call into .NET while a record is emitted is the optional scope capture
/// (<see cref="LogScopeTickets.Capture"/>), which logs nothing and takes no lock Python holds, so logging is
/// safe from any Python thread, inside the GIL, during imports and under the logging module's locks.
/// </summary>
internal static class PythonLoggingScript
{
    public const string ModuleName = "_csnakes_logging";

    // Record tuples: (levelno, logger name, message, exception type, exception message, traceback, location, scope ticket).
    // levelno -1 is the stop marker, -2 a flush marker carrying its number in the message, -3 (made by drain) the number of
    // records dropped since the last batch, in the message.
    public const string Source = """
        import io
        import logging
        import queue
        import sys
        import traceback

        STOP_LEVEL = -1
        FLUSH_LEVEL = -2
        DROPPED_LEVEL = -3


        def _type_name(t):
            module = getattr(t, "__module__", None)
            name = getattr(t, "__qualname__", None) or t.__name__
            return name if module in (None, "builtins") else module + "." + name


        def _ticket(capture):
            if capture is None:
                return 0
            try:
                return capture()
            except Exception:
                return 0


        class DroppingQueue:
            # A bounded queue for records: put() never blocks and takes no Python-level lock (it may run in a signal
            # handler or under logging's locks, like SimpleQueue.put), and beyond `limit` waiting records it drops the
            # oldest. Markers (level < 0) are never dropped. Each drop is noted in a second SimpleQueue, so drain can
            # count them exactly without a shared counter.
            def __init__(self, limit):
                self._queue = queue.SimpleQueue()
                self._limit = limit
                self._drops = queue.SimpleQueue()

            def put(self, item):
                if item[0] >= 0:
                    while self._queue.qsize() >= self._limit:
                        try:
                            oldest = self._queue.get_nowait()
                        except queue.Empty:
                            break
                        if oldest[0] < 0:
                            self._queue.put(oldest)
                            break
                        self._drops.put(1)
                self._queue.put(item)

            def get(self, block, timeout):
                return self._queue.get(block, timeout)

            def get_nowait(self):
                return self._queue.get_nowait()

            def take_dropped(self):
                dropped = 0
                while True:
                    try:
                        self._drops.get_nowait()
                    except queue.Empty:
                        return dropped
                    dropped += 1


        class DotNetHandler(logging.Handler):
            def __init__(self, records, level, capture):
                super().__init__(level)
                self._records = records
                self._capture = capture

            def emit(self, record):
                try:
                    message = record.getMessage()
                    exc_type = exc_message = exc_text = None
                    if record.exc_info and record.exc_info[0] is not None:
                        exc_type = _type_name(record.exc_info[0])
                        exc_message = str(record.exc_info[1])
                        exc_text = "".join(traceback.format_exception(*record.exc_info))
                    elif record.exc_text:
                        exc_text = record.exc_text
                    if record.stack_info:
                        message = message + "\n" + record.stack_info
                    location = "%s:%d in %s" % (record.pathname, record.lineno, record.funcName)
                    self._records.put((record.levelno, record.name, message, exc_type, exc_message, exc_text, location, _ticket(self._capture)))
                except Exception:
                    self.handleError(record)


        class LineWriter(io.TextIOBase):
            # Stands in for sys.stdout/sys.stderr: every complete line becomes one record.
            def __init__(self, records, name, levelno, original, capture):
                super().__init__()
                self._records = records
                self._capture = capture
                self._name = name
                self._levelno = levelno
                self._partial = ""
                self.original = original

            @property
            def encoding(self):
                return "utf-8"

            def writable(self):
                return True

            def write(self, text):
                if not isinstance(text, str):
                    raise TypeError("write() argument must be str, not " + type(text).__name__)
                self._partial += text
                while "\n" in self._partial:
                    line, self._partial = self._partial.split("\n", 1)
                    self._records.put((self._levelno, self._name, line, None, None, None, "", _ticket(self._capture)))
                return len(text)

            def flush(self):
                pass

            def finish(self):
                if self._partial:
                    self._records.put((self._levelno, self._name, self._partial, None, None, None, "", 0))
                    self._partial = ""


        class Bridge:
            def __init__(self, levelno, capture_print, stdout_level, stderr_level, capture, max_records):
                self.records = DroppingQueue(max_records) if max_records else queue.SimpleQueue()
                self.handler = DotNetHandler(self.records, levelno, capture)
                root = logging.getLogger()
                self._previous_root_level = root.level
                root.addHandler(self.handler)
                root.setLevel(levelno)
                self._writers = []
                if capture_print:
                    self._writers.append(("stdout", LineWriter(self.records, "stdout", stdout_level, sys.stdout, capture)))
                    self._writers.append(("stderr", LineWriter(self.records, "stderr", stderr_level, sys.stderr, capture)))
                    for stream, writer in self._writers:
                        setattr(sys, stream, writer)

            def drain(self, timeout, limit=1000):
                # get() with a timeout releases the GIL while it waits.
                try:
                    batch = [self.records.get(True, timeout)]
                except queue.Empty:
                    return []
                while len(batch) < limit:
                    try:
                        batch.append(self.records.get_nowait())
                    except queue.Empty:
                        break
                if isinstance(self.records, DroppingQueue):
                    dropped = self.records.take_dropped()
                    if dropped:
                        batch.insert(0, (DROPPED_LEVEL, "", str(dropped), None, None, None, "", 0))
                return batch

            def flush_marker(self, number):
                self.records.put((FLUSH_LEVEL, "", str(number), None, None, None, "", 0))

            def detach(self):
                root = logging.getLogger()
                root.removeHandler(self.handler)
                if root.level == self.handler.level:
                    root.setLevel(self._previous_root_level)
                for stream, writer in self._writers:
                    if getattr(sys, stream) is writer:
                        setattr(sys, stream, writer.original)
                    writer.finish()
                self.records.put((STOP_LEVEL, "", "", None, None, None, "", 0))
        """;
}
