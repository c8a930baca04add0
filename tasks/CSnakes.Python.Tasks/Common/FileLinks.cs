namespace CSnakes.Python.Tasks;

/// <summary>
/// Symbolic links, for the tasks that follow them (realpath of an interpreter, the real file behind libpython).
/// </summary>
/// <remarks>
/// .NET reads link targets on every OS. .NET Framework has no API for it, and its MSBuild (Visual Studio's) runs on
/// Windows only, where Python installations are not reached through links: there a path is taken as written.
/// </remarks>
internal static class FileLinks
{
    /// <summary>The target <paramref name="info"/> links to, as stored in the link; null when it is no link.</summary>
    public static string? Target(FileSystemInfo info) =>
#if NET
        info.LinkTarget;
#else
        null;
#endif

    /// <summary>The file at the end of a chain of links, or <paramref name="info"/>'s own full path when it is no link.</summary>
    public static string FinalPath(FileInfo info) =>
#if NET
        info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
#else
        info.FullName;
#endif
}
