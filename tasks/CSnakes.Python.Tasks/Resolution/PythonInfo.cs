using System.Text.Json;
using System.Text.Json.Serialization;

namespace CSnakes.Python.Tasks;

/// <summary>What <c>scripts/python_info.py</c> reports about an interpreter (one JSON object).</summary>
internal sealed class PythonInfo
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("version_info")] public JsonElement[] VersionInfo { get; init; } = [];
    [JsonPropertyName("implementation")] public string Implementation { get; init; } = "";
    [JsonPropertyName("abiflags")] public string AbiFlags { get; init; } = "";
    [JsonPropertyName("prefix")] public string Prefix { get; init; } = "";
    [JsonPropertyName("base_prefix")] public string BasePrefix { get; init; } = "";
    [JsonPropertyName("executable")] public string Executable { get; init; } = "";
    [JsonPropertyName("base_executable")] public string? BaseExecutable { get; init; }
    [JsonPropertyName("platform")] public string Platform { get; init; } = "";
    [JsonPropertyName("stdlib")] public string? StdLib { get; init; }
    [JsonPropertyName("LIBDIR")] public string? LibDir { get; init; }
    [JsonPropertyName("INSTSONAME")] public string? InstSoName { get; init; }
    [JsonPropertyName("LDLIBRARY")] public string? LdLibrary { get; init; }
    [JsonPropertyName("MULTIARCH")] public string? MultiArch { get; init; }
    [JsonPropertyName("Py_ENABLE_SHARED")] public JsonElement EnableShared { get; init; }
    [JsonPropertyName("PYTHONFRAMEWORKPREFIX")] public string? FrameworkPrefix { get; init; }

    public bool IsVirtualEnvironment => !string.Equals(Prefix, BasePrefix, StringComparison.Ordinal);

    /// <summary>Py_ENABLE_SHARED as a bool (sysconfig gives 0/1, or nothing on Windows).</summary>
    public bool? SharedEnabled => EnableShared.ValueKind switch
    {
        JsonValueKind.Number => EnableShared.GetInt32() != 0,
        JsonValueKind.String => EnableShared.GetString() is "1",
        _ => null,
    };

    public static PythonInfo? Parse(string json) => JsonSerializer.Deserialize<PythonInfo>(json);
}
