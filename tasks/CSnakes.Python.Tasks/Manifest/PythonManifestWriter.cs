using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CSnakes.Python.Tasks.Manifest;

/// <summary>Renders a <see cref="PythonManifest"/> as JSON, byte-for-byte the same for the same content.</summary>
internal static class PythonManifestWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        // Keep paths readable: the default encoder escapes '+' and non-ASCII characters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(PythonManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", PythonManifest.FormatVersion);
            json.WriteString("project", manifest.Project);

            json.WriteStartObject("python");
            json.WriteString("version", manifest.PythonVersion);
            json.WriteString("abiFlags", manifest.AbiFlags);
            json.WriteString("libPython", manifest.LibPython);
            json.WriteString("home", manifest.PythonHome);
            json.WriteString("executable", manifest.PythonExecutable);
            json.WriteEndObject();

            if (manifest.Venv is null)
            {
                json.WriteNull("venv");
            }
            else
            {
                json.WriteString("venv", manifest.Venv);
            }

            // Written by publish only: site directories relative to the manifest, processed like site-packages.
            if (manifest.SitePackages is { Count: > 0 } sitePackages)
            {
                WriteArray(json, "sitePackages", sitePackages);
            }

            WriteArray(json, "moduleRoots", manifest.ModuleRoots);
            if (manifest.SourceDirectory is { } source)
            {
                json.WriteString("sourceDirectory", source);
            }
            json.WriteEndObject();
        }

        // Utf8JsonWriter uses the platform's new line on net8.0; the file must not depend on the build OS.
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
