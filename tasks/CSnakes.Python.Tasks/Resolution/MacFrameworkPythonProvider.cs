using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Finds python.org framework installs on macOS: <c>Python.framework/Versions/X.Y</c> and, for free-threaded
/// builds (abi <c>t</c>), <c>PythonT.framework/Versions/X.Y</c>, under a frameworks root
/// (<c>/Library/Frameworks</c>). The exact version comes from <c>include/pythonX.Y/patchlevel.h</c>; nothing is run.
/// </summary>
internal sealed partial class MacFrameworkPythonProvider(string frameworksRoot) : IPythonProvider
{
    public string Name => "python.org framework";

    public IReadOnlyList<PythonCandidate> FindCandidates(CancellationToken cancellationToken)
    {
        var candidates = new List<PythonCandidate>();
        AddFramework(candidates, "Python.framework", libraryName: "Python", abiFlags: "");
        AddFramework(candidates, "PythonT.framework", libraryName: "PythonT", abiFlags: "t");
        return candidates;
    }

    private void AddFramework(List<PythonCandidate> candidates, string framework, string libraryName, string abiFlags)
    {
        var versions = Path.Combine(frameworksRoot, framework, "Versions");
        if (!Directory.Exists(versions))
        {
            return;
        }

        foreach (var home in Directory.EnumerateDirectories(versions).Order(StringComparer.Ordinal))
        {
            var xy = Path.GetFileName(home);
            var match = MajorMinor().Match(xy);
            if (!match.Success)
            {
                continue; // "Current" is a link to one of the others.
            }

            var tag = xy + abiFlags; // "3.13t"
            var executable = new[] { $"python{tag}", $"python3{abiFlags}" }
                .Select(name => Path.Combine(home, "bin", name))
                .FirstOrDefault(File.Exists);
            var library = new[] { Path.Combine(home, libraryName), Path.Combine(home, "lib", $"libpython{tag}.dylib") }
                .FirstOrDefault(File.Exists);
            var stdlib = Path.Combine(home, "lib", $"python{tag}");
            if (executable is null || library is null || !Directory.Exists(stdlib))
            {
                var missing = executable is null ? $"bin/python{tag}" : library is null ? libraryName : $"lib/python{tag}";
                candidates.Add(PythonCandidate.Rejected(home, Name, $"the framework is incomplete (no {missing}); reinstall it from python.org"));
                continue;
            }

            var version = ReadPatchLevel(Path.Combine(home, "include", $"python{tag}", "patchlevel.h"))
                ?? $"{match.Groups[1].Value}.{match.Groups[2].Value}";
            if (!NuGetVersion.TryParse(ToNuGet(version), out var parsed))
            {
                candidates.Add(PythonCandidate.Rejected(home, Name, $"its version '{version}' cannot be read"));
                continue;
            }

            var installation = new PythonInstallation(executable, version, parsed, "cpython", abiFlags, home, stdlib, library);
            candidates.Add(PythonCandidate.Usable(executable, Name, installation));
        }
    }

    private static string? ReadPatchLevel(string header)
    {
        if (!File.Exists(header))
        {
            return null;
        }
        var match = PyVersionDefine().Match(File.ReadAllText(header));
        return match.Success ? match.Groups[1].Value : null;
    }

    // Python writes pre-releases as 3.14.0rc1; NuGet wants 3.14.0-rc.1.
    private static string ToNuGet(string version) => PreRelease().Replace(version, "$1-$2.$3");

    private const string MajorMinorPattern = @"^(\d+)\.(\d+)$";

    private const string PyVersionDefinePattern = @"#define\s+PY_VERSION\s+""([^""]+)""";

    private const string PreReleasePattern = @"^(\d+\.\d+\.\d+)(a|b|rc)(\d+)$";

    // .NET Framework (Visual Studio's MSBuild) has no regex source generator: compile the same patterns at first use.
#if NET
    [GeneratedRegex(MajorMinorPattern)]
    private static partial Regex MajorMinor();
    [GeneratedRegex(PyVersionDefinePattern)]
    private static partial Regex PyVersionDefine();
    [GeneratedRegex(PreReleasePattern)]
    private static partial Regex PreRelease();
#else
    private static Regex MajorMinor() => MajorMinorRegex;
    private static readonly Regex MajorMinorRegex = new(MajorMinorPattern, RegexOptions.Compiled);
    private static Regex PyVersionDefine() => PyVersionDefineRegex;
    private static readonly Regex PyVersionDefineRegex = new(PyVersionDefinePattern, RegexOptions.Compiled);
    private static Regex PreRelease() => PreReleaseRegex;
    private static readonly Regex PreReleaseRegex = new(PreReleasePattern, RegexOptions.Compiled);
#endif
}
