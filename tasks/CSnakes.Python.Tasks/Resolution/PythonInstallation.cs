using NuGet.Versioning;

namespace CSnakes.Python.Tasks;

/// <summary>A usable CPython: everything the later stages and the runtime need to know about it.</summary>
internal sealed record PythonInstallation(
    string Executable,
    string Version,
    NuGetVersion ParsedVersion,
    string Implementation,
    string AbiFlags,
    string Home,
    string StdLib,
    string LibPython)
{
    public bool IsFreeThreaded => AbiFlags.Contains('t');

    public bool IsDebug => AbiFlags.Contains('d');
}
