using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Runs <see cref="NativeDependencyCheck"/> over a collected bundle and turns its findings into one CSPY4005
/// warning per (top-level package, missing library). It warns and never copies the library in: a system
/// library is built against the build machine's glibc and its own dependencies (copying one drags in the next),
/// may carry a license the app does not expect to redistribute, and a second copy of a soname the target
/// already has loads next to (or instead of) the target's own. Installing from wheels, whose libraries
/// auditwheel vendored for exactly this, or installing the library on the target are the sound fixes.
/// </summary>
internal static class NativeDependencyReporter
{
    public const string Code = "CSPY4005";

    /// <summary>Checks the site directories of <paramref name="entries"/> and logs what the bundle lacks. Linux only.</summary>
    public static void Report(TaskLoggingHelper log, string projectFile, IReadOnlyList<BundleEntry> entries, IReadOnlyCollection<string> siteDirectories)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Mach-O's and PE's loaders search differently (@rpath/@loader_path, the DLL search order): not checked.
            log.LogMessage(MessageImportance.Low, "The native library check of bundled packages runs on Linux only; skipped.");
            return;
        }

        var findings = NativeDependencyCheck.Run(entries, siteDirectories);
        foreach (var unreadable in findings.Unreadable)
        {
            log.LogMessage(MessageImportance.Low, $"Could not read the ELF headers of '{unreadable.TargetPath}' ({unreadable.Reason}); its shared-library dependencies were not checked.");
        }

        var locator = new HostLibraryLocator();
        foreach (var missing in findings.Missing)
        {
            log.LogWarning(null, Code, null, projectFile, 0, 0, 0, 0, Message(missing, locator));
        }

        log.LogMessage(MessageImportance.Low, $"Checked the shared-library dependencies of {findings.ObjectsChecked} bundled native objects: {findings.Missing.Count} missing.");
    }

    private static string Message(MissingNativeLibrary missing, HostLibraryLocator locator)
    {
        string objects = missing.Objects.Count == 1 ? missing.Objects[0] : $"{missing.Objects[0]} and {missing.Objects.Count - 1} more";
        string? hostPath = locator.Find(missing.Library);
        string? debianPackage = hostPath is null ? null : HostLibraryLocator.DebianPackageOf(hostPath);
        string where = hostPath is null
            ? "not found on this machine either"
            : debianPackage is null ? $"found on this machine at {hostPath}" : $"found on this machine at {hostPath}, from the Debian package '{debianPackage}'";
        string provider = debianPackage ?? "the package that provides it";
        return $"The bundled package '{missing.Package}' ({objects}) needs the shared library '{missing.Library}', which the bundle does not carry ({where}). " +
               $"The published app runs only where that library is installed (on Debian/Ubuntu: {provider}). " +
               "Install packages from wheels (requirements.txt) to get their libraries vendored, or install the library on the target. " +
               "Set PythonCheckNativeDependencies=false to skip this check.";
    }
}
