using System.Runtime.InteropServices;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Everything about the build machine that Python resolution looks at, gathered in one place so tests can
/// describe a Windows or macOS machine (under a temp root) while running on Linux.
/// </summary>
internal sealed class HostFacts
{
    public required HostOs Os { get; init; }

    public required Architecture Architecture { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public required string HomeDirectory { get; init; }

    /// <summary>Where python.org framework builds live on macOS.</summary>
    public string MacFrameworksRoot { get; init; } = "/Library/Frameworks";

    /// <summary>System folders searched on Linux and macOS, before PATH.</summary>
    public IReadOnlyList<string> SystemBinDirectories { get; init; } = ["/usr/local/bin", "/usr/bin"];

    public static HostFacts Current { get; } = new()
    {
        Os = OperatingSystem.IsWindows() ? HostOs.Windows : OperatingSystem.IsMacOS() ? HostOs.MacOS : HostOs.Linux,
        Architecture = RuntimeInformation.OSArchitecture,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        HomeDirectory = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };

    /// <summary>The PATH entries, in order, without empties.</summary>
    public IReadOnlyList<string> PathDirectories =>
        (GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first file called <paramref name="name"/> on PATH, or null.</summary>
    public string? FindOnPath(string name)
    {
        foreach (var directory in PathDirectories)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
