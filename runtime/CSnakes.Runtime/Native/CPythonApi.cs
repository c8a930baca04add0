using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>
/// The CPython C API as function pointers, resolved once from the loaded libpython.
/// </summary>
/// <remarks>
/// Only exported functions are used: macros and static inline functions differ between
/// versions and builds (free-threaded objects have a different header), so we never read
/// object fields except <c>ob_type</c>, whose offset depends on the build and is set at load.
/// Every function here requires the GIL unless its comment says otherwise.
/// </remarks>
internal static unsafe partial class CPythonApi
{
    private static nint s_library;

    public static Version Version { get; private set; } = new(0, 0);

    /// <summary>Offset of <c>ob_type</c> in <c>PyObject</c>: 8 normally, 24 in free-threaded builds.</summary>
    public static int ObTypeOffset { get; private set; } = 8;

    public static bool IsLoaded => s_library != 0;

    /// <summary>The loaded interpreter is a free-threaded build: no GIL keeps other threads out of an object.</summary>
    public static bool FreeThreaded { get; private set; }

    public static void Load(string libPythonPath, bool freeThreaded)
    {
        nint lib = NativeLibraryLoader.Load(libPythonPath);
        if (NativeLibraryLoader.GetExport(lib, "Py_InitializeFromConfig") == 0 || NativeLibraryLoader.GetExport(lib, "Py_GetVersion") == 0)
        {
            throw new PythonInitializationException($"'{libPythonPath}' is a shared library but not CPython's (it does not export Py_InitializeFromConfig). Point LibPythonPath at libpython3.X.");
        }

        s_library = lib;
        var getVersion = (delegate* unmanaged<nint>)Require("Py_GetVersion");
        string versionText = Marshal.PtrToStringUTF8(getVersion()) ?? "";
        Version = ParseVersion(versionText, libPythonPath);
        if (Version < new Version(3, 9))
        {
            throw new PythonInitializationException($"'{libPythonPath}' is CPython {Version}; CSnakes needs 3.9 or newer.");
        }

        ObTypeOffset = freeThreaded ? 24 : 8;
        FreeThreaded = freeThreaded;
        LoadLifecycle();
        LoadObjects();
        LoadTypes();
        LoadErrors();
        LoadLeaf();
        LoadBuffers();
        LoadCallbacks();
        LoadContainers();
        LoadSubInterpreterSupport();
    }

    internal static Version ParseVersion(string versionText, string path)
    {
        // "3.12.1 (main, Jan  1 2024, ...) [GCC ...]"
        string head = versionText.Split(' ', 2)[0];
        int end = 0;
        while (end < head.Length && (char.IsDigit(head[end]) || head[end] == '.'))
        {
            end++;
        }

        return Version.TryParse(head[..end].TrimEnd('.'), out var v)
            ? v
            : throw new PythonInitializationException($"'{path}' reported an unreadable version '{versionText}'.");
    }

    private static nint Require(string name)
    {
        nint address = NativeLibraryLoader.GetExport(s_library, name);
        return address != 0
            ? address
            : throw new PythonInitializationException($"The loaded libpython ({Version}) does not export '{name}', which CSnakes needs.");
    }

    private static nint Optional(string name) => NativeLibraryLoader.GetExport(s_library, name);

    /// <summary>Reads a <c>PyObject*</c> global variable such as <c>PyExc_TypeError</c>.</summary>
    private static nint RequirePointerVariable(string name) => *(nint*)Require(name);

    /// <summary><c>Py_TYPE(o)</c> without calling into Python.</summary>
    public static nint TypeOf(nint obj) => *(nint*)(obj + ObTypeOffset);
}
