namespace CSnakes.Python.Tasks;

/// <summary>
/// How uv is run for a venv: <c>uv venv</c> makes it from the base interpreter (without pip, like our
/// <c>python -m venv --without-pip</c>), and one <c>uv pip install --python &lt;venv python&gt; -r a -r b …</c> resolves
/// every requirements file together, as <see cref="PipCommand"/> does, with the user's PythonPipArguments after them
/// (uv accepts most of pip install's options: --index-url, --extra-index-url, --find-links, --no-index, …).
/// uv needs no pip anywhere, so there is no ensurepip fallback.
/// </summary>
internal sealed record UvCommand(string Executable)
{
    public IReadOnlyList<string> VenvArguments(string basePython, bool systemSitePackages, string venvDirectory) =>
        ["venv", "--python", basePython, .. systemSitePackages ? ["--system-site-packages"] : Array.Empty<string>(), venvDirectory];

    public IReadOnlyList<string> InstallArguments(string venvPython, IReadOnlyList<string> requirementsFiles, IEnumerable<string> extraArguments) =>
        ["pip", "install", "--python", venvPython, .. requirementsFiles.SelectMany(f => new[] { "-r", f }), .. extraArguments];
}
