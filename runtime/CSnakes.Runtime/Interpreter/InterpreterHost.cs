using System.Runtime.InteropServices;
using System.Text;
using CSnakes.Runtime.Native;
using CSnakes.VirtualEnvironments;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// A dedicated thread that initialises CPython, releases the GIL, and later finalizes Python.
/// </summary>
/// <remarks>
/// Python must be finalized by a thread holding a valid thread state, ideally the one that
/// initialised it (that is what <c>threading</c> calls the main thread). The thread that calls
/// <see cref="PythonEnvironment.Start(PythonEnvironmentOptions)"/> or <c>Dispose</c> may be a thread-pool
/// thread that is gone by then, so we own one thread for both. It is a background thread: an
/// app that exits without disposing does not wait for it.
/// </remarks>
internal sealed unsafe class InterpreterHost
{
    private const int PyConfigAllocationSize = 16 * 1024;

    private readonly PythonEnvironmentOptions _options;
    private readonly ManualResetEventSlim _started = new();
    private readonly ManualResetEventSlim _stopRequested = new();
    private readonly ManualResetEventSlim _stopped = new();
    private Exception? _startError;
    private volatile bool _abandoned;
    private readonly Thread _thread;

    private InterpreterHost(PythonEnvironmentOptions options)
    {
        _options = options;
        _thread = new Thread(Run) { IsBackground = true, Name = "CSnakes Python host" };
    }

    public static InterpreterHost Start(PythonEnvironmentOptions options)
    {
        var host = new InterpreterHost(options);
        host._thread.Start();
        host._started.Wait();
        if (host._startError is not null)
        {
            throw host._startError is PythonInitializationException
                ? host._startError
                : new PythonInitializationException($"Python failed to start: {host._startError.Message}", host._startError);
        }

        return host;
    }

    /// <summary>Finalizes Python on the host thread and waits for it. Call after every other thread has left Python.</summary>
    public void Stop()
    {
        _stopRequested.Set();
        _stopped.Wait();
    }

    /// <summary>
    /// Ends the host thread without finalizing Python (its threads keep running until the process
    /// exits). Call after every other .NET thread has left Python.
    /// </summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopRequested.Set();
        _stopped.Wait();
    }

    /// <summary>
    /// Waits up to <see cref="PythonEnvironmentOptions.ShutdownTimeout"/> for Python's non-daemon
    /// threads, which <c>Py_FinalizeEx</c> would join with no limit; returns the names of those still
    /// running, or an empty string. Call while Python still runs, without the GIL.
    /// </summary>
    public string WaitForPythonThreads()
    {
        if (_options.ShutdownTimeout == Timeout.InfiniteTimeSpan)
        {
            return "";
        }

        try
        {
            using (GIL.Acquire())
            {
                return ShutdownWait.WaitForThreads(_options.ShutdownTimeout);
            }
        }
        catch (PythonInvocationException)
        {
            // Python is too broken to ask (e.g. threading replaced): finalize as Python itself would.
            return "";
        }
    }

    private void Run()
    {
        nint mainThreadState;
        try
        {
            CPythonApi.Load(_options.LibPythonPath, _options.FreeThreaded ?? LooksFreeThreaded(_options.LibPythonPath));
            Initialize();
            ConfigureAfterStart();
            mainThreadState = CPythonApi.PyEval_SaveThread();
        }
        catch (Exception e)
        {
            _startError = e;
            _started.Set();
            return;
        }

        _started.Set();
        _stopRequested.Wait();
        if (_abandoned)
        {
            // Python keeps its GIL-free main thread state; the process does not wait for its threads.
            InterpreterLifetime.MarkAbandoned();
            PythonInterpreter.Main.Releases.Close();
            _stopped.Set();
            return;
        }

        CPythonApi.PyEval_RestoreThread(mainThreadState);
        PythonInterpreter.Main.Releases.Drain();
        CPythonApi.Py_FinalizeEx();
        InterpreterLifetime.MarkFinalized();
        PythonInterpreter.Main.Releases.Close();
        _stopped.Set();
    }

    private void Initialize()
    {
        byte* preConfig = (byte*)NativeMemory.AllocZeroed(PyPreConfigLayout.AllocationSize);
        try
        {
            CPythonApi.PyPreConfig_InitIsolatedConfig((nint)preConfig);
            ((int*)preConfig)[PyPreConfigLayout.Utf8ModeIndex] = 1;
            Check(CPythonApi.Py_PreInitialize((nint)preConfig), "pre-initialising");
        }
        finally
        {
            NativeMemory.Free(preConfig);
        }

        // We never read or write PyConfig's fields (its layout changes between versions): the isolated
        // defaults plus argv[0] are enough. Python computes its paths as if argv[0] had been started,
        // so pointing it at the venv's python gives real venv semantics.
        byte* config = (byte*)NativeMemory.AllocZeroed(PyConfigAllocationSize);
        byte[] program = Encoding.UTF8.GetBytes(ProgramPath() + "\0");
        try
        {
            CPythonApi.PyConfig_InitIsolatedConfig((nint)config);
            fixed (byte* programPointer = program)
            {
                nint* argv = stackalloc nint[1];
                argv[0] = (nint)programPointer;
                Check(CPythonApi.PyConfig_SetBytesArgv((nint)config, 1, (nint)argv), "setting argv");
                nint initConfig = (nint)config;
                ShellPythonVariables.WithoutExecutableOverride(() => Check(CPythonApi.Py_InitializeFromConfig(initConfig), "initialising"));
            }
        }
        finally
        {
            CPythonApi.PyConfig_Clear((nint)config);
            NativeMemory.Free(config);
        }
    }

    private string ProgramPath()
    {
        if (_options.VirtualEnvironment is { } venv)
        {
            string python = VenvLayout.PythonPath(venv);
            return File.Exists(python)
                ? python
                : throw new PythonInitializationException($"The virtual environment '{venv}' has no interpreter at '{python}'. Rebuild the Python project to recreate the venv.");
        }

        if (_options.Executable is { } executable)
        {
            return executable;
        }

        if (_options.Home is { } home)
        {
            return OperatingSystem.IsWindows() ? Path.Combine(home, "python.exe") : Path.Combine(home, "bin", "python3");
        }

        throw new PythonInitializationException("Set PythonEnvironmentOptions.Home, Executable or VirtualEnvironment so Python can find its standard library.");
    }

    private void ConfigureAfterStart()
    {
        PythonInterpreter.SetMainHandle(CPythonApi.PyInterpreterState_Main());
        if (!OperatingSystem.IsWindows())
        {
            ForkedChildSignals.Install();
        }

        if (_options.EnableFaultHandler)
        {
            FaultHandler.Enable();
        }

        // This thread holds the GIL; GIL.Acquire sees that and borrows it.
        InterpreterSetup.Configure(_options);
    }

    private void Check(PyStatus status, string step)
    {
        if (status.IsError)
        {
            throw new PythonInitializationException($"Python {CPythonApi.Version} from '{_options.LibPythonPath}' failed while {step}: {status.Describe()}. Check that Home/VirtualEnvironment point at an install of the same version.");
        }
    }

    private static bool LooksFreeThreaded(string libPython)
    {
        string name = Path.GetFileName(libPython);
        // libpython3.13t.so, libpython3.13t.dylib, python313t.dll
        return System.Text.RegularExpressions.Regex.IsMatch(name, @"python3\.?\d+t[._]", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
