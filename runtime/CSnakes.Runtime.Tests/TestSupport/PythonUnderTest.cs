using System.Diagnostics;
using System.Text.Json;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// The interpreter this test run targets, found by asking it (never by guessing paths).
/// <c>CSNAKES_TEST_PYTHON</c> names its executable; without it the newest pyenv CPython is used.
/// </summary>
internal sealed record PythonUnderTest(string Executable, string Version, string BasePrefix, string LibPython)
{
    private const string Probe = """
        import json, os, sys, sysconfig
        v = sysconfig.get_config_vars()
        names = [v.get("INSTSONAME"), v.get("LDLIBRARY")]
        dirs = [v.get("LIBDIR"), os.path.join(v.get("LIBDIR") or "", v.get("MULTIARCH") or ""), os.path.join(sys.base_prefix, "lib")]
        lib = next((os.path.join(d, n) for n in names if n and n.endswith((".so", ".dylib", ".dll")) or (n and ".so." in n) for d in dirs if d and os.path.exists(os.path.join(d, n))), None)
        print(json.dumps({"executable": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3], "base_prefix": sys.base_prefix, "libpython": lib}))
        """;

    public static PythonUnderTest Find()
    {
        string? executable = Environment.GetEnvironmentVariable("CSNAKES_TEST_PYTHON");
        if (string.IsNullOrEmpty(executable))
        {
            string root = Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } fromEnv
                ? fromEnv
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
            executable = Directory.GetDirectories(Path.Combine(root, "versions"), "3.*")
                .Select(d => Path.Combine(d, "bin", "python3"))
                .Where(File.Exists)
                .OrderByDescending(p => System.Version.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!))
                .First();
        }

        using var json = JsonDocument.Parse(RunText(executable, ["-I", "-c", Probe]));
        var root2 = json.RootElement;
        string lib = root2.GetProperty("libpython").GetString()
            ?? throw new InvalidOperationException($"{executable} has no shared libpython; the runtime tests need one.");
        return new PythonUnderTest(executable, root2.GetProperty("version").GetString()!, root2.GetProperty("base_prefix").GetString()!, lib);
    }

    public static string RunText(string fileName, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
    }
}
