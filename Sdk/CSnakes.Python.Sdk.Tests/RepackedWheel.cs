namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Makes a wheel from a distribution an interpreter already has installed (Debian's numpy, with its C extensions):
/// the package folder plus a dist-info with METADATA, WHEEL (tagged for that interpreter) and RECORD. That is what
/// pip installs from --find-links, so the ordinary requirements.txt route is tested with a real compiled package.
/// </summary>
public static class RepackedWheel
{
    private const string Script = """
        import base64, hashlib, importlib, importlib.metadata, os, sys, sysconfig, zipfile

        name, out = sys.argv[1], sys.argv[2]
        distribution = importlib.metadata.distribution(name)
        package = os.path.dirname(importlib.import_module(name).__file__)
        site = os.path.dirname(package)
        tag = "cp%d%d" % sys.version_info[:2]
        platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        dist_info = "%s-%s.dist-info" % (name, distribution.version)
        wheel = "%s-%s-%s-%s-%s.whl" % (name, distribution.version, tag, tag, platform)
        metadata = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO")
        records = []
        os.makedirs(out, exist_ok=True)
        with zipfile.ZipFile(os.path.join(out, wheel), "w", zipfile.ZIP_DEFLATED) as archive:
            def add(path, data):
                archive.writestr(path, data)
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                records.append("%s,sha256=%s,%d" % (path, digest, len(data)))
            for root, folders, files in os.walk(package):
                folders[:] = sorted(f for f in folders if f != "__pycache__")
                for file in sorted(files):
                    path = os.path.join(root, file)
                    if file.endswith(".pyc") or not os.path.isfile(path):
                        continue
                    with open(path, "rb") as source:
                        add(os.path.relpath(path, site).replace(os.sep, "/"), source.read())
            add(dist_info + "/METADATA", metadata.encode())
            add(dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: csnakes-e2e\nRoot-Is-Purelib: false\nTag: %s-%s-%s\n" % (tag, tag, platform)).encode())
            records.append(dist_info + "/RECORD,,")
            archive.writestr(dist_info + "/RECORD", "\n".join(records) + "\n")
        print(os.path.join(out, wheel))
        """;

    /// <summary>Writes the wheel of <paramref name="distribution"/> as <paramref name="python"/> has it into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string python, string distribution, string directory)
    {
        var result = NumpyPython.Run(python, "-I", "-c", Script, distribution, directory);
        Assert.AreEqual(0, result.ExitCode, $"Repacking {distribution} failed:\n{result}");
        return result.Output.Trim().Split('\n')[^1].Trim();
    }
}
