using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>
/// <c>PYTHONEXECUTABLE</c> from the app's environment is read by CPython's path calculation even in an isolated
/// configuration (seen on 3.13 and 3.15): it replaces the venv's python as <c>sys.executable</c>, so
/// <c>sys.prefix</c> falls back to the base install and the venv's packages vanish. The runtime hides it from
/// the native environment while Python initialises and puts it back afterwards, so the app's own child
/// processes still see it. Unix only: on Windows CPython reads its own copy of the environment.
/// </summary>
internal static partial class ShellPythonVariables
{
    private const string Executable = "PYTHONEXECUTABLE";

    /// <summary>Runs <paramref name="initialize"/> with <c>PYTHONEXECUTABLE</c> unset in the native environment.</summary>
    public static void WithoutExecutableOverride(Action initialize)
    {
        if (OperatingSystem.IsWindows() || Marshal.PtrToStringUTF8(getenv(Executable)) is not { } saved)
        {
            initialize();
            return;
        }

        // setenv/unsetenv race with getenv on other threads; this runs once, while the app starts Python.
        unsetenv(Executable);
        try
        {
            initialize();
        }
        finally
        {
            setenv(Executable, saved, 1);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}
