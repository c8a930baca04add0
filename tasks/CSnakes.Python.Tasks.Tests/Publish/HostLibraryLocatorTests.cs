using CSnakes.Python.Tasks.Publish;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>HostLibraryLocator against this machine's loader cache and dpkg database.</summary>
[TestClass]
public sealed class HostLibraryLocatorTests
{
    [TestMethod]
    public void FindsLibcWhereTheLoaderDoes()
    {
        var libc = new HostLibraryLocator().Find("libc.so.6");

        Assert.IsNotNull(libc);
        Assert.IsTrue(File.Exists(libc), libc);
        Assert.AreEqual("libc.so.6", Path.GetFileName(libc));
    }

    [TestMethod]
    public void AnUnknownLibraryIsNotFound() =>
        Assert.IsNull(new HostLibraryLocator().Find("libcsnakes-not-a-library.so.7"));

    [TestMethod]
    public void LdconfigOutputPrefersThisArchitecture()
    {
        const string output = """
            3 libs found in cache `/etc/ld.so.cache'
            	libz.so.1 (libc6) => /lib/i386-linux-gnu/libz.so.1
            	libz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1
            	libblas.so.3 (libc6,x86-64) => /lib/x86_64-linux-gnu/libblas.so.3
            """;

        var cache = HostLibraryLocator.ParseLdconfig(output, "x86-64");

        Assert.AreEqual("/lib/x86_64-linux-gnu/libz.so.1", cache["libz.so.1"]);
        Assert.AreEqual("/lib/x86_64-linux-gnu/libblas.so.3", cache["libblas.so.3"]);
        Assert.AreEqual(2, cache.Count);
    }

    [TestMethod]
    public void DpkgSearchOutputGivesThePackageWithoutArchitecture()
    {
        Assert.AreEqual("libblas3", HostLibraryLocator.ParseDpkgSearch("libblas3:amd64: /usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\n"));
        Assert.AreEqual("libc6", HostLibraryLocator.ParseDpkgSearch("diversion by foo from: /lib/x\nlibc6:amd64, libc6:i386: /lib/x\n"));
        Assert.IsNull(HostLibraryLocator.ParseDpkgSearch(""));
    }

    [TestMethod]
    public void TheDebianPackageOfLibcIsLibc6()
    {
        if (!File.Exists("/usr/bin/dpkg"))
        {
            Assert.Inconclusive("not a Debian-based machine (no dpkg)");
        }
        var libc = new HostLibraryLocator().Find("libc.so.6")!;

        // ldconfig says /lib/… or /usr/lib/…; dpkg knows one spelling on merged-/usr systems: either must work.
        Assert.AreEqual("libc6", HostLibraryLocator.DebianPackageOf(libc));
        Assert.AreEqual("libc6", HostLibraryLocator.DebianPackageOf(libc.StartsWith("/usr/") ? libc[4..] : "/usr" + libc));
    }
}
