namespace CSnakes.Python.Tasks;

/// <summary>
/// Decides which usable candidates fit what was asked, and picks the newest of those (the first seen wins a tie,
/// so search order breaks ties). Candidates that do not fit get the reason written on them.
/// </summary>
internal static class CandidateSelector
{
    /// <summary>The oldest Python the runtime embeds.</summary>
    public static readonly Version MinimumVersion = new(3, 9);

    public static PythonCandidate? SelectNewest(IReadOnlyList<PythonCandidate> candidates, PythonVersionSpec spec, out IReadOnlyList<PythonCandidate> judged)
    {
        var result = candidates.Select(c => c.Rejection is null && c.Installation is not null
            ? c with { Rejection = Check(c.Installation, spec) }
            : c).ToList();
        judged = result;
        return result
            .Where(c => c.Rejection is null)
            .Select((c, index) => (c, index))
            .OrderByDescending(x => x.c.Installation!.ParsedVersion)
            .ThenBy(x => x.index)
            .Select(x => x.c)
            .FirstOrDefault();
    }

    /// <summary>Why <paramref name="installation"/> does not fit <paramref name="spec"/>, or null when it does.</summary>
    public static string? Check(PythonInstallation installation, PythonVersionSpec spec)
    {
        if (!string.Equals(installation.Implementation, "cpython", StringComparison.OrdinalIgnoreCase))
        {
            return $"{installation.Implementation} is not supported (CSnakes embeds CPython)";
        }
        var version = installation.ParsedVersion;
        if (new Version(version.Major, version.Minor) < MinimumVersion)
        {
            return $"Python {installation.Version} is too old (CSnakes needs {MinimumVersion} or newer)";
        }
        if (installation.IsDebug)
        {
            return $"it is a debug build (abi flags '{installation.AbiFlags}')";
        }
        if (installation.IsFreeThreaded && !spec.FreeThreaded)
        {
            return $"it is a free-threaded build; to use it, add 't' to PythonVersion (e.g. '{version.Major}.{version.Minor}t')";
        }
        if (!installation.IsFreeThreaded && spec.FreeThreaded)
        {
            return "it is not a free-threaded build, and PythonVersion asks for one ('t')";
        }
        if (version.IsPrerelease && !spec.AllowsPrerelease)
        {
            return $"{installation.Version} is a pre-release; name a pre-release in PythonVersion to use it";
        }
        if (!spec.Matches(version))
        {
            return $"version {installation.Version} does not match PythonVersion '{spec.Text}' ({spec.Description})";
        }
        return null;
    }
}
