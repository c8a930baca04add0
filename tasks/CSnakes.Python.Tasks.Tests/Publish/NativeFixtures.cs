using System.Text;
using CSnakes.Python.Tasks.Publish;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>
/// Real ELF objects of this machine for the native dependency tests: pyenv's 3.12.1 lib-dynload modules (each
/// needs a few system libraries and has an absolute RUNPATH), its libpython3.so shim (needs libpython3.12),
/// Debian's numpy (needs libblas.so.3). A test whose file is absent is inconclusive, saying which.
/// </summary>
internal static class NativeFixtures
{
    public const string Abi = "cpython-312-x86_64-linux-gnu";

    /// <summary>Debian's numpy extension that needs libblas.so.3 (python3-numpy on bookworm).</summary>
    public const string DebianNumpyCore = "/usr/lib/python3/dist-packages/numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so";

    /// <summary>A pyenv 3.12.1 lib-dynload module, e.g. "_ssl" (libssl.so.3, libcrypto.so.3, libc.so.6) or "math" (libm.so.6, libc.so.6).</summary>
    public static string DynloadModule(string name) =>
        Require(Path.Combine(PyenvPrefix(), "lib", "python3.12", "lib-dynload", $"{name}.{Abi}.so"));

    /// <summary>pyenv 3.12.1's lib/libpython3.so, the stable-ABI shim whose only DT_NEEDED besides libc is libpython3.12.so.1.0.</summary>
    public static string StableAbiShim() => Require(Path.Combine(PyenvPrefix(), "lib", "libpython3.so"));

    public static string Require(string path) =>
        File.Exists(path) ? path : throw new AssertInconclusiveException($"{path} is not on this machine.");

    /// <summary>
    /// A copy of <paramref name="source"/> whose RUNPATH string is overwritten in place by <paramref name="runPath"/>
    /// (what patchelf does when the new one fits): pyenv's absolute RUNPATH is longer than any test value.
    /// </summary>
    public static string WithRunPath(string source, string destination, string runPath)
    {
        string original = string.Join(':', ElfDependencies.Read(source).SearchPaths);
        byte[] bytes = File.ReadAllBytes(source);
        byte[] needle = Encoding.ASCII.GetBytes(original + "\0");
        int at = bytes.AsSpan().IndexOf(needle);
        if (original.Length == 0 || at < 0 || runPath.Length > original.Length)
        {
            throw new AssertInconclusiveException($"{source} has no RUNPATH '{original}' long enough to hold '{runPath}'.");
        }

        Array.Clear(bytes, at, original.Length);
        Encoding.ASCII.GetBytes(runPath).CopyTo(bytes, at);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination, bytes);
        CollectionAssert.AreEqual(new[] { runPath }, ElfDependencies.Read(destination).SearchPaths.ToArray(), "the fixture's RUNPATH was not patched");
        return destination;
    }

    private static string PyenvPrefix()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        return Path.GetDirectoryName(Path.GetDirectoryName(python)!)!;
    }
}
