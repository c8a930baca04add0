using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// A build's manifest names the project folder its .py files were copied from; a Python traceback then names the
/// project's file (the one an IDE should open), not the copy in bin/ — when the source file exists.
/// </summary>
[TestClass]
public sealed class SourceFileMapTests
{
    private const string Module = "def fail():\n    raise ValueError('from the copy')\n";

    [TestMethod]
    public void FramesAndTracebackTextNameTheSourceFileWhenItExists()
    {
        var root = Directory.CreateTempSubdirectory("csnakes-source-map-").FullName;
        var output = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        var source = Directory.CreateDirectory(Path.Combine(root, "project")).FullName;
        File.WriteAllText(Path.Combine(output, "source_map_probe.py"), Module);
        File.WriteAllText(Path.Combine(source, "source_map_probe.py"), Module);
        File.WriteAllText(Path.Combine(output, "source_map_orphan.py"), Module);
        SourceFileMap.Use([new SourceRoot(output, source)]);
        try
        {
            AddToPath(output);

            var mapped = CallFail("source_map_probe");
            Assert.AreEqual(Path.Combine(source, "source_map_probe.py"), mapped.PythonFrames[^1].FileName);
            StringAssert.Contains(mapped.PythonStackTrace, $"File \"{Path.Combine(source, "source_map_probe.py")}\"");
            Assert.IsFalse(mapped.PythonStackTrace.Contains(output, StringComparison.Ordinal), mapped.PythonStackTrace);

            // No project file at that relative path: the frame keeps the file Python ran.
            var unmapped = CallFail("source_map_orphan");
            Assert.AreEqual(Path.Combine(output, "source_map_orphan.py"), unmapped.PythonFrames[^1].FileName);
        }
        finally
        {
            SourceFileMap.Use([]);
            Directory.Delete(root, recursive: true);
        }
    }

    private static PythonInvocationException CallFail(string module)
    {
        using var imported = Env.Import(module);
        using var fail = imported.GetAttr("fail");
        return Assert.Throws<PythonInvocationException>(() => fail.Call([]).Dispose());
    }

    private static void AddToPath(string folder)
    {
        using var sys = Env.Import("sys");
        using var path = sys.GetAttr("path");
        using var insert = path.GetAttr("insert");
        using var index = PyObject.From(0L);
        using var value = PyObject.From(folder);
        insert.Call([index, value]).Dispose();
    }
}
