using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// A class, record or enum is one C# type, declared in the types class of the shortest public module that exports it,
/// and every module that names it (by a relative import, `import a.b as x` + `x.C`, a dotted name, a re-export or a
/// bare name in the defining module) gets that type. The generator runs for real on a temp package and the wrappers
/// are compiled against the runtime.
/// </summary>
[TestClass]
public sealed class CrossModuleTypesTests
{
    [TestMethod]
    public void ATypeIsDeclaredOnceByItsShortestExporterAndNamedEverywhere()
    {
        var python = PyenvPython.Require("3.12.1");
        using var project = new TempFolder();
        project.Write("geo/__init__.py", "from ._impl import Point as Point, Kind as Kind, Box as Box\n");
        project.Write("geo/_impl.py", """
            import enum
            from dataclasses import dataclass

            class Point:
                def norm(self) -> float: ...

            class Kind(enum.Enum):
                SMALL = 1
                LARGE = 2

            @dataclass
            class Box:
                corner: Point
                kind: Kind

            def origin() -> Point: ...
            """);
        project.Write("geo/shapes.py", """
            from ._impl import Point, Box
            import geo._impl as impl
            import geo

            class Circle:
                def center(self) -> Point: ...

            def make(kind: impl.Kind) -> Box: ...
            def dotted() -> geo._impl.Point: ...
            def reexported() -> geo.Point: ...
            def own() -> Circle: ...
            """);
        project.Write("geo/more/__init__.py", "from .._impl import *\n\ndef first() -> Point: ...\n");
        var output = Path.Combine(project.Path, "obj", "python");
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = new[] { "geo/__init__.py", "geo/_impl.py", "geo/shapes.py", "geo/more/__init__.py" }
                .Select(f => (ITaskItem)new TaskItem(Path.Combine(project.Path, f))).ToArray(),
            ProjectDirectory = project.Path,
            RootNamespace = "Maps",
            OutputDirectory = output,
        };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.IsFalse(engine.Warnings.Any(w => w.Code == "CSPY3001"), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var geo = File.ReadAllText(Path.Combine(output, "geo.g.cs"));
        var shapes = File.ReadAllText(Path.Combine(output, "geo.shapes.g.cs"));
        var more = File.ReadAllText(Path.Combine(output, "geo.more.g.cs"));
        StringAssert.Contains(geo, "class Point");
        StringAssert.Contains(geo, "enum Kind");
        StringAssert.Contains(geo, "record Box");
        foreach (var other in new[] { shapes, more })
        {
            Assert.IsFalse(other.Contains("class Point", StringComparison.Ordinal) || other.Contains("enum Kind", StringComparison.Ordinal) || other.Contains("record Box", StringComparison.Ordinal),
                "a type of geo was declared a second time:\n" + other);
        }
        StringAssert.Contains(shapes, "global::Maps.GeoModule.Point Center()");
        StringAssert.Contains(shapes, "global::Maps.GeoModule.Box Make(global::Maps.GeoModule.Kind kind)");
        StringAssert.Contains(shapes, "global::Maps.GeoModule.Point Dotted()");
        StringAssert.Contains(shapes, "global::Maps.GeoModule.Point Reexported()");
        StringAssert.Contains(shapes, "global::Maps.GeoShapesModule.Circle Own()");
        StringAssert.Contains(more, "global::Maps.GeoModule.Point First()");
        // The record's fields name the enum and class of the same owner.
        StringAssert.Contains(geo, "global::Maps.GeoModule.Point Corner");

        var app = Path.Combine(project.Path, "compile");
        GeneratedCodeBuild.WriteProject(app);
        foreach (var file in Directory.GetFiles(output, "*.g.cs"))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }
        var (exitCode, buildOutput) = GeneratedCodeBuild.Build(app);
        Assert.AreEqual(0, exitCode, buildOutput);
    }
}
