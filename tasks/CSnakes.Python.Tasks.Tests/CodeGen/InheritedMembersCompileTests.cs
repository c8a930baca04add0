using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// A class's wrapper has the members it inherits from base classes of the run, of its own module and of another one
/// (methods, properties, class methods, attributes, operators and the constructor), the derived class's own definitions
/// winning: the wrappers compile with a caller against the real runtime (warnings are errors), and the caller runs them
/// on a real interpreter, each result the one Python gives.
/// </summary>
[TestClass]
public sealed class InheritedMembersCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string BaseModule = """
        from typing import ClassVar, Self

        class Point:
            def __init__(self, x: int) -> None:
                self.x = x

        class Shape:
            KIND: ClassVar[str] = "shape"
            name: str

            def __init__(self, name: str, size: int = 1) -> None:
                self.name = name
                self.size = size

            def describe(self) -> str:
                return f"{type(self).__name__} {self.name}"

            def origin(self) -> Point:
                return Point(self.size)

            @property
            def area(self) -> int:
                return self.size * self.size

            @classmethod
            def unit(cls, name: str) -> Self:
                return cls(name)

            def __add__(self, other: "Shape") -> int:
                return self.size + other.size
        """;

    private const string Module = """
        from base_shapes import Shape

        class Square(Shape):
            def describe(self) -> str:
                return "square " + self.name

        class Tile(Square):
            def grout(self) -> int:
                return self.size * 4
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.TilesModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        using Square square = env.Tiles().NewSquare("a", 3);
        using Tile tile = env.Tiles().NewTile("b", size: 2);
        using var origin = tile.Origin();
        Console.WriteLine($"inherited: {square.Describe()} {tile.Describe()} {tile.Area} {tile.Grout()} {tile.Name} {Tile.Kind}");
        using var unit = Tile.Unit("c");
        Console.WriteLine($"class method: {unit.Describe()} {origin.GetType().Name}");
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void WrappersHaveTheMembersTheirClassesInheritFromAnyModule()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/base_shapes.py", BaseModule);
        folder.Write("py/tiles.py", Module);
        var (task, engine) = GeneratedApp.Generate(folder, python, "base_shapes.py", "tiles.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var code = File.ReadAllText(task.GeneratedFiles.Single(f => f.ItemSpec.EndsWith("tiles.g.cs", StringComparison.Ordinal)).ItemSpec);
        TestContext.WriteLine(code);
        folder.Write("app/Program.cs", Program);
        var run = GeneratedApp.BuildAndRun(Path.Combine(folder.Path, "app"), python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        // Python: Square("a", 3).describe() (its own), Tile("b", size=2).describe() (Square's), .area, .grout(),
        // .name, Tile.KIND; Tile.unit("c") (Shape's classmethod, cls is Tile), Tile.origin() typed as base_shapes.Point.
        StringAssert.Contains(run, "inherited: square a square b 4 8 b shape\n");
        StringAssert.Contains(run, "class method: square c Point\n");
    }

    public TestContext TestContext { get; set; } = null!;
}
