using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.Imports;

/// <summary>
/// The typing spec's library-interface rules hold for a py.typed package's source as for stubs: `from x import a as a`
/// is a re-export, a plain `from x import a` is not. A package without the marker keeps the looser source rule (its
/// __init__.py re-exports what it imports).
/// </summary>
[TestClass]
public sealed class TypedPackageReexportTests
{
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void OnlyTheAsFormIsAReexportInAPyTypedPackage(bool typed)
    {
        using var temp = new TempFolder();
        var init = temp.Write("pkg/__init__.py", "from .impl import explicit as explicit\nfrom .impl import plain\n");
        var impl = temp.Write("pkg/impl.py", "def explicit(x: int) -> int: ...\ndef plain(x: int) -> int: ...\n");
        var sub = temp.Write("pkg/sub/__init__.py", "from ..impl import explicit as explicit\nfrom ..impl import plain\n");
        if (typed)
        {
            temp.Write("pkg/py.typed", "");
        }

        var result = SignatureReader.Read(PyenvPython.Require("3.12.1"),
            [new SignatureSource(init, "pkg"), new SignatureSource(impl, "pkg.impl"), new SignatureSource(sub, "pkg.sub")]);

        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var package = result.Report!.Files[0].Functions!.Select(f => f.Name).ToArray();
        var subpackage = result.Report!.Files[2].Functions!.Select(f => f.Name).ToArray();
        CollectionAssert.AreEquivalent(typed ? new[] { "explicit" } : new[] { "explicit", "plain" }, package);
        CollectionAssert.AreEquivalent(typed ? new[] { "explicit" } : new[] { "explicit", "plain" }, subpackage, "the marker of the top-level package covers its subpackages");
    }
}
