using System.Text.Json;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>Turns Python's <c>sys.version_info</c> into a comparable NuGet version (3.14.0rc1 → 3.14.0-rc.1).</summary>
internal static class PythonVersionConverter
{
    public static NuGetVersion? FromVersionInfo(IReadOnlyList<JsonElement> versionInfo)
    {
        if (versionInfo.Count < 3 || versionInfo.Take(3).Any(e => e.ValueKind != JsonValueKind.Number))
        {
            return null;
        }
        var major = versionInfo[0].GetInt32();
        var minor = versionInfo[1].GetInt32();
        var micro = versionInfo[2].GetInt32();
        var level = versionInfo.Count > 3 && versionInfo[3].ValueKind == JsonValueKind.String ? versionInfo[3].GetString() : "final";
        var serial = versionInfo.Count > 4 && versionInfo[4].ValueKind == JsonValueKind.Number ? versionInfo[4].GetInt32() : 0;
        var label = level switch
        {
            "alpha" => "a",
            "beta" => "b",
            "candidate" => "rc",
            _ => null,
        };
        return label is null
            ? new NuGetVersion(major, minor, micro)
            : new NuGetVersion(major, minor, micro, [label, serial.ToString(System.Globalization.CultureInfo.InvariantCulture)], null);
    }
}
