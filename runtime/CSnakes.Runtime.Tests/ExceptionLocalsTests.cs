using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>PythonEnvironmentOptions.CaptureExceptionLocals: the raising frame's variables on the .NET exception.</summary>
[TestClass]
public sealed class ExceptionLocalsTests
{
    [TestMethod]
    public void CapturedLocalsAndGlobalsAreTheRaisingFramesOwn()
    {
        PythonErrors.CaptureLocals = true;
        try
        {
            using var n = PyObject.From(21L);
            var e = Assert.Throws<PythonInvocationException>(() => Call("fail_with_locals", n));

            Assert.IsNotNull(e.PythonLocals);
            CollectionAssert.AreEquivalent(new[] { "n", "doubled", "label" }, e.PythonLocals.Keys.ToArray());
            Assert.AreEqual(42L, e.PythonLocals["doubled"].As<long>());
            Assert.AreEqual("n=21", e.PythonLocals["label"].As<string>());
            Assert.AreEqual("module level", e.PythonGlobals!["EXCEPTION_LOCALS_MARKER"].As<string>());
            foreach (var value in e.PythonLocals.Values.Concat(e.PythonGlobals.Values))
            {
                value.Dispose();
            }
        }
        finally
        {
            PythonErrors.CaptureLocals = false;
        }
    }

    [TestMethod]
    public void OffByDefault()
    {
        using var n = PyObject.From(1L);
        var e = Assert.Throws<PythonInvocationException>(() => Call("fail_with_locals", n));

        Assert.IsNull(e.PythonLocals);
        Assert.IsNull(e.PythonGlobals);
    }

    [TestMethod]
    public void OptionsCopyKeepsEverySettingAndChangesOnlyWhatTheInitializerSets()
    {
        var original = new PythonEnvironmentOptions
        {
            LibPythonPath = "/lib/libpython3.12.so", Home = "/h", Executable = "/h/bin/python3", VirtualEnvironment = "/v",
            ModulePaths = ["/m"], SiteDirectories = ["/s"], FreeThreaded = false, ShutdownTimeout = TimeSpan.FromSeconds(9), EnableFaultHandler = true,
        };

        var copy = new PythonEnvironmentOptions(original) { CaptureExceptionLocals = true };

        Assert.AreEqual("/lib/libpython3.12.so", copy.LibPythonPath);
        Assert.AreEqual("/v", copy.VirtualEnvironment);
        CollectionAssert.AreEqual(new[] { "/m" }, copy.ModulePaths.ToArray());
        CollectionAssert.AreEqual(new[] { "/s" }, copy.SiteDirectories.ToArray());
        Assert.AreEqual(TimeSpan.FromSeconds(9), copy.ShutdownTimeout);
        Assert.IsTrue(copy.EnableFaultHandler);
        Assert.IsTrue(copy.CaptureExceptionLocals);
        Assert.IsFalse(original.CaptureExceptionLocals);
    }
}
