using System.Runtime.InteropServices;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Finds the official <c>python</c> NuGet redistributable (<c>pythonx86</c>, <c>pythonarm64</c> by architecture)
/// among extracted packages: <c>&lt;packages&gt;/python/&lt;version&gt;/tools/python.exe</c> next to
/// <c>python3XY.dll</c>, <c>Lib/</c> and <c>DLLs/</c>. The layout is read from disk; nothing is run.
/// </summary>
internal sealed class WindowsNuGetPythonProvider(string packagesRoot, Architecture architecture) : IPythonProvider
{
    public string Name => "NuGet package";

    /// <summary>The package id for an architecture.</summary>
    public static string PackageId(Architecture architecture) => architecture switch
    {
        Architecture.X86 => "pythonx86",
        Architecture.Arm64 => "pythonarm64",
        _ => "python",
    };

    /// <summary>The folder that holds one subfolder per extracted version.</summary>
    public string PackageFolder => Path.Combine(packagesRoot, PackageId(architecture));

    public IReadOnlyList<PythonCandidate> FindCandidates(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(PackageFolder))
        {
            return [];
        }

        var candidates = new List<PythonCandidate>();
        foreach (var versionFolder in Directory.EnumerateDirectories(PackageFolder).Order(StringComparer.Ordinal))
        {
            var tools = Path.Combine(versionFolder, "tools");
            var executable = Path.Combine(tools, "python.exe");
            var folderName = Path.GetFileName(versionFolder);
            if (!NuGetVersion.TryParse(folderName, out var version))
            {
                candidates.Add(PythonCandidate.Rejected(versionFolder, Name, $"'{folderName}' is not a package version folder"));
                continue;
            }

            var dll = Path.Combine(tools, $"python{version.Major}{version.Minor}.dll");
            var stdlib = Path.Combine(tools, "Lib");
            var missing = new[] { executable, dll, stdlib }.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                candidates.Add(PythonCandidate.Rejected(executable, Name,
                    $"the package is incomplete (missing {string.Join(", ", missing)}); delete {versionFolder} and restore again"));
                continue;
            }

            var installation = new PythonInstallation(
                Executable: executable,
                Version: folderName,
                ParsedVersion: version,
                Implementation: "cpython",
                AbiFlags: "",
                Home: tools,
                StdLib: stdlib,
                LibPython: dll);
            candidates.Add(PythonCandidate.Usable(executable, Name, installation));
        }
        return candidates;
    }
}
