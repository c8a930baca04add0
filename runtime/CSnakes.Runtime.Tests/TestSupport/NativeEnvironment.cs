using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// Sets variables in the native process environment (what CPython's getenv sees);
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's copy on Unix.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
