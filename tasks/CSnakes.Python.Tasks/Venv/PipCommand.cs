namespace CSnakes.Python.Tasks;

/// <summary>
/// How pip is run for a venv. Measured here (pyenv 3.9–3.13, Debian 3.11): <c>python -m venv</c> with pip takes
/// ~7 s because ensurepip installs pip into the venv, while <c>--without-pip</c> takes ~0.1 s and the base
/// interpreter's pip driving the venv with <c>--python</c> (pip 22.3+) installs a local wheel in ~2–3 s. So we create
/// every venv without pip and use the base pip with <c>--python</c>; only when the base has no such pip do we
/// bootstrap pip into the venv with ensurepip and use that. <c>-I</c> keeps a <c>pip.py</c> in the project folder
/// or the user's PYTHONPATH from shadowing pip; pip still reads its own configuration (pip.conf, PIP_* variables).
/// </summary>
internal sealed record PipCommand(string Executable, IReadOnlyList<string> Prefix, bool NeedsEnsurePip)
{
    private static readonly Version FirstWithPythonOption = new(22, 3);

    /// <summary>
    /// Arguments for <c>python -m venv</c>. <c>--system-site-packages</c> (PythonSystemSitePackages) lets the venv see
    /// the base interpreter's packages, e.g. Debian's <c>apt install python3-numpy</c>; the venv's own still come first.
    /// </summary>
    public static IReadOnlyList<string> VenvArguments(bool systemSitePackages, string venvDirectory) =>
        ["-I", "-m", "venv", "--without-pip", .. systemSitePackages ? ["--system-site-packages"] : Array.Empty<string>(), venvDirectory];

    /// <summary>
    /// Arguments for <c>pip install -r a -r b …</c> with the user's extra arguments. All files go to one pip run, so
    /// pip resolves them together: two libraries pinning different versions of one package fail the install
    /// instead of the later file silently replacing what the earlier one installed.
    /// </summary>
    public IReadOnlyList<string> InstallArguments(IReadOnlyList<string> requirementsFiles, IEnumerable<string> extraArguments) =>
        [.. Prefix, "install", "--disable-pip-version-check", "--no-input", .. requirementsFiles.SelectMany(f => new[] { "-r", f }), .. extraArguments];

    public static PipCommand Choose(string basePython, string venvPython, bool allowBasePip, CancellationToken cancellationToken)
    {
        var version = allowBasePip ? BasePipVersion(basePython, cancellationToken) : null;
        return version is not null && version >= FirstWithPythonOption
            ? new PipCommand(basePython, ["-I", "-m", "pip", "--python", venvPython], NeedsEnsurePip: false)
            : new PipCommand(venvPython, ["-I", "-m", "pip"], NeedsEnsurePip: true);
    }

    private static Version? BasePipVersion(string basePython, CancellationToken cancellationToken)
    {
        var result = ProcessRunner.Run(basePython, ["-I", "-c", "import pip, sys; sys.stdout.write(pip.__version__)"],
            new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(60), CancellationToken = cancellationToken });
        if (!result.Succeeded)
        {
            return null;
        }
        // "23.2.1", "24.1b1": the leading numbers are enough.
        var numbers = result.StandardOutput.Trim().Split('.').Take(2).Select(p => new string(p.TakeWhile(char.IsDigit).ToArray())).ToArray();
        return numbers.Length == 2 && int.TryParse(numbers[0], out var major) && int.TryParse(numbers[1], out var minor)
            ? new Version(major, minor)
            : null;
    }
}
