using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Manifest;
using CSnakes.Runtime.Reload;

namespace CSnakes.Runtime;

/// <summary>
/// Starts the process's embedded Python interpreter.
/// </summary>
/// <example>
/// <code>
/// using var python = PythonEnvironment.Start();
/// string greeting = python.Demo().HelloWorld("Ada", 36);
/// </code>
/// </example>
public sealed class PythonEnvironment : IPythonEnvironment
{
    private static readonly object s_startLock = new();
    private static PythonEnvironment? s_current;

    private readonly InterpreterHost _host;
    private readonly PythonEnvironmentOptions _options;
    private readonly TimeSpan _shutdownTimeout;
    // Interpreter pools not disposed yet; guarded by itself. Disposing the environment disposes them first.
    private readonly List<PythonInterpreterPool> _pools = [];
    private readonly ModuleWrapperCache _modules = new();
    // Run by Dispose while Python still runs (e.g. stopping the asyncio loop thread); guarded by s_startLock.
    private readonly List<Action> _shutdownHooks = [];
    private int _disposed;

    private readonly InterpreterFacts _facts;
    private static readonly TupleConverter<IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>> s_reloadAnswer = new(
        new ListConverter<string>(StrConverter.Instance), new ListConverter<string>(StrConverter.Instance), new ListConverter<string>(StrConverter.Instance));
    private ModuleReloader? _reloader;

    // Where reloading says what it did: the app's console, which dotnet watch shows.
    private static TextWriter ReloadLog => Console.Out;
    private PyObject? _reloadScript;

    private PythonEnvironment(InterpreterHost host, Version version, InterpreterFacts facts, PythonEnvironmentOptions options)
    {
        _host = host;
        _options = options;
        _shutdownTimeout = options.ShutdownTimeout;
        _facts = facts;
        Version = version;
    }

    /// <summary>
    /// Starts Python as described by the manifests the build wrote next to the app
    /// (<c>*.csnakes.json</c> in <see cref="AppContext.BaseDirectory"/>).
    /// </summary>
    /// <exception cref="PythonInitializationException">No manifest, or Python could not be loaded; the message says which file and why.</exception>
    /// <exception cref="InvalidOperationException">Python was already started in this process.</exception>
    public static IPythonEnvironment Start() => Start(ManifestReader.ReadOptions(AppContext.BaseDirectory));

    /// <summary>Starts Python from explicit paths.</summary>
    /// <exception cref="PythonInitializationException">Python could not be loaded or initialised; the message says which file and why.</exception>
    /// <exception cref="InvalidOperationException">Python was already started in this process.</exception>
    public static IPythonEnvironment Start(PythonEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (s_startLock)
        {
            if (s_current is not null)
            {
                throw new InvalidOperationException("A Python environment is already running in this process. There is one interpreter per process: share the IPythonEnvironment you have (e.g. register it once with services.AddPython()).");
            }

            if (!InterpreterLifetime.TryMarkStarting())
            {
                throw new InvalidOperationException("Python was already started and finalized in this process. CPython cannot be restarted reliably (C extensions keep global state), so start it once and dispose it at exit.");
            }

            try
            {
                var host = InterpreterHost.Start(options);
                SourceFileMap.Use(options.SourceRoots);
                PythonErrors.CaptureLocals = options.CaptureExceptionLocals;
                s_current = new PythonEnvironment(host, Native.CPythonApi.Version, InterpreterFacts.Read(), options);
                if (ReloadSettings.IsEnabled(options, Environment.GetEnvironmentVariable))
                {
                    s_current._reloader = new ModuleReloader(options.SourceRoots, s_current.ReloadModule, ReloadLog);
                }
                return s_current;
            }
            catch
            {
                InterpreterLifetime.ResetAfterFailedStart();
                throw;
            }
        }
    }

    /// <inheritdoc/>
    public Version Version { get; }

    /// <inheritdoc/>
    public string VersionString => _facts.VersionString;

    /// <inheritdoc/>
    public string ExecutablePath => _facts.ExecutablePath;

    /// <inheritdoc/>
    public string Prefix => _facts.Prefix;

    /// <inheritdoc/>
    public string? VirtualEnvironment => _facts.VirtualEnvironment;

    /// <inheritdoc/>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc/>
    public PyObject ExecuteExpression(string expression, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ThrowIfDisposed();
        return PythonSource.Evaluate(expression, locals, globals);
    }

    /// <inheritdoc/>
    public PyObject Execute(string code, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowIfDisposed();
        return PythonSource.Execute(code, locals, globals);
    }

