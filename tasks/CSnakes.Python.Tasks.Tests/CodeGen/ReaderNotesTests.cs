using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The reader's skipped definitions and public names become build diagnostics.</summary>
[TestClass]
public sealed class ReaderNotesTests
{
    private static PythonFunction Method(string name, bool annotated) =>
        new(name, 1, 1, 1, false, [], null, annotated ? Sig.Ann("int") : null, [new PythonParameter("self", ParameterKinds.PositionalOrKeyword, 1, 1, null, null)], false);

    private static FileSignatures File(
        IReadOnlyList<SkippedDefinition>? skipped = null, IReadOnlyList<SkippedDefinition>? inactive = null,
        IReadOnlyList<PublicName>? names = null, IReadOnlyList<PythonClass>? classes = null) =>
        new("/p/csv.pyi", null, null, [], [], [], classes ?? [], "csv", skipped, inactive, names);

    [TestMethod]
    public void EachSkippedDefinitionIsACspy3008WarningAtItsLine()
    {
        var notes = ReaderNotes.Describe("csv", "/p/csv.pyi", File(skipped:
        [
            new SkippedDefinition("Sniffer.sniff", 12, 9, "it is in the 'else' branch of a condition the reader cannot evaluate"),
            new SkippedDefinition("*", 3, 1, "the names of 'from _csv import *' are unknown"),
        ]));

        Assert.AreEqual(2, notes.Count);
        Assert.IsTrue(notes.All(n => n.Severity == DiagnosticSeverity.Warning && n.Code == "CSPY3008" && n.File == "/p/csv.pyi"));
        Assert.AreEqual((12, 9), (notes[0].Line, notes[0].Column));
        StringAssert.Contains(notes[0].Text, "csv: 'Sniffer.sniff' is not read: it is in the 'else' branch");
        StringAssert.Contains(notes[1].Text, "from _csv import *");
    }

    [TestMethod]
    public void PublicNamesWithoutAMemberAreOneLowImportanceMessage()
    {
        var notes = ReaderNotes.Describe("csv", "/p/csv.pyi", File(
            names:
            [
                new PublicName("QUOTE_ALL", "constant", 5), new PublicName("reader", "function", 6), new PublicName("Dialect", "class", 7),
                new PublicName("Writer", "class", 9), new PublicName("_T", "typevar", 2), new PublicName("StrPath", "alias", 3),
                new PublicName("Error", "import", 1),
            ],
            classes: [new PythonClass("Dialect", 7, 1, null, false, [Method("validate", annotated: false)]), new PythonClass("Writer", 9, 1, null, false, [Method("write", annotated: true)])]));

        var message = notes.Single();
        Assert.AreEqual(DiagnosticSeverity.Message, message.Severity);
        Assert.AreEqual(
            "csv: public names with no C# member: QUOTE_ALL (constant without an annotation), _T (typevar), StrPath (alias), Error (re-exported from a file not read).",
            message.Text);
    }

    [TestMethod]
    public void InactiveDefinitionsAreListedAtLowImportance()
    {
        var note = ReaderNotes.Describe("os", "/p/os.pyi", File(inactive: [new SkippedDefinition("startfile", 40, 5, "the condition 'sys.platform == \"win32\"' (line 39) is false here")])).Single();
        Assert.AreEqual(DiagnosticSeverity.Message, note.Severity);
        Assert.AreEqual("os: definitions for other Python versions or platforms are left out: startfile (line 40).", note.Text);
    }

    [TestMethod]
    public void AReexportedClassGetsATypeInTheReexportingModule()
    {
        var read = Sig.Function("read", Sig.Ann("bytes"), Sig.Param("self"));
        var file = File(classes: [new PythonClass("Response", 1, 1, null, false, [read], ReexportedFrom: "httpx._models")]);
        var module = WrapperPlanner.Plan("App", "httpx", "/p/httpx/__init__.py", file, out _);
        Assert.AreEqual("global::App.HttpxModule.Response", module.Classes!.Single().Type.Spelling);
    }

    [TestMethod]
    public void TheTaskReportsWhatTheReaderSkippedAndWrapsReexportedFunctions()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("pkg/__init__.py", """
            import os
            from ._api import get
            from ._models import Response

            if os.environ.get("X"):
                def first() -> int: ...
            else:
                def second() -> int: ...

            LIMIT = 3
            """);
        project.Write("pkg/_api.py", "from ._models import Response\n\ndef get(url: str) -> int: ...\n");
        project.Write("pkg/_models.py", "class Response:\n    def json(self) -> dict: ...\n");
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = new[] { "pkg/__init__.py", "pkg/_api.py", "pkg/_models.py" }.Select(f => (ITaskItem)new TaskItem(Path.Combine(project.Path, f))).ToArray(),
            ProjectDirectory = project.Path,
            RootNamespace = "Sample",
            OutputDirectory = Path.Combine(project.Path, "obj", "python"),
        };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var warning = engine.Warnings.Single(w => w.Code == "CSPY3008");
        Assert.AreEqual(8, warning.LineNumber);
        StringAssert.Contains(warning.Message, "pkg: 'second' is not read");
        StringAssert.Contains(engine.MessageText, "pkg: public names with no C# member: LIMIT (constant without an annotation)");
        var wrapper = System.IO.File.ReadAllText(Path.Combine(project.Path, "obj", "python", "pkg.g.cs"));
        StringAssert.Contains(wrapper, "long Get(string url);");
        StringAssert.Contains(wrapper, "long First();");
    }
}
