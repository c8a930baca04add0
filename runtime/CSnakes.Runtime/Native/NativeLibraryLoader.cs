using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>
/// Opens libpython so that C extension modules can resolve its symbols.
/// </summary>
/// <remarks>
/// On Linux and macOS extension modules are not linked against libpython; they expect its
/// symbols in the global namespace. <see cref="NativeLibrary.Load(string)"/> opens libraries with
/// local visibility, so we call <c>dlopen(RTLD_NOW | RTLD_GLOBAL)</c> ourselves. Windows resolves
/// extension imports by DLL name and needs nothing special.
/// </remarks>
internal static partial class NativeLibraryLoader
{
    private const int RtldNow = 2;
    private const int RtldGlobalLinux = 0x100;
    private const int RtldGlobalMac = 0x8;

    public static nint Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new PythonInitializationException("No libpython path was given. Build the app with a CSnakes.Python.Sdk project reference (which writes the manifest) or set PythonEnvironmentOptions.LibPythonPath.");
        }

        if (!File.Exists(path))
        {
            throw new PythonInitializationException($"libpython was not found at '{path}'. Rebuild the app so the manifest names an installed Python, or set PythonEnvironmentOptions.LibPythonPath to an existing CPython shared library.");
        }

        if (OperatingSystem.IsWindows())
        {
            return NativeLibrary.TryLoad(path, out var winHandle)
                ? winHandle
                : throw new PythonInitializationException($"'{path}' could not be loaded as a shared library. Point LibPythonPath at python3X.dll of a CPython install.");
        }

        int flags = RtldNow | (OperatingSystem.IsMacOS() ? RtldGlobalMac : RtldGlobalLinux);
        nint handle = OperatingSystem.IsMacOS() ? DlopenMac(path, flags) : DlopenLinux(path, flags);
        if (handle == 0)
        {
            string reason = Marshal.PtrToStringUTF8(OperatingSystem.IsMacOS() ? DlerrorMac() : DlerrorLinux()) ?? "unknown dlopen error";
            throw new PythonInitializationException($"'{path}' could not be loaded as a shared library: {reason}. Point LibPythonPath at the libpython shared library of a CPython install.");
        }

        return handle;
    }

    public static nint GetExport(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address : 0;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlopenLinux(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dlerror")]
    private static partial nint DlerrorLinux();

    [LibraryImport("libSystem.dylib", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlopenMac(string path, int flags);

    [LibraryImport("libSystem.dylib", EntryPoint = "dlerror")]
    private static partial nint DlerrorMac();
}
