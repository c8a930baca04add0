using System.Text.Json;

namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// What an environment's interpreter sees of installed packages, asked by running <c>scripts/environment_facts.py</c>
/// with <c>-I</c> (as the embedded interpreter starts: no user site, no PYTHONPATH).
/// </summary>
/// <param name="SiteDirectories">Folders on its <c>sys.path</c> that hold packages, in order, without the standard library.</param>
/// <param name="Distributions">Installed distributions: PEP 503-normalised name → version.</param>
internal sealed record EnvironmentFacts(IReadOnlyList<string> SiteDirectories, IReadOnlyDictionary<string, string> Distributions)
{
    public const string ScriptName = "environment_facts.py";

    /// <summary>The facts, or null with <paramref name="error"/> saying why the interpreter gave none.</summary>
    public static EnvironmentFacts? Ask(string python, CancellationToken cancellationToken, out string? error)
    {
        var result = ProcessRunner.Run(python, ["-I", HelperScripts.PathOf(ScriptName)],
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
            var sites = root.GetProperty("site_directories").EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToList();
            var distributions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var distribution in root.GetProperty("distributions").EnumerateArray())
            {
                distributions.TryAdd(RequirementsFile.Normalize(distribution.GetProperty("name").GetString() ?? ""), distribution.GetProperty("version").GetString() ?? "");
            }
            error = null;
            return new EnvironmentFacts(sites, distributions);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            error = $"'{python}' printed an answer that cannot be read ({e.Message})";
            return null;
        }
    }
}
