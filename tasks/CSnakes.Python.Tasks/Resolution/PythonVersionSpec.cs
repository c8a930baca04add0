using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>
/// What the user asked for in <c>PythonVersion</c>. Our meaning differs from NuGet's for bare versions:
/// <list type="bullet">
/// <item><c>3</c> means any 3.x, <c>3.12</c> means any 3.12.x (that is <c>[3.12,3.13)</c>), <c>3.12.1</c> means exactly 3.12.1.
/// (In NuGet a bare version is a minimum; for Python the minor version is the compatibility line, so we pin it.)</item>
/// <item>A string starting with <c>[</c> or <c>(</c> is a NuGet range, e.g. <c>[3.10,3.14)</c>; <c>[3.10,)</c> is "3.10 or newer".</item>
/// <item>A trailing <c>t</c> (<c>3.13t</c>) asks for a free-threaded build; without it free-threaded builds are not chosen.</item>
/// <item>Empty means any version (the newest is chosen).</item>
/// </list>
/// Pre-releases are only chosen when the spec itself names a pre-release (e.g. <c>3.14.0-rc.1</c>).
/// </summary>
internal sealed class PythonVersionSpec
{
    private readonly VersionRange? range;

    private PythonVersionSpec(string text, VersionRange? range, bool freeThreaded, bool allowsPrerelease, string description)
    {
        Text = text;
        this.range = range;
        FreeThreaded = freeThreaded;
        AllowsPrerelease = allowsPrerelease;
        Description = description;
    }

    public static PythonVersionSpec Any { get; } = new("", null, false, false, "any version");

    /// <summary>The text as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>A free-threaded (<c>t</c>) build was asked for.</summary>
    public bool FreeThreaded { get; }

    public bool AllowsPrerelease { get; }

    /// <summary>Human-readable meaning, e.g. "3.12.x".</summary>
    public string Description { get; }

    public bool IsAny => range is null;

    public bool Matches(NuGetVersion version) => range is null || range.Satisfies(version);

    /// <summary>
    /// This spec narrowed to the versions <paramref name="other"/> also allows (a package's supported range), or
    /// null when no version satisfies both. The free-threaded choice stays this spec's: it is the app's to make.
    /// </summary>
    public PythonVersionSpec? Narrow(PythonVersionSpec other)
    {
        if (other.range is null)
        {
            return this;
        }
        if (range is null)
        {
            return new PythonVersionSpec(other.Text, other.range, FreeThreaded, other.AllowsPrerelease, other.range.PrettyPrint());
        }
        var common = VersionRange.CommonSubSet([range, other.range]);
        if (common == VersionRange.None || !HasAnyVersion(common))
        {
            return null;
        }
        return new PythonVersionSpec(Text, common, FreeThreaded, AllowsPrerelease || other.AllowsPrerelease, common.PrettyPrint());
    }

    // CommonSubSet can return a range such as (3.12, 3.12) that no version satisfies.
    private static bool HasAnyVersion(VersionRange candidate)
    {
        if (candidate.MinVersion is null || candidate.MaxVersion is null)
        {
            return true;
        }
        var order = candidate.MinVersion.CompareTo(candidate.MaxVersion);
        return order < 0 || (order == 0 && candidate.IsMinInclusive && candidate.IsMaxInclusive);
    }

    public static bool TryParse(string? text, out PythonVersionSpec spec, out string? error)
    {
        spec = Any;
        error = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        var body = trimmed;
        var freeThreaded = false;
        if (body.EndsWith('t') || body.EndsWith('T'))
        {
            freeThreaded = true;
            body = body[..^1];
        }

        if (body.StartsWith('[') || body.StartsWith('('))
        {
            if (!VersionRange.TryParse(body, out var parsedRange) || parsedRange is null)
            {
                error = Explain(trimmed, "is not a valid NuGet version range");
                return false;
            }
            var allows = parsedRange.MinVersion?.IsPrerelease == true || parsedRange.MaxVersion?.IsPrerelease == true;
            var description = parsedRange.PrettyPrint() + (freeThreaded ? " (free-threaded)" : "");
            spec = new PythonVersionSpec(trimmed, parsedRange, freeThreaded, allows, description);
            return true;
        }

        if (!NuGetVersion.TryParse(body, out var version) || version is null)
        {
            error = Explain(trimmed, "is not a version");
            return false;
        }

        var release = body.Split('-', 2)[0];
        var parts = release.Split('.').Length;
        var suffix = freeThreaded ? " (free-threaded)" : "";
        VersionRange range;
        string meaning;
        switch (parts)
        {
            case 1:
                range = new VersionRange(new NuGetVersion(version.Major, 0, 0), true, new NuGetVersion(version.Major + 1, 0, 0), false);
                meaning = $"{version.Major}.x";
                break;
            case 2:
                range = new VersionRange(new NuGetVersion(version.Major, version.Minor, 0), true, new NuGetVersion(version.Major, version.Minor + 1, 0), false);
                meaning = $"{version.Major}.{version.Minor}.x";
                break;
            case 3:
                range = new VersionRange(version, true, version, true);
                meaning = $"exactly {version.ToNormalizedString()}";
                break;
            default:
                error = Explain(trimmed, "has more than three numbers (Python versions are major.minor.micro)");
                return false;
        }
        spec = new PythonVersionSpec(trimmed, range, freeThreaded, version.IsPrerelease, meaning + suffix);
        return true;
    }

    private static string Explain(string text, string problem) =>
        $"PythonVersion '{text}' {problem}. Expected a version such as '3.12' (any 3.12.x) or '3.12.1' (exactly), " +
        "a NuGet range such as '[3.10,3.14)' or '[3.10,)' (3.10 or newer), optionally followed by 't' for a free-threaded build, " +
        "or nothing for the newest Python found.";

    public override string ToString() => Description;
}
