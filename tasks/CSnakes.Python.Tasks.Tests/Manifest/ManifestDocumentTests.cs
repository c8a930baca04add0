using CSnakes.Manifest;

namespace CSnakes.Python.Tasks.Tests.Manifest;

/// <summary>The manifest format (shared/ManifestDocument.cs, compiled into the tasks and the runtime alike).</summary>
[TestClass]
public sealed class ManifestDocumentTests
{
    private static readonly ManifestDocument Sample = new(
        "Forecast", "3.12.1", "", "python/lib/libpython3.12.so.1.0", "python", "python/bin/python3.12", Venv: null,
        ModuleRoots: ["."], SitePackages: ["python/site-packages/Forecast", "python/site-packages/Forecast.site2"], SourceDirectory: null);

    [TestMethod]
    public void WhatIsWrittenReadsBackTheSame()
    {
        var read = ManifestDocument.Parse(Sample.ToJson());

        Assert.AreEqual(Sample with { ModuleRoots = read.ModuleRoots, SitePackages = read.SitePackages }, read);
        CollectionAssert.AreEqual(Sample.ModuleRoots.ToArray(), read.ModuleRoots.ToArray());
        CollectionAssert.AreEqual(Sample.SitePackages.ToArray(), read.SitePackages.ToArray());
        StringAssert.Contains(Sample.ToJson(), "\"formatVersion\": 1");
        Assert.IsFalse(Sample.ToJson().Contains('\r'), "The same bytes on every OS.");
    }

    [TestMethod]
    public void ManifestFromANewerSdkIsRefusedSayingWhatToDo()
    {
        var newer = Sample.ToJson().Replace("\"formatVersion\": 1", "\"formatVersion\": 2");

        var error = Assert.ThrowsExactly<ManifestFormatException>(() => ManifestDocument.Parse(newer));

        StringAssert.Contains(error.Message, "format 2");
        StringAssert.Contains(error.Message, "newer CSnakes.Python.Sdk");
    }

    [TestMethod]
    [DataRow("{}", "no 'python'")]
    [DataRow("{\"python\": {\"version\": \"3.12.1\"}}", "no 'libPython'")]
    [DataRow("[1]", "not a JSON object")]
    [DataRow("{\"python\": ", "not valid JSON")]
    [DataRow("{\"formatVersion\": 1.5, \"python\": {}}", "wrong form")]
    public void BrokenManifestsSayWhatIsWrong(string json, string expected)
    {
        var error = Assert.ThrowsExactly<ManifestFormatException>(() => ManifestDocument.Parse(json));

        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void ManifestWithoutAFormatVersionIsFormatOne()
    {
        var read = ManifestDocument.Parse("{\"python\": {\"libPython\": \"/usr/lib/libpython3.11.so.1.0\"}, \"venv\": \"/v\"}");

        Assert.AreEqual("/v", read.Venv);
        Assert.AreEqual(0, read.ModuleRoots.Count);
    }
}
