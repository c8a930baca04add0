using System.Text.Json;

namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// What an environment's interpreter sees of installed packages, asked by running <c>scripts/environment_facts.py</c>
/// with <c>-I</c> (as the embedded interpreter starts: no user site, no PYTHONPATH).
/// </summary>
/// <param name="SiteDirectories">Folders on its <c>sys.path</c> that hold packages, in order, without the standard library (empty unless asked for).</param>
/// <param name="Distributions">Installed distributions: PEP 503-normalised name → version (empty unless asked for).</param>
internal sealed record EnvironmentFacts(IReadOnlyList<string> SiteDirectories, IReadOnlyDictionary<string, string> Distributions)
{
    public const string ScriptName = "environment_facts.py";

    /// <summary>
    /// The facts asked for (listing every distribution costs a scan of every site directory, so publish, which needs
    /// only the directories, does not pay it), or null with <paramref name="error"/> saying why the interpreter gave none.
    /// </summary>
    public static EnvironmentFacts? Ask(string python, bool siteDirectories, bool distributions, CancellationToken cancellationToken, out string? error)
    {
        string[] parts = [.. siteDirectories ? ["site_directories"] : Array.Empty<string>(), .. distributions ? ["distributions"] : Array.Empty<string>()];
        var result = ProcessRunner.Run(python, ["-I", HelperScripts.PathOf(ScriptName), .. parts],
            new ProcessRunOptions { Timeout = TimeSpan.FromMinutes(2), CancellationToken = cancellationToken });
        if (!result.Succeeded)
        {
            var detail = result.StandardError.Trim();
            error = $"'{python}' {result.Describe()}{(detail.Length > 0 ? ": " + detail : "")}";
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            var root = document.RootElement;
            var sites = siteDirectories
                ? root.GetProperty("site_directories").EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToList()
                : [];
            var installed = new Dictionary<string, string>(StringComparer.Ordinal);
            if (distributions)
            {
                foreach (var distribution in root.GetProperty("distributions").EnumerateArray())
                {
                    installed.TryAdd(RequirementsFile.Normalize(distribution.GetProperty("name").GetString() ?? ""), distribution.GetProperty("version").GetString() ?? "");
                }
            }
            error = null;
            return new EnvironmentFacts(sites, installed);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error = $"'{python}' printed an answer that cannot be read ({e.Message})";
            return null;
        }
    }
}
