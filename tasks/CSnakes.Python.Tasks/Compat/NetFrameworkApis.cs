#if !NET
// The net472 build (Visual Studio's MSBuild.exe) only: .NET APIs the tasks call that neither .NET Framework 4.7.2
// nor the Polyfill package provides. Each keeps the .NET method's name and meaning, so the shared source needs no
// #if; MSBuild.exe runs on Windows only, so Windows path rules are the ones that matter here.
using System.Diagnostics;

namespace CSnakes.Python.Tasks;

internal static class NetFrameworkApis
{
    extension(double)
    {
        /// <summary>As .NET's <c>double.IsFinite</c>: neither NaN nor an infinity.</summary>
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }

    extension(Path)
    {
        /// <summary>As .NET's <c>Path.GetFullPath(path, basePath)</c>: <paramref name="path"/> made absolute against <paramref name="basePath"/>.</summary>
        public static string GetFullPath(string path, string basePath) => Path.GetFullPath(Path.Combine(basePath, path));

        /// <summary>
        /// As .NET's <c>Path.IsPathFullyQualified</c> on Windows: a drive and a separator (<c>C:\</c>) or a UNC or device
        /// path (<c>\\server\share</c>, <c>\\?\</c>); not <c>C:folder</c> (relative to that drive's current folder) nor <c>\folder</c>.
        /// </summary>
        public static bool IsPathFullyQualified(string path) =>
            (path.Length >= 2 && IsSeparator(path[0]) && IsSeparator(path[1]))
            || (path.Length >= 3 && IsAsciiLetter(path[0]) && path[1] == Path.VolumeSeparatorChar && IsSeparator(path[2]));
    }

    extension(Process process)
    {
        /// <summary>As .NET's <c>Process.WaitForExit(TimeSpan)</c>.</summary>
        public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(checked((int)timeout.TotalMilliseconds));
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
#endif
