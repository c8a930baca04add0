using System.Runtime.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Decides whether a machine-wide cache folder may be trusted: what is reused from it is shipped by
/// <c>dotnet publish</c>, so a folder someone else could write into is a way to plant code in the app.
/// </summary>
/// <remarks>
/// On Unix the folder must be owned by the current user, writable by no one else and not a symbolic link, and its
/// parent (the SDK's cache root) writable by no one else (unless sticky, like /tmp); missing ones are created with
/// mode 0700. Otherwise a private folder of the current user under the temporary folder is used instead.
/// Windows' per-user profile folders are protected by their ACLs, so the folder is used as it is.
/// </remarks>
internal static class PrivateCacheFolder
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary><paramref name="requested"/> when it is safe to reuse files from, else a private folder under the temporary folder; <paramref name="onRefused"/> says why.</summary>
    public static string Resolve(string requested, Action<string> onRefused)
    {
        var folder = Path.GetFullPath(requested);
        if (OperatingSystem.IsWindows())
        {
            return folder;
        }
#if NET
        var why = WhyUntrusted(folder);
        if (why is null)
        {
            return folder;
        }
        var fallback = Fallback(folder);
        onRefused($"Not using the cache folder '{folder}': {why}. Using the private folder '{fallback}' instead.");
        return fallback;
#else
        // The net472 build is loaded by .NET Framework's MSBuild (Visual Studio), which runs on Windows only; the
        // Unix checks need .NET's Unix file APIs, so a Unix MSBuild on .NET Framework (Mono) is refused, not trusted.
        throw new PlatformNotSupportedException("CSnakes.Python.Tasks for .NET Framework runs on Windows only; on Linux and macOS build with the .NET SDK (dotnet build).");
#endif
    }

#if NET

    // One private folder per user and refused folder, so every project of a build lists the same cached files
    // (two folders would give two sources for one publish target: NETSDK1152). The temporary folder is sticky:
    // another user can only pre-create that name, which the checks catch, and then a random name is used.
    [UnsupportedOSPlatform("windows")]
    private static string Fallback(string refused)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refused)))[..12].ToLowerInvariant();
        var stable = Path.Combine(Path.GetTempPath(), $"csnakes-cache-{UnixOwnership.CurrentUser()}-{key}");
        try
        {
            if (!Directory.Exists(stable))
            {
                Directory.CreateDirectory(stable, Private);
            }
            if (WhyNotPrivate(stable) is null)
            {
                return stable;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        var fresh = Path.Combine(Path.GetTempPath(), "csnakes-cache-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(fresh, Private);
        return fresh;
    }

    [UnsupportedOSPlatform("windows")]
    private static string? WhyUntrusted(string folder)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        try
        {
            if (parent is not null)
            {
                if (!Directory.Exists(parent))
                {
                    Directory.CreateDirectory(parent, Private);
                }
                if (WhyParentUnsafe(parent) is { } why)
                {
                    return why;
                }
            }
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, Private);
            }
            return WhyNotPrivate(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be created ({e.Message})";
        }
    }

    // Whoever may write the parent may swap the cache folder for their own. A sticky folder (/tmp) only lets
    // them pre-create it, which the owner check on the folder itself catches; root owning it is normal.
    [UnsupportedOSPlatform("windows")]
    private static string? WhyParentUnsafe(string directory)
    {
        var owner = UnixOwnership.OwnerOf(directory);
        var me = UnixOwnership.CurrentUser();
        if (owner is null || me is null)
        {
            return $"the owner of '{directory}' cannot be read";
        }
        if (owner != me && owner != 0)
        {
            return $"its parent '{directory}' is owned by user {owner}, not by the current user {me}";
        }
        var mode = File.GetUnixFileMode(directory);
        if ((mode & WritableByOthers) != 0 && (mode & UnixFileMode.StickyBit) == 0)
        {
            return $"its parent '{directory}' is writable by its group or by everyone (mode {Convert.ToString((int)mode, 8)})";
        }
        return null;
    }

    [UnsupportedOSPlatform("windows")]
    private static string? WhyNotPrivate(string directory)
    {
        if (new DirectoryInfo(directory).LinkTarget is not null)
        {
            return $"'{directory}' is a symbolic link";
        }
        var owner = UnixOwnership.OwnerOf(directory);
        var me = UnixOwnership.CurrentUser();
        if (owner is null || me is null)
        {
            return $"the owner of '{directory}' cannot be read";
        }
        if (owner != me)
        {
            return $"'{directory}' is owned by user {owner}, not by the current user {me}";
        }
        var mode = File.GetUnixFileMode(directory);
        if ((mode & WritableByOthers) != 0)
        {
            return $"'{directory}' is writable by its group or by everyone (mode {Convert.ToString((int)mode, 8)})";
        }
        return null;
    }
#endif
}
