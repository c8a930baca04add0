using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Methods and properties of Python enum classes as extension methods on the generated C# enum: the wrappers compile with
/// a caller against the real runtime (warnings are errors), and the caller runs them on a real interpreter, each result
/// the one Python gives for the same member.
/// </summary>
[TestClass]
public sealed class EnumMembersCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string Module = """
        from enum import Enum, IntEnum

        class Shade:
            '''A class whose C# name an enum method's name would take.'''

        class Color(Enum):
            RED = "r"
            DARK_BLUE = "b"

            def describe(self, prefix: str = "") -> str:
                return f"{prefix}{self.name.lower()}={self.value}"

            def mix(self, other: "Color") -> "Color":
                return Color.DARK_BLUE if other is not self else self

            def shade(self) -> int:
                return len(self.name)

            @property
            def label(self) -> str:
                return self.name.title().replace("_", " ")

            @property
            def codes(self) -> list[int]:
                return [ord(c) for c in self.value]

            @staticmethod
            def parse(text: str) -> "Color":
                return Color(text)

            def _private(self) -> int:
                return 0

        class Size(IntEnum):
            SMALL = 1
            LARGE = 3

            def describe(self) -> str:
                return f"size {int(self)}"

            def scaled(self, by: int) -> int:
                return int(self) * by
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.PaletteModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        Console.WriteLine($"methods: {Color.Red.Describe()} {Color.DarkBlue.Describe(prefix: "> ")} {Color.Red.Mix(Color.Red)} {Color.Red.Mix(Color.DarkBlue)} {Color.DarkBlue.Shade_()}");
        Console.WriteLine($"properties: {Color.DarkBlue.Label()} {string.Join(",", Color.Red.Codes())}");
        Console.WriteLine($"overloads: {Size.Large.Describe()} {Size.Small.Scaled(5)}");
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void EnumMethodsAndPropertiesAreExtensionMethodsThatCallThePythonMember()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/palette.py", Module);
        var (task, engine) = GeneratedApp.Generate(folder, python, "palette.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        // What gets no member is named, not dropped silently: the staticmethod (no member to call it on).
        StringAssert.Contains(engine.MessageText, "'Color.parse' is a staticmethod and gets no C# member");
        var code = File.ReadAllText(task.GeneratedFiles.Single().ItemSpec);
        TestContext.WriteLine(code);
        Assert.IsFalse(code.Contains("\"_private\"", StringComparison.Ordinal), "a private method of the enum got a member");
        folder.Write("app/Program.cs", Program);
        var run = GeneratedApp.BuildAndRun(Path.Combine(folder.Path, "app"), python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        // Python: Color.RED.describe(), Color.DARK_BLUE.describe(prefix="> "), Color.RED.mix(Color.RED), ...
        StringAssert.Contains(run, "methods: red=r > dark_blue=b Red DarkBlue 9\n");
        StringAssert.Contains(run, "properties: Dark Blue 114\n");
        StringAssert.Contains(run, "overloads: size 3 5\n");
    }

    public TestContext TestContext { get; set; } = null!;
}
