using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Which installer PythonPackageInstaller picks, and how uv is looked up on PATH (real files, real modes).</summary>
[TestClass]
public sealed class VenvInstallerChoiceTests
{
    private static string Executable(TempDirectory temp, string relativePath)
    {
        var file = temp.WriteFile(relativePath, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return file;
    }

    [TestMethod]
    public void AutoTakesTheFirstExecutableUvOnPathElsePip()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("plain/uv", "not executable");
        var first = Executable(temp, "first/uv");
        Executable(temp, "second/uv");
        var path = string.Join(Path.PathSeparator, temp.Combine("empty"), temp.Combine("plain"), temp.Combine("first"), temp.Combine("second"));

        var found = InstallerChoice.Choose("auto", path, null, OperatingSystem.IsWindows(), out var error);

        Assert.IsNull(error);
        Assert.AreEqual(first, found!.UvPath);
        Assert.AreEqual($"uv found at {first}", found.Reason);
        Assert.AreEqual("uv:" + first, found.HashKey);

        var none = InstallerChoice.Choose(null, temp.Combine("plain"), null, OperatingSystem.IsWindows(), out error);
        Assert.IsNull(error);
        Assert.IsFalse(none!.IsUv, "a uv without an execute bit is not a program the shell would run");
        Assert.AreEqual("pip", none.HashKey);
        StringAssert.Contains(none.Reason, "no uv on PATH");
    }

    [TestMethod]
    public void PipIgnoresUvAndUvRequiresIt()
    {
        using var temp = new TempDirectory();
        Executable(temp, "bin/uv");

        var pip = InstallerChoice.Choose("pip", temp.Combine("bin"), null, OperatingSystem.IsWindows(), out var error);
        Assert.IsNull(error);
        Assert.IsFalse(pip!.IsUv);
        Assert.AreEqual("PythonPackageInstaller=pip", pip.Reason);

        Assert.IsTrue(InstallerChoice.Choose("UV", temp.Combine("bin"), null, OperatingSystem.IsWindows(), out _)!.IsUv);
        Assert.IsNull(InstallerChoice.Choose("uv", temp.Combine("nothing"), null, OperatingSystem.IsWindows(), out error));
        StringAssert.Contains(error, "no uv executable was found on PATH");
        StringAssert.Contains(error, temp.Combine("nothing"));
        StringAssert.Contains(error, "PythonPackageInstaller to 'pip'");

        Assert.IsNull(InstallerChoice.Choose("conda", temp.Combine("bin"), null, OperatingSystem.IsWindows(), out error));
        StringAssert.Contains(error, "'conda'");
    }

    [TestMethod]
    public void OnWindowsPathExtExtensionsAreTriedInOrder()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("a/uv", "no extension: Windows would not run it");
        // Upper case as in Windows' PATHEXT, so the names match on this case-sensitive file system too.
        temp.WriteFile("b/uv.CMD", "@echo off");
        temp.WriteFile("b/uv.EXE", "MZ");
        // The search is told it is on Windows (';' separates PATH, PATHEXT applies, no execute bits).
        var path = temp.Combine("a") + ";\"" + temp.Combine("b") + "\"";

        Assert.AreEqual(temp.Combine("b", "uv.EXE"), ExecutableOnPath.Find("uv", path, ".EXE;.CMD", windows: true));
        Assert.AreEqual(temp.Combine("b", "uv.CMD"), ExecutableOnPath.Find("uv", path, ".BAT;.CMD;.EXE", windows: true));
        Assert.AreEqual(temp.Combine("b", "uv.EXE"), ExecutableOnPath.Find("uv", path, null, windows: true), "without PATHEXT, Windows' default list");
        Assert.IsNull(ExecutableOnPath.Find("uv", "relative;" + temp.Combine("a"), ".EXE", windows: true));
    }
}
