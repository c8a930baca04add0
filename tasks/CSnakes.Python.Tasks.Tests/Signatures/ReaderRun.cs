using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>Runs the real reader script on a few files given with their module names.</summary>
internal static class ReaderRun
{
    /// <summary>Writes the files into a temp folder and reads them in one run; the result by module name.</summary>
    public static Dictionary<string, FileSignatures> Read(string version, params (string RelativePath, string Module, string Text)[] files)
    {
        using var temp = new TempFolder();
        var sources = files.Select(f => new SignatureSource(temp.Write(f.RelativePath, f.Text), f.Module)).ToList();
        var result = SignatureReader.Read(PyenvPython.Require(version), sources);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var report = result.Report!.Files;
        for (var i = 0; i < report.Count; i++)
        {
            Assert.IsNull(report[i].Error, report[i].Error?.Message);
        }
        return files.Select((f, i) => (f.Module, File: report[i])).ToDictionary(p => p.Module, p => p.File);
    }

    /// <summary>One stub or module alone.</summary>
    public static FileSignatures ReadOne(string version, string fileName, string text) => Read(version, (fileName, Path.GetFileNameWithoutExtension(fileName), text)).Values.Single();

    public static string[] FunctionNames(FileSignatures file) => file.Functions!.Select(f => f.Name).ToArray();

    public static PythonFunction Function(FileSignatures file, string name) => file.Functions!.Single(f => f.Name == name);

    /// <summary>The structured tree back as text, so assertions stay readable.</summary>
    public static string Render(AnnotationNode node) => node.Kind switch
    {
        AnnotationKind.Name when node.Arguments.Count == 0 => node.Name!,
        AnnotationKind.Name => $"{node.Name}[{string.Join(", ", node.Arguments.Select(Render))}]",
        AnnotationKind.None => "None",
        AnnotationKind.Ellipsis => "...",
        AnnotationKind.Union => "(" + string.Join(" | ", node.Arguments.Select(Render)) + ")",
        AnnotationKind.List => "[" + string.Join(", ", node.Arguments.Select(Render)) + "]",
        AnnotationKind.Literal => node.Text!,
        _ => "?" + node.Text,
    };

    public static string ParameterType(PythonFunction function, string name) => Render(function.Parameters.Single(p => p.Name == name).Annotation!.Type);

    public static string ReturnType(PythonFunction function) => Render(function.Returns!.Type);

    /// <summary>(major, minor) of a pyenv version string such as 3.13.0.</summary>
    public static (int Major, int Minor) VersionOf(string version)
    {
        var parts = version.Split('.');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }
}
