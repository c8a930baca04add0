namespace CSnakes.Python.Tasks;

/// <summary>Asks one interpreter about itself and turns the answer into a candidate (usable, or rejected with the reason).</summary>
internal sealed class PythonCandidateProber(IPythonProbe probe)
{
    public PythonCandidate Ask(string location, string source, CancellationToken cancellationToken)
    {
        if (!File.Exists(location))
        {
            return PythonCandidate.Rejected(location, source, "the file does not exist");
        }

        var answer = probe.Ask(location, cancellationToken);
        if (answer.Info is not { } info)
        {
            return PythonCandidate.Rejected(location, source, answer.Error ?? "could not be asked for its version");
        }

        var version = PythonVersionConverter.FromVersionInfo(info.VersionInfo);
        if (version is null)
        {
            return PythonCandidate.Rejected(location, source, $"reported a version that cannot be read ('{info.Version}')");
        }

        var libPython = LibPythonLocator.Find(info, out var tried);
        if (libPython is null)
        {
            var shared = info.SharedEnabled == false ? "it was built without --enable-shared (Py_ENABLE_SHARED=0)" : "no shared libpython was found";
            var looked = tried.Count == 0 ? "" : $"; looked for {string.Join(", ", tried)}";
            return PythonCandidate.Rejected(location, source,
                $"Python {info.Version} has no shared library to embed: {shared}{looked}. Install a build with a shared libpython " +
                "(e.g. PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install, or the OS package libpython3.X)");
        }

        // A venv's interpreter stands for its base installation: that is what is embedded and what new venvs are made from.
        var executable = info.IsVirtualEnvironment && !string.IsNullOrEmpty(info.BaseExecutable) ? info.BaseExecutable! : info.Executable;
        if (string.IsNullOrEmpty(executable) || !File.Exists(executable))
        {
            executable = location;
        }

        var installation = new PythonInstallation(
            Executable: RealPath.Resolve(executable),
            Version: info.Version,
            ParsedVersion: version,
            Implementation: info.Implementation,
            AbiFlags: info.AbiFlags,
            Home: info.BasePrefix,
            StdLib: info.StdLib ?? "",
            LibPython: libPython);
        return PythonCandidate.Usable(location, source, installation);
    }
}
