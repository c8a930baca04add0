using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// The manifest that goes to the publish folder. Same format as the build's (docs/architecture.md), plus
/// <c>sitePackages</c>: site directories relative to the manifest, processed like site-packages.
/// </summary>
internal static class PublishedManifestWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(PublishedManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteString("project", manifest.Project);
            json.WriteStartObject("python");
            json.WriteString("version", manifest.PythonVersion);
            json.WriteString("abiFlags", manifest.AbiFlags);
            json.WriteString("libPython", manifest.LibPython);
            json.WriteString("home", manifest.Home);
            json.WriteString("executable", manifest.Executable);
            json.WriteEndObject();
            json.WriteNull("venv");
            WriteArray(json, "sitePackages", manifest.SitePackages);
            WriteArray(json, "moduleRoots", manifest.ModuleRoots);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
