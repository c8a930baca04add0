using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CSnakes.Manifest;

/// <summary>
/// What a <c>&lt;Project&gt;.csnakes.json</c> manifest holds, exactly as in the file: the build writes it (tasks), the app
/// reads it at start (runtime), and the app's build compares its libraries' manifests. This one source file is
/// compiled into both assemblies, so the format is defined once. Paths are as written: absolute in build output,
/// relative to the manifest's folder when published.
/// </summary>
/// <param name="Project">The Python library's assembly name.</param>
/// <param name="PythonVersion">The interpreter's version (<c>3.12.1</c>).</param>
/// <param name="AbiFlags">Its ABI flags: empty, or <c>t</c> when free-threaded.</param>
/// <param name="LibPython">The shared library to load.</param>
/// <param name="PythonHome">The installation prefix.</param>
/// <param name="PythonExecutable">The base interpreter (<c>sys.executable</c> when there is no venv).</param>
/// <param name="Venv">The venv the app starts as, or null (published apps, conda environments).</param>
/// <param name="ModuleRoots">Folders put first on <c>sys.path</c>.</param>
/// <param name="SitePackages">Published manifests: bundled site directories, in order (processed like site-packages).</param>
/// <param name="SourceDirectory">Build manifests: the project folder the module roots copy, for tracebacks.</param>
internal sealed record ManifestDocument(
    string? Project,
    string? PythonVersion,
    string? AbiFlags,
    string LibPython,
    string? PythonHome,
    string? PythonExecutable,
    string? Venv,
    IReadOnlyList<string> ModuleRoots,
    IReadOnlyList<string> SitePackages,
    string? SourceDirectory)
{
    /// <summary>The format this code writes and the newest it reads. Bump it only for a change an older reader would misread.</summary>
    public const int FormatVersion = 1;

    /// <summary>Every manifest's file name ends with this.</summary>
    public const string FileSuffix = ".csnakes.json";

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        // Keep paths readable: the default encoder escapes '+' and non-ASCII characters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text, byte-for-byte the same for the same content on every OS.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("project", Project);
            json.WriteStartObject("python");
            json.WriteString("version", PythonVersion);
            json.WriteString("abiFlags", AbiFlags);
            json.WriteString("libPython", LibPython);
            json.WriteString("home", PythonHome);
            json.WriteString("executable", PythonExecutable);
            json.WriteEndObject();
            json.WriteString("venv", Venv);
            if (SitePackages.Count > 0)
            {
                WriteArray(json, "sitePackages", SitePackages);
            }
            WriteArray(json, "moduleRoots", ModuleRoots);
            if (SourceDirectory is not null)
            {
                json.WriteString("sourceDirectory", SourceDirectory);
            }
            json.WriteEndObject();
        }
        // Utf8JsonWriter writes the platform's new line; the file must not depend on the build OS.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Reads a manifest's text; <see cref="ManifestFormatException"/> says what is wrong with it.</summary>
    public static ManifestDocument Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException("it is not a JSON object");
            }
            // A manifest without the field predates it: format 1.
            var format = root.TryGetProperty("formatVersion", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : 1;
            if (format > FormatVersion)
            {
                throw new ManifestFormatException(
                    $"it is format {format}, written by a newer CSnakes.Python.Sdk, and this code reads format {FormatVersion} at most. Use the CSnakes.Runtime version that matches the SDK");
            }
            if (!root.TryGetProperty("python", out var python) || python.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException("it has no 'python' object");
            }
            return new ManifestDocument(
                OptionalString(root, "project"),
                OptionalString(python, "version"),
                OptionalString(python, "abiFlags"),
                OptionalString(python, "libPython") is { Length: > 0 } libPython ? libPython : throw new ManifestFormatException("it has no 'libPython'"),
                OptionalString(python, "home"),
                OptionalString(python, "executable"),
                OptionalString(root, "venv"),
                StringArray(root, "moduleRoots"),
                StringArray(root, "sitePackages"),
                OptionalString(root, "sourceDirectory"));
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException($"it is not valid JSON ({e.Message})");
        }
        catch (FormatException e)
        {
            throw new ManifestFormatException($"a value has the wrong form ({e.Message})");
        }
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

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> StringArray(JsonElement element, string name) =>
        element.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}

/// <summary>A manifest file that cannot be read; the message completes "The Python manifest 'X' cannot be used: …".</summary>
internal sealed class ManifestFormatException(string message) : Exception(message);
