using System.Text.Json;
using System.Text.Json.Serialization;

namespace CSnakes.Python.Tasks.Signatures;

/// <summary>Parses the reader script's output.</summary>
internal static class SignatureJson
{
    public const int SupportedVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        // Kinds are enums here and lower-case words there (NamedTuple is "namedtuple"); a kind this version does not know is a format error.
        Converters = { new JsonStringEnumConverter(new LowerCaseNaming(), allowIntegerValues: false) },
    };

    private sealed class LowerCaseNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }

    /// <summary>Returns the report, or null with <paramref name="error"/> saying what is wrong with the text.</summary>
    public static SignatureReport? TryParse(string json, out string? error)
    {
        SignatureReport? report;
        try
        {
            report = JsonSerializer.Deserialize<SignatureReport>(json, Options);
        }
        catch (JsonException e)
        {
            error = $"the output is not the expected JSON ({e.Message})";
            return null;
        }

        if (report is null || report.Files is null)
        {
            error = "the output has no 'files' list";
            return null;
        }
        if (report.Version != SupportedVersion)
        {
            error = $"the output has format version {report.Version}, expected {SupportedVersion}";
            return null;
        }

        error = null;
        return report;
    }
}
