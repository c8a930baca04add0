using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// <c>@property</c>s of dataclass and NamedTuple records as get-only C# properties, computed by Python from a copy of the
/// record: the wrappers compile with a caller against the real runtime (warnings are errors), the caller runs them on a
/// real interpreter, and the record's <c>ToString()</c> still prints its fields alone (no Python call).
/// </summary>
[TestClass]
public sealed class RecordPropertiesCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string Module = """
        from dataclasses import dataclass
        from typing import NamedTuple

        @dataclass
        class Size:
            width: int
            height: int

            @property
            def area(self) -> int:
                return self.width * self.height

            @property
            def label(self) -> str:
                return f"{self.width}x{self.height}"

            @label.setter
            def label(self, value: str) -> None:
                self.width, self.height = map(int, value.split("x"))

            @property
            def width_(self) -> int:
                return -1

            def scaled(self, by: int) -> "Size":
                return Size(self.width * by, self.height * by)

        class Span(NamedTuple):
            start: int
            end: int

            @property
            def length(self) -> int:
                return self.end - self.start

            @property
            def halves(self) -> list["Span"]:
                middle = (self.start + self.end) // 2
                return [Span(self.start, middle), Span(middle, self.end)]
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.ShapesModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        var size = new Size(3, 4);
        Console.WriteLine($"dataclass: {size.Area} {size.Label} {size.Scaled(2).Area} {size.Width_} {size}");
        var span = new Span(2, 10);
        Console.WriteLine($"namedtuple: {span.Length} {string.Join(";", span.Halves)} {span}");
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void RecordPropertiesAreComputedByPythonAndNotPrinted()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/shapes.py", Module);
        var (task, engine) = GeneratedApp.Generate(folder, python, "shapes.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        // A setter would change a copy: named in a message.
        StringAssert.Contains(engine.MessageText, "'Size.label' has a setter");
        var code = File.ReadAllText(task.GeneratedFiles.Single().ItemSpec);
        TestContext.WriteLine(code);
        folder.Write("app/Program.cs", Program);
        var run = GeneratedApp.BuildAndRun(Path.Combine(folder.Path, "app"), python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        // Python: Size(3, 4).area, .label, Size(3, 4).scaled(2).area, .width_ (whose C# name the field Width has: the
        // trailing '_' escape); ToString prints the fields as C# records do.
        StringAssert.Contains(run, "dataclass: 12 3x4 48 -1 Size { Width = 3, Height = 4 }\n");
        StringAssert.Contains(run, "namedtuple: 8 Span { Start = 2, End = 6 };Span { Start = 6, End = 10 } Span { Start = 2, End = 10 }\n");
    }

    public TestContext TestContext { get; set; } = null!;
}
