using CSnakes.Python.Tasks.Publish;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>ElfDependencies over real shared objects of this machine, and over files that are not (whole) ELF objects.</summary>
[TestClass]
public sealed class ElfDependenciesTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateRoot() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "csnakes-elf-" + Guid.NewGuid().ToString("N")[..8]));

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void ReadsNeededInOrderAndTheRunPathOfAPyenvModule()
    {
        var ssl = NativeFixtures.DynloadModule("_ssl");

        var info = ElfDependencies.Read(ssl);

        CollectionAssert.AreEqual(new[] { "libssl.so.3", "libcrypto.so.3", "libc.so.6" }, info.Needed.ToArray());
        // pyenv links its modules with an absolute RUNPATH to its own lib/ (the folder two levels above lib-dynload).
        var lib = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ssl)!, "..", ".."));
        CollectionAssert.AreEqual(new[] { lib }, info.SearchPaths.ToArray());
    }

    [TestMethod]
    public void ReadsDebianNumpysBlasDependency()
    {
        var info = ElfDependencies.Read(NativeFixtures.Require(NativeFixtures.DebianNumpyCore));

        CollectionAssert.Contains(info.Needed.ToList(), "libblas.so.3");
        CollectionAssert.Contains(info.Needed.ToList(), "libc.so.6");
        Assert.AreEqual(0, info.SearchPaths.Count, "Debian's packages have no RUNPATH");
    }

    [TestMethod]
    public void ReadsASharedLibraryItself()
    {
        var info = ElfDependencies.Read(NativeFixtures.Require("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"));

        CollectionAssert.IsSubsetOf(new[] { "libm.so.6", "libz.so.1", "libexpat.so.1", "libc.so.6" }, info.Needed.ToList());
    }

    [TestMethod]
    public void TextAndEmptyFilesAreNotElf()
    {
        var text = Path.Combine(_root, "fake.so");
        File.WriteAllText(text, "INPUT(libfoo.so.1)\n"); // a GNU ld script, as some -dev packages install
        var empty = Path.Combine(_root, "empty.so");
        File.WriteAllBytes(empty, []);

        Assert.IsFalse(ElfDependencies.IsElf(text));
        Assert.IsFalse(ElfDependencies.IsElf(empty));
        Assert.IsTrue(ElfDependencies.IsElf(NativeFixtures.DynloadModule("math")));
    }

    [TestMethod]
    [DataRow(16)]   // the ident only
    [DataRow(64)]   // the ELF header, no program or section headers
    [DataRow(4096)] // headers point past the end
    public void TruncatedElfIsInvalidDataNotACrash(int length)
    {
        var bytes = File.ReadAllBytes(NativeFixtures.DynloadModule("_ssl"));
        var truncated = Path.Combine(_root, "truncated.so");
        File.WriteAllBytes(truncated, bytes[..length]);

        Assert.IsTrue(ElfDependencies.IsElf(truncated));
        Assert.ThrowsExactly<InvalidDataException>(() => ElfDependencies.Read(truncated));
    }

    [TestMethod]
    public void AnObjectWithoutSectionHeadersIsInvalidDataNotAnObjectThatNeedsNothing()
    {
        // What sstrip leaves: program headers only. Reading it as "needs nothing" would hide its dependencies.
        var bytes = File.ReadAllBytes(NativeFixtures.DynloadModule("_ssl"));
        Array.Clear(bytes, 0x28, 8); // e_shoff (ELF64)
        Array.Clear(bytes, 0x3C, 4); // e_shnum, e_shstrndx
        var stripped = Path.Combine(_root, "sstripped.so");
        File.WriteAllBytes(stripped, bytes);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => ElfDependencies.Read(stripped));
        StringAssert.Contains(e.Message, "section headers");
    }
}
