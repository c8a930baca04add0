using System.Text.Json;

namespace CSnakes.Python.Tasks.Imports;

/// <summary>
/// The last locator report, kept in obj/ so that a build with nothing changed runs no Python. It is valid while the
/// key (interpreter and names) matches and every folder it watched has the write time it had: the environment's search
/// path and each import's root. Installing, removing or upgrading a package adds or removes entries in a site directory,
/// which moves that folder's write time; an edit inside a package's files is seen by the generation target's inputs.
/// </summary>
internal static class ImportCache
{
    private sealed class Entry
    {
        public string Key { get; set; } = "";
        public Dictionary<string, long> Watched { get; set; } = [];
        public ImportReport? Report { get; set; }
    }

    private static readonly JsonSerializerOptions Options = new(ImportLocator.JsonOptions) { WriteIndented = true };

    /// <summary>The key an entry must have: the interpreter's path (a rebuilt venv is another slot) and the names asked for.</summary>
    public static string KeyOf(string pythonExecutable, IEnumerable<string> names) =>
        pythonExecutable + "\n" + string.Join("\n", names.OrderBy(n => n, StringComparer.Ordinal));

    /// <summary>The cached report when it is still valid; with <paramref name="anyKey"/> (design-time builds: no environment yet) whatever was cached last.</summary>
    public static ImportReport? TryRead(string cacheFile, string key, bool anyKey = false)
    {
        Entry? entry;
        try
        {
            if (!File.Exists(cacheFile))
            {
                return null;
            }
            entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(cacheFile), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
        if (entry?.Report is null)
        {
            return null;
        }
        if (anyKey)
        {
            return entry.Report;
        }
        return entry.Key == key && entry.Watched.All(w => StampOf(w.Key) == w.Value) ? entry.Report : null;
    }

    public static void Write(string cacheFile, string key, ImportReport report)
    {
        var watched = report.SearchPath
            .Concat(report.Imports.Select(i => i.Root).OfType<string>().Select(root => Directory.Exists(root) ? root : Path.GetDirectoryName(root)!))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(folder => folder, StampOf, StringComparer.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
        var temporary = cacheFile + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Entry { Key = key, Watched = watched, Report = report }, Options));
        File.Move(temporary, cacheFile, overwrite: true);
    }

    // A folder that is gone (or not yet there) has stamp 0, so its appearance is a change too.
    private static long StampOf(string folder) => Directory.Exists(folder) ? Directory.GetLastWriteTimeUtc(folder).Ticks : 0;
}
