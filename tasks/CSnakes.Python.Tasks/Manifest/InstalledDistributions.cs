using CSnakes.VirtualEnvironments;

namespace CSnakes.Python.Tasks.Manifest;

/// <summary>
/// The distributions installed in a venv, read from its <c>*.dist-info</c> folder names
/// (<c>{name}-{version}.dist-info</c>, PEP 427/491: the name has no '-', the version none either).
/// Names are normalised as PEP 503 does (lower case, runs of '-', '_', '.' as one '-'), so
/// <c>Tiny_Wheel</c> and <c>tiny-wheel</c> are the same distribution.
/// </summary>
internal static class InstalledDistributions
{
    /// <summary>Normalised name → (name as installed, version) for every distribution in the venv's site-packages.</summary>
    public static IReadOnlyDictionary<string, (string Name, string Version)> Read(string venvDirectory)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var sitePackages in VenvLayout.SitePackagesFolders(venvDirectory))
        {
            foreach (var folder in Directory.EnumerateDirectories(sitePackages, "*.dist-info"))
            {
                var stem = Path.GetFileName(folder)[..^".dist-info".Length];
                var dash = stem.IndexOf('-');
                if (dash > 0 && dash < stem.Length - 1)
                {
                    found[RequirementsFile.Normalize(stem[..dash])] = (stem[..dash], stem[(dash + 1)..]);
                }
            }
        }
        return found;
    }

}
