using CSnakes.Python.Tasks.Publish;

namespace CSnakes.Python.Tasks.Tests.Publish;

[TestClass]
public sealed class ManylinuxSystemLibrariesTests
{
    [TestMethod]
    [DataRow("libc.so.6")]
    [DataRow("libm.so.6")]
    [DataRow("libstdc++.so.6")]
    [DataRow("libgcc_s.so.1")]
    [DataRow("libpthread.so.0")]
    [DataRow("libglib-2.0.so.0")]
    [DataRow("libGL.so.1")]
    [DataRow("ld-linux-x86-64.so.2")]
    [DataRow("ld-linux-aarch64.so.1")]
    public void Pep599LibrariesAndTheLoaderAreAssumedPresent(string soname) =>
        Assert.IsTrue(ManylinuxSystemLibraries.IsAssumedPresent(soname));

    [TestMethod]
    [DataRow("libblas.so.3")]
    [DataRow("libssl.so.3")]
    [DataRow("libcrypt.so.1")] // in manylinux2010's list, dropped by PEP 599
    [DataRow("libgfortran.so.5")]
    [DataRow("libc.so")]       // a link-time name, never a soname the loader looks for
    public void OtherLibrariesAreNot(string soname) =>
        Assert.IsFalse(ManylinuxSystemLibraries.IsAssumedPresent(soname));
}
