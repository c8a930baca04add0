using CSnakes.Python.Tasks.Publish;

namespace CSnakes.Python.Tasks.Tests.Publish;

[TestClass]
public sealed class SiteDirectoryTests
{
    [TestMethod]
    public void SiteDirectoriesAreTheFoldersUnderPythonSitePackages()
    {
        var entries = new[]
        {
            new BundleEntry("/a", "python/lib/python3.12/os.py"),
            new BundleEntry("/b", "python/site-packages/App/numpy/__init__.py"),
            new BundleEntry("/c", "python/site-packages/App/fast.so"),
            new BundleEntry("/d", "python/site-packages/Lib/x.py"),
            new BundleEntry("/e", "python/site-packages/stray.txt"),
        };

        CollectionAssert.AreEqual(new[] { "python/site-packages/App", "python/site-packages/Lib" }, SiteDirectory.AllIn(entries).ToArray());
    }

    [TestMethod]
    [DataRow("numpy/core/_multiarray_umath.so", "numpy")]
    [DataRow("numpy.libs/libopenblas-r0.so", "numpy.libs")]
    [DataRow("fast.cpython-312-x86_64-linux-gnu.so", "fast")]
    public void TheTopLevelPackageIsTheFirstSegment(string relative, string package) =>
        Assert.AreEqual(package, SiteDirectory.TopLevelPackage(relative));

    [TestMethod]
    public void OfMatchesWholeFolderNames()
    {
        string[] sites = ["python/site-packages/App"];

        Assert.AreEqual("python/site-packages/App", SiteDirectory.Of("python/site-packages/App/x.so", sites));
        Assert.IsNull(SiteDirectory.Of("python/site-packages/AppOther/x.so", sites));
    }
}
