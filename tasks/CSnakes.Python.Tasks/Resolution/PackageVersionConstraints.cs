using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks;

/// <summary>
/// An app runs every Python library it references on one interpreter, so the version it resolves must fit the
/// app's own <c>PythonVersion</c> and the range each packed Python library declares (its <c>PythonPackage</c>
/// item's <c>PythonVersion</c> metadata, empty = any).
/// </summary>
internal static class PackageVersionConstraints
{
    public const string ErrorCode = "CSPY0005";

    /// <summary>Narrows <paramref name="spec"/> by every package's range; false with an error text when impossible.</summary>
    public static bool TryApply(PythonVersionSpec spec, IReadOnlyList<ITaskItem> packages, out PythonVersionSpec narrowed, out string? error)
    {
        narrowed = spec;
        error = null;
        var named = new List<string>();
        if (!spec.IsAny)
        {
            named.Add($"this project's PythonVersion '{spec.Text}' ({spec.Description})");
        }

        foreach (var package in packages)
        {
            var text = package.GetMetadata("PythonVersion");
            var version = package.GetMetadata("Version");
            var who = string.IsNullOrEmpty(version) ? package.ItemSpec : $"{package.ItemSpec} {version}";
            if (!PythonVersionSpec.TryParse(text, out var packageSpec, out var parseError))
            {
                error = $"The Python package {who} declares a Python version range that cannot be read: {parseError} " +
                        "Use another version of the package, or ask its author to fix PythonVersion.";
                return false;
            }
            if (packageSpec.IsAny)
            {
                continue;
            }
            named.Add($"{who} needs {packageSpec.Description}");
            if (narrowed.Narrow(packageSpec) is not { } next)
            {
                error = "No Python version satisfies everything this project runs on one interpreter: " + string.Join("; ", named) +
                        ". Use package versions whose Python ranges overlap, or change PythonVersion.";
                return false;
            }
            narrowed = next;
        }
        return true;
    }

    /// <summary>The packages' ranges as text, for the resolution cache key.</summary>
    public static string Describe(IReadOnlyList<ITaskItem> packages) =>
        string.Join(";", packages.Select(p => $"{p.ItemSpec}={p.GetMetadata("PythonVersion")}"));
}
