namespace CSnakes.Runtime;

/// <summary>
/// Where the interpreter, its virtual environment and the Python modules live.
/// <see cref="PythonEnvironment.Start()"/> fills these from the build's manifest; set them yourself
/// to start Python without one.
/// </summary>
public sealed class PythonEnvironmentOptions
{
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
}
