namespace CSnakes.Runtime;

/// <summary>
/// Where the interpreter, its virtual environment and the Python modules live.
/// <see cref="PythonEnvironment.Start()"/> fills these from the build's manifest; set them yourself
/// to start Python without one.
/// </summary>
public sealed class PythonEnvironmentOptions
{
    /// <summary>Empty options; set <see cref="LibPythonPath"/> and where the interpreter lives.</summary>
    public PythonEnvironmentOptions()
    {
    }

    /// <summary>A copy of <paramref name="other"/>, to change some settings in an initializer:
    /// <c>new PythonEnvironmentOptions(PythonEnvironmentOptions.FromManifests()) { EnableFaultHandler = true }</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public PythonEnvironmentOptions(PythonEnvironmentOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        LibPythonPath = other.LibPythonPath;
        Home = other.Home;
        Executable = other.Executable;
        VirtualEnvironment = other.VirtualEnvironment;
        ModulePaths = other.ModulePaths;
        SourceRoots = other.SourceRoots;
        SiteDirectories = other.SiteDirectories;
        FreeThreaded = other.FreeThreaded;
        ShutdownTimeout = other.ShutdownTimeout;
        EnableFaultHandler = other.EnableFaultHandler;
        CaptureExceptionLocals = other.CaptureExceptionLocals;
        ReloadModules = other.ReloadModules;
    }

    /// <summary>
    /// The options <see cref="PythonEnvironment.Start()"/> would use: read from the <c>*.csnakes.json</c> manifests in
    /// <paramref name="directory"/> (default <see cref="AppContext.BaseDirectory"/>). Copy them to adjust a setting.
    /// </summary>
    /// <exception cref="PythonInitializationException">No manifest, or one that cannot be read.</exception>
    public static PythonEnvironmentOptions FromManifests(string? directory = null) =>
        Manifest.ManifestReader.ReadOptions(directory ?? AppContext.BaseDirectory);

    /// <summary>Full path of the CPython shared library (<c>libpython3.12.so.1.0</c>, <c>python312.dll</c>, …).</summary>
    public required string LibPythonPath { get; init; }

    /// <summary>The interpreter's install prefix (<c>sys.base_prefix</c>), holding its standard library.</summary>
    public string? Home { get; init; }

    /// <summary>
    /// The base interpreter's executable. Used as <c>sys.executable</c> when there is no venv;
    /// when null, <c>{Home}/bin/python3</c> (<c>{Home}\python.exe</c> on Windows).
    /// </summary>
    public string? Executable { get; init; }

    /// <summary>
    /// A virtual environment made by <c>python -m venv</c> with this interpreter. When set, Python starts
    /// exactly as the venv's <c>python</c> would: <c>sys.prefix</c> is the venv, its site-packages and
    /// <c>.pth</c> files are processed and <c>sys.executable</c> is the venv's python.
    /// </summary>
    public string? VirtualEnvironment { get; init; }

    /// <summary>Folders put at the front of <c>sys.path</c>, in order, so their modules can be imported.</summary>
    public IReadOnlyList<string> ModulePaths { get; init; } = [];

    /// <summary>
    /// Where the modules' files were copied from (from build manifests): a Python traceback names the source
    /// file instead of its copy when one exists at the same relative path, so an IDE opens the file being edited.
    /// Published manifests carry none, so published apps keep their own paths.
    /// </summary>
    internal IReadOnlyList<SourceRoot> SourceRoots { get; init; } = [];

    /// <summary>Extra site directories (processed like site-packages, including <c>.pth</c> files).</summary>
    public IReadOnlyList<string> SiteDirectories { get; init; } = [];

    /// <summary>
    /// The interpreter is a free-threaded build (ABI flag <c>t</c>). When null it is inferred from the
    /// library's file name (<c>libpython3.13t.so</c>).
    /// </summary>
    public bool? FreeThreaded { get; init; }

    /// <summary>
    /// How long <see cref="PythonEnvironment.Dispose"/> waits for Python's non-daemon threads to end
    /// before finalizing (Python's own exit waits for them with no limit). Past it, <c>Dispose</c>
    /// throws a <see cref="TimeoutException"/> naming the threads still running and leaves Python
    /// not finalized: the process can exit, but <c>atexit</c> handlers and finalizers do not run.
    /// Default 5 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits as long as they run.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Enables Python's <c>faulthandler</c> (to standard error) at start, so a crash in native code
    /// called from Python (a segfault in an extension or <c>ctypes</c>) prints the Python traceback of
    /// every thread before the process dies. Default false, because on Linux it takes SIGSEGV and
    /// SIGFPE before .NET does: a .NET <see cref="NullReferenceException"/> or
    /// <see cref="DivideByZeroException"/> anywhere in the process then kills it with a Python
    /// "Fatal Python error" dump instead of being thrown. Turn it on to diagnose a crash.
    /// </summary>
    public bool EnableFaultHandler { get; init; }

    /// <summary>
    /// Keeps, on each <see cref="PythonInvocationException"/>, the local and global variables of the frame that raised
    /// (<see cref="PythonInvocationException.PythonLocals"/>, <see cref="PythonInvocationException.PythonGlobals"/>), for
    /// diagnostics. Default false: the values stay alive as long as the .NET exception does (they are released by
    /// its finalizer-driven PyObject clean-up), and a module's globals can be large.
    /// </summary>
    public bool CaptureExceptionLocals { get; init; }

    /// <summary>
    /// Reload a Python module when its source file changes, so the next call runs the new code without restarting:
    /// the file is copied over its copy next to the app and the module is reloaded in place (docs/runtime.md,
    /// "Reloading Python"). Null (default): on under <c>dotnet watch</c> or in the Development environment
    /// (<c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>). Never in a published app, whose manifests name no source folder.
    /// </summary>
    public bool? ReloadModules { get; init; }
}
