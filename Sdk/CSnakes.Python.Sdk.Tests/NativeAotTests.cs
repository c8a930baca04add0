using System.Text.RegularExpressions;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/NativeAot published with Native AOT (one publish: it takes minutes): no trim or AOT warning,
/// and the native executable, with every other Python hidden, gets its modules from services.AddPython() and
/// calls Python with lists, dicts, a record, an exception, a coroutine and the converter-based dynamic API.
/// Then the same app on the JIT runtime, where AddPython() finds the never-named library by itself.
/// </summary>
[TestClass]
public sealed partial class NativeAotTests
{
    [TestMethod]
    public void NativeAotPublishHasNoTrimWarningsAndRunsAsDoesTheJitApp()
    {
        var workspace = E2EEnvironment.CreateWorkspace("NativeAot");
        string folder = Path.Combine(workspace, "out");

        var publish = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "-p:PublishAot=true", "-o", folder, "-nodeReuse:false");

        Assert.AreEqual(0, publish.ExitCode, publish.ToString());
        var trimWarnings = TrimOrAotWarning().Matches(publish.Output).Select(m => m.Value).Distinct().ToList();
        Assert.AreEqual(0, trimWarnings.Count, "Trim/AOT warnings:\n" + string.Join("\n", trimWarnings));
        Assert.IsFalse(File.Exists(Path.Combine(folder, "App.dll")), "A Native AOT publish leaves no IL app behind.");

        var run = PublishHiddenPython.Run(folder, Path.Combine(folder, "App"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        AssertLine(run, "native: True");
        AssertLine(run, "registered: AotLib.IAotDemo,Untouched.IUntouched");
        AssertLine(run, "list: 2,4,6");
        AssertLine(run, "dict: a=1,abc=3");
        AssertLine(run, "record: t1 2.5 t1=3.5");
        AssertLine(run, "exception: ValueError: boom");
        AssertLine(run, "async: 5");
        AssertLine(run, "from/as: [4, 5, 6] 4,5,6 seven");

        // The same app on the JIT runtime (its "native:" line is True there too: PublishAot=true emulates AOT):
        // AddPython() itself finds the library the app never names.
        var jit = DotNetCli.Run(workspace, "run", "--project", "App", "-nodeReuse:false");
        Assert.AreEqual(0, jit.ExitCode, jit.ToString());
        AssertLine(jit, "registered: AotLib.IAotDemo,Untouched.IUntouched");
        AssertLine(jit, "list: 2,4,6");
    }

    private static void AssertLine(DotNetResult run, string expected) =>
        Assert.IsTrue(run.Output.Split('\n').Any(l => l.TrimEnd('\r') == expected), $"No line '{expected}' in:\n{run}");

    // IL2xxx are the trimmer's warnings, IL3xxx the AOT compiler's (and the single-file analyzer's).
    [GeneratedRegex(@"[^\n]*warning IL[23]\d{3}[^\n]*")]
    private static partial Regex TrimOrAotWarning();
}
