using System.IO.Compression;
using System.Text;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Writes a minimal pure-Python wheel (a zip with the package and its dist-info) for pip to install offline.</summary>
internal static class TestWheel
{
    public static string Build(string directory, string name, string version, string moduleSource)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}-{version}-py3-none-any.whl");
        var distInfo = $"{name}-{version}.dist-info";
        var files = new (string Name, string Content)[]
        {
            ($"{name}/__init__.py", moduleSource),
            ($"{distInfo}/METADATA", $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"),
            ($"{distInfo}/WHEEL", "Wheel-Version: 1.0\nGenerator: csnakes-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        };
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var record = new StringBuilder();
        foreach (var (entryName, content) in files)
        {
            using (var writer = new StreamWriter(zip.CreateEntry(entryName).Open()))
            {
                writer.Write(content);
            }
            record.Append(entryName).Append(",,\n");
        }
        record.Append($"{distInfo}/RECORD,,\n");
        using (var writer = new StreamWriter(zip.CreateEntry($"{distInfo}/RECORD").Open()))
        {
            writer.Write(record.ToString());
        }
        return path;
    }
}
