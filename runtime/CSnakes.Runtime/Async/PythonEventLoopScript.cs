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


        class Loop:
            def __init__(self):
                self.loop = asyncio.new_event_loop()
                self._done = queue.SimpleQueue()
                self._thread = threading.Thread(target=self._run, name="csnakes-asyncio", daemon=True)
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
                future = asyncio.run_coroutine_threadsafe(awaitable, self.loop)
                future.add_done_callback(lambda f: self._done.put((token, f)))
                return future

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
