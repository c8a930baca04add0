namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// An executable <c>uv</c> (a bash script) that logs each call's arguments, one line per call, and does the work
/// with real Python: <c>uv venv --python P [--system-site-packages] DIR</c> runs <c>P -m venv --without-pip …</c>, and
/// <c>uv pip install --python V …</c> runs the base interpreter's pip with <c>--python V install …</c> (pip 22.3+).
/// It checks how the task selects and calls uv, not uv itself.
/// </summary>
internal sealed class FakeUv
{
    private FakeUv(string directory, string log)
    {
        Directory = directory;
        LogFile = log;
    }

    /// <summary>The folder holding <c>uv</c>, to put on the task's search PATH.</summary>
    public string Directory { get; }

    public string Executable => Path.Combine(Directory, "uv");

    public string LogFile { get; }

    /// <summary>The calls so far, each as its space-joined arguments.</summary>
    public IReadOnlyList<string> Calls => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    public static FakeUv Create(TempDirectory temp, string basePython, string script = "")
    {
        if (OperatingSystem.IsWindows())
        {
            throw new AssertInconclusiveException("The fake uv is a bash script.");
        }
        var directory = temp.CreateDirectory("fake-uv-bin");
        var log = temp.Combine("uv-calls.log");
        var body = script.Length > 0 ? script : $$"""
            case "$1 $2" in
              "venv --python")
                python="$3"; shift 3
                exec "$python" -m venv --without-pip "$@" ;;
              "pip install")
                [ "$3" = --python ] || { echo "fake uv: expected --python, got $3" >&2; exit 64; }
                venv="$4"; shift 4
                exec '{{basePython}}' -m pip --python "$venv" install "$@" ;;
            esac
            echo "fake uv: unexpected arguments: $*" >&2
            exit 64
            """;
        var file = Path.Combine(directory, "uv");
        File.WriteAllText(file, $"#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '{log}'\n{body}\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FakeUv(directory, log);
    }
}
