using System.Runtime.InteropServices;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Which RuntimeIdentifier the interpreter on this machine can be bundled for: the host's own
/// (<c>linux-x64</c>, <c>linux-musl-arm64</c>, <c>osx-arm64</c>, …). A bundle copies the resolved
/// interpreter, so any other RID would get a Python that cannot load there.
/// </summary>
internal static class BundleRuntimeIdentifier
{
    public static string Host()
    {
        string arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            var other => other.ToString().ToLowerInvariant(),
        };
        string os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : IsMusl() ? "linux-musl"
            : "linux";
        return $"{os}-{arch}";
    }

    /// <summary>True when <paramref name="target"/> names the host's OS, libc and architecture.</summary>
    public static bool CanBundle(string target, string host) => string.Equals(target, host, StringComparison.OrdinalIgnoreCase);

    private static bool IsMusl() =>
        OperatingSystem.IsLinux() && Directory.Exists("/lib") && Directory.GetFiles("/lib", "ld-musl-*").Length > 0;
}
