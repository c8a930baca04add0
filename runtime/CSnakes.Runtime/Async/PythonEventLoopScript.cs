namespace CSnakes.Runtime.Async;

/// <summary>The Python half of <see cref="PythonEventLoop"/>, executed once under the GIL.</summary>
internal static class PythonEventLoopScript
{
    public const string ModuleName = "_csnakes_asyncio";

    // Finished futures are put on a queue by their done callback; one .NET thread blocks in
    // next_done() (SimpleQueue.get releases the GIL while it waits), so nothing polls.
    public const string Source = """
        import asyncio
        import inspect
        import queue
        import threading


        async def _await(awaitable):
            return await awaitable


        # One enumeration from .NET of an async iterable, or of an awaitable that gives one.
        class _AsyncIteration:

            def __init__(self, source):
                self._source = source
                self._iterator = None
                self._task = None

            async def next(self):
                # () ends the sequence; (item,) carries one item, so None can be an item.
                self._task = asyncio.current_task()
                if self._iterator is None:
                    source, self._source = self._source, None
                    if not hasattr(source, "__aiter__") and inspect.isawaitable(source):
                        source = await source
                    if not hasattr(source, "__aiter__"):
                        raise TypeError("expected an async iterable but got '%s'" % type(source).__name__)
                    self._iterator = source.__aiter__()
                try:
                    return (await self._iterator.__anext__(),)
                except StopAsyncIteration:
                    return ()

            async def close(self):
                # A cancelled next() may still be unwinding the generator; aclose() must wait for it.
                task = self._task
                if task is not None and not task.done() and task is not asyncio.current_task():
                    await asyncio.wait([task])
                iterator, self._iterator = self._iterator, None
                source, self._source = self._source, None
                if iterator is None:
                    if inspect.iscoroutine(source):
                        source.close()
                    return
                aclose = getattr(iterator, "aclose", None)
                if aclose is not None:
                    await aclose()


        # One coroutine submitted from .NET. Its asyncio task alone decides the outcome: a cancel that
        # arrives after the task finished changes nothing, so a finished coroutine keeps its result.
        # (A concurrent.futures.Future in between, as run_coroutine_threadsafe makes, could be
        # cancelled after the task finished but before its result was copied over.)
        class _Submission:

            def __init__(self, loop, coroutine, on_done):
                self._loop = loop
                self._coroutine = coroutine
                self._on_done = on_done
                self._task = None
                self._error = None

            def start(self):
                # Runs on the loop thread, before any cancel(): call_soon_threadsafe keeps order.
                coroutine, self._coroutine = self._coroutine, None
                try:
                    self._task = self._loop.create_task(coroutine)
                except BaseException as error:
                    self._error = error
                    self._on_done(self)
                    return
                self._task.add_done_callback(lambda _: self._on_done(self))

            def cancel(self):
                # Any thread; the task is cancelled on the loop thread (asyncio is not thread-safe).
                try:
                    self._loop.call_soon_threadsafe(self._cancel_on_loop)
                except RuntimeError:
                    pass  # the loop is closed: shutdown already cancelled and finished every task

            def _cancel_on_loop(self):
                if self._task is not None:
                    self._task.cancel()

            # Read by .NET once on_done has run: the task is done by then.
            def cancelled(self):
                return self._task is not None and self._task.cancelled()

            def result(self):
                if self._error is not None:
                    raise self._error
                return self._task.result()


        class Loop:
            def __init__(self, daemon):
                # A daemon thread on the main interpreter; a pool's sub-interpreter allows none, and stops it itself.
                self.loop = asyncio.new_event_loop()
                self._done = queue.SimpleQueue()
                self._thread = threading.Thread(target=self._run, name="csnakes-asyncio", daemon=daemon)
                self._thread.start()

            def _run(self):
                asyncio.set_event_loop(self.loop)
                self.loop.run_forever()

            def submit(self, awaitable, token):
                # None tells .NET the value is not awaitable (the annotation lied).
                if not inspect.isawaitable(awaitable):
                    return None
                if not asyncio.iscoroutine(awaitable):
                    awaitable = _await(awaitable)
                submission = _Submission(self.loop, awaitable, lambda s: self._done.put((token, s)))
                self.loop.call_soon_threadsafe(submission.start)
                return submission

            def discard(self, awaitable):
                # For an already cancelled token: nothing runs. False when the value is not awaitable.
                if not inspect.isawaitable(awaitable):
                    return False
                if asyncio.iscoroutine(awaitable):
                    awaitable.close()  # never started, so no "never awaited" warning either
                return True

            def iterate(self, source):
                # None tells .NET the value is neither async iterable nor awaitable.
                if hasattr(source, "__aiter__") or inspect.isawaitable(source):
                    return _AsyncIteration(source)
                return None

            def next_done(self):
                return self._done.get()

            def stop(self):
                try:
                    self.loop.call_soon_threadsafe(self.loop.stop)
                    self._thread.join()
                    # Tasks still running are cancelled, so every .NET task still waiting completes.
                    pending = asyncio.all_tasks(self.loop)
                    for task in pending:
                        task.cancel()
                    if pending:
                        self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                    self.loop.run_until_complete(self.loop.shutdown_asyncgens())
                    self.loop.close()
                finally:
                    # Ends the .NET waiter thread whatever happened above.
                    self._done.put(None)
        """;
}
