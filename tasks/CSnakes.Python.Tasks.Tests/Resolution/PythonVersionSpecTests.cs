using CSnakes.Python.Tasks;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class PythonVersionSpecTests
{
    [TestMethod]
    [DataRow("3.12", "3.12.0", true)]
    [DataRow("3.12", "3.12.9", true)]
    [DataRow("3.12", "3.13.0", false)]
    [DataRow("3.12", "3.11.7", false)]
    [DataRow("3.12.1", "3.12.1", true)]
    [DataRow("3.12.1", "3.12.2", false)]
    [DataRow("3", "3.13.0", true)]
    [DataRow("[3.10,3.14)", "3.10.0", true)]
    [DataRow("[3.10,3.14)", "3.13.5", true)]
    [DataRow("[3.10,3.14)", "3.14.0", false)]
    [DataRow("[3.10,3.14)", "3.9.18", false)]
    [DataRow("[3.10,)", "3.99.0", true)]
    [DataRow("(3.10,3.12]", "3.10.0", false)]
    [DataRow("", "3.8.0", true)]
    [DataRow("  3.11 ", "3.11.2", true)]
    public void Matches(string text, string version, bool expected)
    {
        Assert.IsTrue(PythonVersionSpec.TryParse(text, out var spec, out var error), error);
        Assert.AreEqual(expected, spec.Matches(NuGetVersion.Parse(version)), $"'{text}' ({spec.Description}) vs {version}");
    }

    [TestMethod]
    public void BareMinorVersionMeansThatMinorLine()
    {
        Assert.IsTrue(PythonVersionSpec.TryParse("3.12", out var spec, out _));
        Assert.AreEqual("3.12.x", spec.Description);
        Assert.IsFalse(spec.FreeThreaded);
    }

    [TestMethod]
    public void TrailingTAsksForFreeThreaded()
    {
        Assert.IsTrue(PythonVersionSpec.TryParse("3.13t", out var spec, out _));
        Assert.IsTrue(spec.FreeThreaded);
        Assert.IsTrue(spec.Matches(NuGetVersion.Parse("3.13.1")));
        Assert.IsFalse(spec.Matches(NuGetVersion.Parse("3.12.1")));
    }

    [TestMethod]
    public void EmptyMeansAny()
    {
        Assert.IsTrue(PythonVersionSpec.TryParse(null, out var spec, out _));
        Assert.IsTrue(spec.IsAny);
    }

    [TestMethod]
    [DataRow("abc")]
    [DataRow(">=3.10")]
    [DataRow("3.12.1.4")]
    [DataRow("[3.10")]
    [DataRow("3.x")]
    public void GarbageIsAClearError(string text)
    {
        Assert.IsFalse(PythonVersionSpec.TryParse(text, out _, out var error));
        StringAssert.Contains(error, $"PythonVersion '{text}'");
        StringAssert.Contains(error, "'3.12'");
        StringAssert.Contains(error, "[3.10,3.14)");
    }

    [TestMethod]
    public void PreReleasesAreOnlyAllowedWhenNamed()
    {
        Assert.IsTrue(PythonVersionSpec.TryParse("3.14", out var plain, out _));
        Assert.IsFalse(plain.AllowsPrerelease);
        Assert.IsTrue(PythonVersionSpec.TryParse("3.14.0-rc.1", out var named, out _));
        Assert.IsTrue(named.AllowsPrerelease);
        Assert.IsTrue(named.Matches(NuGetVersion.Parse("3.14.0-rc.1")));
    }
}
