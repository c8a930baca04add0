using CSnakes.Python.Tasks;
using Microsoft.Build.Utilities;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>The Python version ranges of packed Python libraries narrow what an app resolves.</summary>
[TestClass]
public sealed class PackageVersionConstraintsTests
{
    private static TaskItem Package(string id, string range) =>
        new(id, new Dictionary<string, string> { ["Version"] = "1.0.0", ["PythonVersion"] = range });

    private static PythonVersionSpec Parse(string text)
    {
        Assert.IsTrue(PythonVersionSpec.TryParse(text, out var spec, out var error), error);
        return spec;
    }

    [TestMethod]
    [DataRow("", new[] { "[3.10,)" }, "3.10.0", "3.9.18")]
    [DataRow("", new[] { "[3.10,)", "[3.9,3.12)" }, "3.11.7", "3.12.1")]
    [DataRow("3.12", new[] { "[3.10,)" }, "3.12.1", "3.13.0")]
    [DataRow("[3.9,)", new[] { "3.11", "" }, "3.11.2", "3.10.13")]
    public void RangesNarrowTheAppsSpec(string appVersion, string[] packageRanges, string allowed, string refused)
    {
        var packages = packageRanges.Select((range, i) => Package($"Lib{i}", range)).ToArray();

        Assert.IsTrue(PackageVersionConstraints.TryApply(Parse(appVersion), packages, out var narrowed, out var error), error);

        Assert.IsTrue(narrowed.Matches(NuGetVersion.Parse(allowed)), $"{narrowed.Description} should allow {allowed}");
        Assert.IsFalse(narrowed.Matches(NuGetVersion.Parse(refused)), $"{narrowed.Description} should refuse {refused}");
    }

    [TestMethod]
    public void PackagesWithoutARangeLeaveTheSpecAlone()
    {
        var spec = Parse("3.12t");

        Assert.IsTrue(PackageVersionConstraints.TryApply(spec, [Package("Any", "")], out var narrowed, out _));

        Assert.AreSame(spec, narrowed);
        Assert.IsTrue(narrowed.FreeThreaded);
    }

    [TestMethod]
    public void DisjointRangesNameEveryoneInvolved()
    {
        Assert.IsFalse(PackageVersionConstraints.TryApply(Parse("3.12"), [Package("Old", "[3.9,3.11)"), Package("New", "[3.12,)")],
            out _, out var error));

        StringAssert.Contains(error, "this project's PythonVersion '3.12' (3.12.x)");
        StringAssert.Contains(error, "Old 1.0.0 needs (>= 3.9.0 && < 3.11.0)");
        StringAssert.Contains(error, "Use package versions whose Python ranges overlap");
    }

    [TestMethod]
    public void TouchingExclusiveBoundsDoNotOverlap()
    {
        Assert.IsFalse(PackageVersionConstraints.TryApply(PythonVersionSpec.Any, [Package("A", "[3.9,3.11)"), Package("B", "[3.11,3.13)")],
            out _, out var error));
        StringAssert.Contains(error, "B 1.0.0 needs (>= 3.11.0 && < 3.13.0)");
    }

    [TestMethod]
    public void UnreadableRangeIsReported()
    {
        Assert.IsFalse(PackageVersionConstraints.TryApply(PythonVersionSpec.Any, [Package("Broken", ">=3.10")], out _, out var error));
        StringAssert.Contains(error, "Broken 1.0.0 declares a Python version range that cannot be read");
    }
}
