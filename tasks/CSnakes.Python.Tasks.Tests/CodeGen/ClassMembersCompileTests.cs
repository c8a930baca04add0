using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Static and class methods, <c>__new__</c> constructors, typed <c>*args</c> and class attributes: the generated wrappers
/// compile with a caller against the real runtime (warnings are errors), and the caller runs them on a real interpreter.
/// </summary>
[TestClass]
public sealed class ClassMembersCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string Module = """
        from typing import ClassVar, Final, Self

        WIDTH = 80

        class Text:
            '''Styled text, the way rich writes it.'''
            MAX_WIDTH: Final = 120
            STYLE: ClassVar[str] = "plain"
            markers: ClassVar[list[str]] = ["[b]", "[/b]"]
            plain: str
            size: int = 0

            def __init__(self, plain: str = "") -> None:
                self.plain = plain
                self.size = len(plain)

            @classmethod
            def from_markup(cls, markup: str) -> Self:
                return cls(markup.replace("[b]", "").replace("[/b]", ""))

            @classmethod
            def assemble(cls, *parts: str) -> "Text":
                return cls("".join(parts))

            @staticmethod
            def blank(width: int = 3) -> "Text":
                return Text(" " * width)

            @staticmethod
            def to_string() -> str:
                return "static to_string"

            def upper(self) -> "Text":
                return Text(self.plain.upper())

        class Path:
            '''Like typeshed's pathlib.PurePath: __new__ and no __init__.'''
            def __new__(cls, *segments: str) -> Self:
                self = object.__new__(cls)
                self._parts = list(segments)
                return self

            @property
            def parts(self) -> list[str]:
                return self._parts

            def joinpath(self, *more: str) -> "Path":
                return Path(*self._parts, *more)

        def join(sep: str, *parts: str) -> str:
            return sep.join(parts)

        def total(*values: int) -> int:
            return sum(values)

        def describe(*values: int | str) -> str:
            return ",".join(type(v).__name__ for v in values)
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.RichishModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        using Text bold = Text.FromMarkup("[b]hi[/b]");
        using Text upper = bold.Upper();
        using Text assembled = Text.Assemble("a", "b", "c");
        using Text blank = Text.Blank();
        Console.WriteLine($"class methods: {bold.Plain} {upper.Plain} {assembled.Plain} [{blank.Plain}] {Text.ToString_()}");
        Console.WriteLine($"attributes: {Text.MaxWidth} {Text.Style} {string.Join("", Text.Markers)} {bold.Size}");
        using Path path = env.Richish().NewPath("usr", "lib");
        using Path longer = path.Joinpath("python3", "site");
        Console.WriteLine($"new: {string.Join("/", path.Parts)} {string.Join("/", longer.Parts)}");
        Console.WriteLine($"args: {env.Richish().Join("-", "a", "b")} {env.Richish().Total(1, 2, 3)} {env.Richish().Total()} {env.Richish().Describe(PyObject.From(1L), PyObject.From("x"))}");
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void ClassMembersCompileAndRunAgainstTheRuntime()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/richish.py", Module);
        var (task, engine) = GeneratedApp.Generate(folder, python, "richish.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var app = Path.Combine(folder.Path, "app");
        folder.Write("app/Program.cs", Program);
        TestContext.WriteLine(File.ReadAllText(task.GeneratedFiles.Single().ItemSpec));
        var run = GeneratedApp.BuildAndRun(app, python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        StringAssert.Contains(run, "class methods: hi HI abc [   ] static to_string\n");
        StringAssert.Contains(run, "attributes: 120 plain [b][/b] 2\n");
        StringAssert.Contains(run, "new: usr/lib usr/lib/python3/site\n");
        StringAssert.Contains(run, "args: a-b 6 0 int,str\n");
    }

    public TestContext TestContext { get; set; } = null!;
}
