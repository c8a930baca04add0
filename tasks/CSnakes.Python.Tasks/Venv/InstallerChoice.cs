namespace CSnakes.Python.Tasks;

/// <summary>
/// Which tool makes the venv and installs the requirements (<c>PythonPackageInstaller</c>): pip, or uv when it is
/// on PATH (<c>auto</c>) or demanded (<c>uv</c>). uv installs the same requirements much faster, but it is a
/// separate program the build cannot fetch, so <c>auto</c> only uses one that is already there. How each tool is
/// run lives in <see cref="PipCommand"/> and <see cref="UvCommand"/>.
/// </summary>
internal sealed record InstallerChoice(string? UvPath, string Reason)
{
    public const string Auto = "auto";
    public const string Pip = "pip";
    public const string Uv = "uv";

    public bool IsUv => UvPath is not null;

    /// <summary>What the venv input hash records: switching tools (or moving to another uv) rebuilds the venv.</summary>
    public string HashKey => IsUv ? "uv:" + Path.GetFullPath(UvPath!) : Pip;

    /// <summary>
    /// The installer for <paramref name="setting"/>, or null with <paramref name="error"/> when the setting is unknown
    /// or asks for uv and there is none on <paramref name="path"/>.
    /// </summary>
    public static InstallerChoice? Choose(string? setting, string? path, string? pathExt, bool windows, out string? error)
    {
        error = null;
        var wanted = string.IsNullOrWhiteSpace(setting) ? Auto : setting.Trim().ToLowerInvariant();
        switch (wanted)
        {
            case Pip:
                return new InstallerChoice(null, "PythonPackageInstaller=pip");
            case Auto:
            case Uv:
                var uv = ExecutableOnPath.Find("uv", path, pathExt, windows);
                if (uv is not null)
                {
                    return new InstallerChoice(uv, $"uv found at {uv}" + (wanted == Uv ? " (PythonPackageInstaller=uv)" : ""));
                }
                if (wanted == Auto)
                {
                    return new InstallerChoice(null, "no uv on PATH (PythonPackageInstaller=auto)");
                }
                error = $"PythonPackageInstaller is 'uv' but no uv executable was found on PATH ({(string.IsNullOrEmpty(path) ? "empty" : path)}). " +
                    "Install uv (https://docs.astral.sh/uv/getting-started/installation/, e.g. 'pipx install uv') so the build sees it on PATH, " +
                    "or set PythonPackageInstaller to 'pip' (or 'auto', which uses uv only when it is there).";
                return null;
            default:
                error = $"PythonPackageInstaller is '{setting}'; it must be 'auto' (uv when it is on PATH, else pip), 'pip' or 'uv'.";
                return null;
        }
    }
}