    /// <inheritdoc/>
    public PyObject Import(string moduleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleName);
        ThrowIfDisposed();
        return PythonSource.Import(moduleName);
    }

    /// <inheritdoc/>
    public TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class =>
        _modules.GetOrCreate(moduleName, factory, Import);

    /// <inheritdoc/>
    public PythonInterpreterPool CreateInterpreterPool(int workers)
    {
        ThrowIfDisposed();
        var pool = new PythonInterpreterPool(this, _options, workers, Forget);
        lock (_pools)
        {
            if (!IsDisposed)
            {
                _pools.Add(pool);
                return pool;
            }
        }

        pool.Dispose();
        ThrowIfDisposed();
        return pool;

        void Forget(PythonInterpreterPool disposed)
        {
            lock (_pools)
            {
                _pools.Remove(disposed);
            }
        }
    }

    /// <summary>
    /// Waits for calls in progress on other threads to finish, then for Python's non-daemon threads
    /// (at most <see cref="PythonEnvironmentOptions.ShutdownTimeout"/>), then finalizes Python. Later
    /// calls throw <see cref="ObjectDisposedException"/>. Python cannot be started again in this process.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called while this thread holds the GIL (e.g. from inside a Python callback).</exception>
    /// <exception cref="TimeoutException">
    /// Non-daemon Python threads (named in the message) were still running after the shutdown
    /// timeout. Python was not finalized (no <c>atexit</c> handlers, no finalizers); the environment
    /// is disposed all the same and the process can exit.
    /// </exception>
    public void Dispose()
    {
        if (GIL.IsHeld)
        {
            throw new InvalidOperationException("The Python environment cannot be disposed while this thread holds the GIL (for example from a callback that Python is running).");
        }

        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        List<PythonInterpreterPool> pools;
        lock (_pools)
        {
            pools = [.. _pools];
        }

        foreach (var pool in pools)
        {
            try
            {
                pool.Dispose();
            }
            catch (TimeoutException)
            {
                // An interpreter left running: it stops finalization below, which says so.
            }
        }

        _reloader?.Dispose();
        _reloadScript?.Dispose();
        _modules.DisposeAll();
        List<Action> hooks;
        lock (s_startLock)
        {
            hooks = [.. _shutdownHooks];
            _shutdownHooks.Clear();
        }

        foreach (var hook in hooks)
        {
            hook();
        }

        try
        {
            // Asked while Python still runs: past BeginShutdown no .NET thread may enter it.
            string stillRunning = _host.WaitForPythonThreads();
            if (InterpreterLifetime.BeginShutdown())
            {
                if (SubInterpreters.SubInterpreter.LeftRunning.Count > 0)
                {
                    // Finalizing would end those interpreters too, joining their threads with no limit.
                    _host.Abandon();
                    throw new TimeoutException(
                        "Python was not finalized: " + string.Join(" ", SubInterpreters.SubInterpreter.LeftRunning) +
                        " Finalizing would wait for those threads forever; the interpreter was left as it is and cannot be used again in this process.");
                }

                if (stillRunning.Length > 0)
                {
                    _host.Abandon();
                    throw new TimeoutException(
                        $"Python was not finalized: non-daemon thread(s) {stillRunning} still running after Dispose waited {_shutdownTimeout.TotalSeconds:0.###} s for them " +
                        "(PythonEnvironmentOptions.ShutdownTimeout). Python's exit waits for every non-daemon thread; make such threads daemon threads or stop them before disposing. " +
                        "The interpreter was left as it is: atexit handlers and object finalizers did not run, and Python cannot be used again in this process.");
                }

                _host.Stop();
            }
        }
        finally
        {
            lock (s_startLock)
            {
                s_current = null;
            }
        }
    }

    /// <summary>
    /// Reloads <paramref name="moduleName"/> in place (its file next to the app was just replaced) and re-reads the
    /// functions of every wrapper of it, saying on the console what happened. A module not imported yet needs nothing:
    /// its first import reads the new file. Called on the reloader's thread.
    /// </summary>
    internal void ReloadModule(string moduleName, string file)
    {
        if (IsDisposed)
        {
            return;
        }
        try
        {
            (IReadOnlyList<string> Changed, IReadOnlyList<string> Added, IReadOnlyList<string> Removed) answer;
            using (GIL.Acquire())
            {
                _reloadScript ??= EmbeddedScript.Load(ModuleReloadScript.ModuleName, ModuleReloadScript.Source);
                using var name = PyObject.From(moduleName);
                using var result = EmbeddedScript.Call(_reloadScript, "reload", name);
                if (result.IsNone())
                {
                    ReloadLog.WriteLine($"csnakes: {file} changed; module '{moduleName}' is not imported yet, so its first use reads the new file.");
                    return;
                }
                answer = s_reloadAnswer.FromPython(result);
            }

            var gone = new List<string>();
            var wrappers = _modules.WrappersOf(moduleName).OfType<IReloadableModule>().ToList();
            if (wrappers.Count > 0)
            {
                using var module = Import(moduleName);
                foreach (var wrapper in wrappers)
                {
                    gone.AddRange(wrapper.RebindFunctions(module));
                }
            }

            ReloadLog.WriteLine($"csnakes: reloaded Python module '{moduleName}' ({file}).");
            foreach (var function in answer.Changed)
            {
                ReloadLog.WriteLine($"csnakes: the signature of {moduleName}.{function} changed; its C# method still calls it as before. Rebuild (restart the app) to use the new signature.");
            }
            foreach (var function in answer.Added)
            {
                ReloadLog.WriteLine($"csnakes: {moduleName}.{function} is new; rebuild (restart the app) to get its C# method.");
            }
            foreach (var function in answer.Removed.Union(gone).Distinct())
            {
                ReloadLog.WriteLine($"csnakes: {moduleName}.{function} is gone; its C# method keeps calling the old function until you rebuild.");
            }
        }
        catch (PythonInvocationException e)
        {
            ReloadLog.WriteLine($"csnakes: reloading '{moduleName}' ({file}) failed with {e.PythonTypeName}: {e.PythonMessage}. The module may be half-updated; fix the file and save it again.");
        }
        catch (ObjectDisposedException)
        {
            // The environment is being disposed: nothing to reload into.
        }
    }

    /// <summary>
    /// Registers <paramref name="hook"/> to run in <see cref="Dispose"/> before Python finalizes;
    /// false when no environment is running or it is being disposed.
    /// </summary>
    internal static bool TryAddShutdownHook(Action hook)
    {
        lock (s_startLock)
        {
            if (s_current is not { IsDisposed: false } current)
            {
                return false;
            }

            current._shutdownHooks.Add(hook);
            return true;
        }
    }

    private void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(nameof(PythonEnvironment), "The Python environment has been disposed; Python cannot be called any more in this process.");
        }
    }
}
