using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Builds a minimal pure-Python wheel (a zip with the package and its dist-info), so pip can install a real
/// package with --no-index and no network.
/// </summary>
public static class TinyWheel
{
    public const string Name = "tinywheel";

    public static string Write(string directory, string version, int answer)
    {
        Directory.CreateDirectory(directory);
        var distInfo = $"{Name}-{version}.dist-info";
        var files = new List<(string Path, byte[] Content)>
        {
            ($"{Name}/__init__.py", Utf8($"def answer():\n    return {answer}\n")),
            ($"{distInfo}/METADATA", Utf8($"Metadata-Version: 2.1\nName: {Name}\nVersion: {version}\n")),
            ($"{distInfo}/WHEEL", Utf8("Wheel-Version: 1.0\nGenerator: csnakes-e2e\nRoot-Is-Purelib: true\nTag: py3-none-any\n")),
        };
        var record = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{path},sha256={hash},{content.Length}\n");
        }
        record.Append($"{distInfo}/RECORD,,\n");
        files.Add(($"{distInfo}/RECORD", Utf8(record.ToString())));

        var wheel = Path.Combine(directory, $"{Name}-{version}-py3-none-any.whl");
        using var zip = ZipFile.Open(wheel, ZipArchiveMode.Create);
        foreach (var (path, content) in files)
        {
            using var entry = zip.CreateEntry(path).Open();
            entry.Write(content);
        }
        return wheel;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
