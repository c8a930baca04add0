namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class LoadingTests
{
    // These fail before touching the running interpreter (one per process), so they can run alongside it.

    [TestMethod]
    public void MissingLibPythonNamesThePath()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => PythonEnvironment.Start(new PythonEnvironmentOptions { LibPythonPath = "/no/such/libpython3.12.so" }));
        // The running test interpreter is detected first; the loader's own message is checked below.
        StringAssert.Contains(e.Message, "already running");
        var load = Assert.ThrowsExactly<PythonInitializationException>(() => Native.NativeLibraryLoader.Load("/no/such/libpython3.12.so"));
        StringAssert.Contains(load.Message, "/no/such/libpython3.12.so");
        StringAssert.Contains(load.Message, "not found");
    }

    [TestMethod]
    public void ANonLibraryFileIsRefusedWithTheReason()
    {
        string fake = Path.Combine(Path.GetTempPath(), $"libpython-fake-{Guid.NewGuid():N}.so");
        File.WriteAllText(fake, "not an ELF file");
        try
        {
            var e = Assert.ThrowsExactly<PythonInitializationException>(() => Native.NativeLibraryLoader.Load(fake));
            StringAssert.Contains(e.Message, fake);
            StringAssert.Contains(e.Message, "could not be loaded");
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [TestMethod]
    public void ASharedLibraryThatIsNotPythonIsRefused()
    {
        string libz = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.FirstOrDefault(File.Exists)
            ?? throw new AssertInconclusiveException("libz.so.1 not found on this machine");
        var e = Assert.ThrowsExactly<PythonInitializationException>(() => Native.CPythonApi.Load(libz, freeThreaded: false));
        StringAssert.Contains(e.Message, libz);
        StringAssert.Contains(e.Message, "not CPython");
    }

    [TestMethod]
    [DataRow("3.12.1 (main, Jan  1 2024, 00:00:00) [GCC 12.2.0]", "3.12.1")]
    [DataRow("3.13.0+ (heads/3.13:abc, Oct 7 2024)", "3.13.0")]
    [DataRow("3.14.0a1 experimental", "3.14.0")]
    public void VersionTextIsParsed(string text, string expected) =>
        Assert.AreEqual(Version.Parse(expected), Native.CPythonApi.ParseVersion(text, "lib"));
}
