using System.Text.Json;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>
/// The last resolution, kept in obj/ as JSON. Valid while the input key matches and the chosen interpreter's
/// file is unchanged (same write time) and its libpython still exists; reading it runs no Python.
/// </summary>
internal static class ResolutionCache
{
    private sealed class Entry
    {
        public string Key { get; set; } = "";
        public string Source { get; set; } = "";
        public string Executable { get; set; } = "";
        public long ExecutableWriteTimeUtcTicks { get; set; }
        public string Version { get; set; } = "";
        public string NuGetVersion { get; set; } = "";
        public string Implementation { get; set; } = "";
        public string AbiFlags { get; set; } = "";
        public string Home { get; set; } = "";
        public string StdLib { get; set; } = "";
        public string LibPython { get; set; } = "";
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static bool TryRead(string cacheFile, string key, out PythonInstallation installation, out string source)
    {
        installation = null!;
        source = "";
        Entry? entry;
        try
        {
            if (!File.Exists(cacheFile))
            {
                return false;
            }
            entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(cacheFile), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }

        if (entry is null || entry.Key != key
            || !File.Exists(entry.Executable)
            || File.GetLastWriteTimeUtc(entry.Executable).Ticks != entry.ExecutableWriteTimeUtcTicks
            || !File.Exists(entry.LibPython)
            || !NuGet.Versioning.NuGetVersion.TryParse(entry.NuGetVersion, out var parsed))
        {
            return false;
        }

        installation = new PythonInstallation(entry.Executable, entry.Version, parsed, entry.Implementation, entry.AbiFlags, entry.Home, entry.StdLib, entry.LibPython);
        source = entry.Source;
        return true;
    }

    /// <summary>Writes the entry; returns why it could not be written, or null.</summary>
    public static string? Write(string cacheFile, string key, PythonInstallation installation, string source)
    {
        var entry = new Entry
        {
            Key = key,
            Source = source,
            Executable = installation.Executable,
            ExecutableWriteTimeUtcTicks = File.GetLastWriteTimeUtc(installation.Executable).Ticks,
            Version = installation.Version,
            NuGetVersion = installation.ParsedVersion.ToNormalizedString(),
            Implementation = installation.Implementation,
            AbiFlags = installation.AbiFlags,
            Home = installation.Home,
            StdLib = installation.StdLib,
            LibPython = installation.LibPython,
        };
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(cacheFile));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
            // Write then rename, so a concurrent reader never sees half a file.
            var temporary = cacheFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(entry, Options));
            File.Move(temporary, cacheFile, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
