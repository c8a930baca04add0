namespace CSnakes.Python.Tasks;

/// <summary>
/// An interpreter seen during resolution: where it was found and either what it is or why it cannot be used.
/// </summary>
/// <param name="Location">The path as found (before links are resolved).</param>
/// <param name="Source">Where it was found, e.g. "pyenv", "PATH", "NuGet package".</param>
/// <param name="Installation">What it is, when it could be asked.</param>
/// <param name="Rejection">Why it was not chosen, or null while it is still in the running.</param>
internal sealed record PythonCandidate(string Location, string Source, PythonInstallation? Installation, string? Rejection)
{
    public static PythonCandidate Rejected(string location, string source, string reason) => new(location, source, null, reason);

    public static PythonCandidate Usable(string location, string source, PythonInstallation installation) => new(location, source, installation, null);

    /// <summary>One line for the "candidates seen" list.</summary>
    public string Describe()
    {
        var what = Installation is null ? "" : $" ({Installation.Implementation} {Installation.Version}{(Installation.AbiFlags.Length > 0 ? " abi '" + Installation.AbiFlags + "'" : "")})";
        var verdict = Rejection is null ? "usable" : "rejected: " + Rejection;
        return $"{Location} [{Source}]{what}: {verdict}";
    }
}
