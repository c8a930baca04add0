using System.Text.RegularExpressions;

namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class DiagnosticsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SyntaxErrorFailsTheBuildAtFileAndLine()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var broken = Path.Combine(workspace, "PyLib", "broken.py");
        File.WriteAllText(broken, "def fine() -> int:\n    return 1\n\n\ndef broken(x: int -> int:\n    return x\n");

        var build = DotNetCli.Run(workspace, "build", "PyLib", "-nodeReuse:false");
        TestContext.WriteLine(build.ToString());

        Assert.AreNotEqual(0, build.ExitCode, "a syntax error must fail the build");
        // Canonical `file(line,col[,endLine,endCol]): error CODE:` form that editors and CI parse.
        var location = new Regex(Regex.Escape(broken) + @"\(5,\d+(,\d+,\d+)?\): error CSPY2001:");
        Assert.IsTrue(location.IsMatch(build.Output), $"expected '{broken}(5,…): error CSPY2001:' in the build output");

        // A failed module must not look up to date: the next build reports the error again.
        var again = DotNetCli.Run(workspace, "build", "PyLib", "-nodeReuse:false", "--no-restore");
        Assert.AreNotEqual(0, again.ExitCode, "second build after a syntax error passed: a stale output hid the error");
        StringAssert.Contains(again.Output, "error CSPY2001");
    }
}
