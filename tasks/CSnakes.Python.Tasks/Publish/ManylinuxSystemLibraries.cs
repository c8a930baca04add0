namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// The shared libraries a bundled native module may need without the bundle carrying them: the ones a
/// manylinux2014 wheel is allowed to take from the system, so every glibc Linux that runs pip's wheels has them.
/// </summary>
internal static class ManylinuxSystemLibraries
{
    /// <summary>
    /// PEP 599 ("The manylinux2014 Platform Tag"), policy item 2, verbatim. It is the manylinux2010 list less
    /// libcrypt.so.1, which PEP 599 dropped (deprecated in Fedora 30), so a module needing it is reported.
    /// </summary>
    private static readonly HashSet<string> Pep599 = new(StringComparer.Ordinal)
    {
        "libgcc_s.so.1",
        "libstdc++.so.6",
        "libm.so.6",
        "libdl.so.2",
        "librt.so.1",
        "libc.so.6",
        "libnsl.so.1",
        "libutil.so.1",
        "libpthread.so.0",
        "libresolv.so.2",
        "libX11.so.6",
        "libXext.so.6",
        "libXrender.so.1",
        "libICE.so.6",
        "libSM.so.6",
        "libGL.so.1",
        "libgobject-2.0.so.0",
        "libgthread-2.0.so.0",
        "libglib-2.0.so.0",
    };

    /// <summary>
    /// glibc's dynamic loader for each manylinux2014 architecture. PEP 599 does not list it because it is the
    /// program interpreter, present wherever libc.so.6 is, yet modules name it in DT_NEEDED (numpy does).
    /// </summary>
    private static readonly HashSet<string> Loaders = new(StringComparer.Ordinal)
    {
        "ld-linux-x86-64.so.2", // x86_64
        "ld-linux.so.2",        // i686
        "ld-linux-aarch64.so.1", // aarch64
        "ld-linux-armhf.so.3",  // armv7l
        "ld64.so.1",            // ppc64, s390x
        "ld64.so.2",            // ppc64le
    };

    /// <summary>Whether a DT_NEEDED name is one every target is assumed to have.</summary>
    public static bool IsAssumedPresent(string soname) => Pep599.Contains(soname) || Loaders.Contains(soname);
}
