using System.Text.Json;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// An install prefix holding a fake <c>bin/python3</c>: a shell script that prints canned python_info.py JSON,
/// and (when shared) a <c>lib/libpythonX.Y.so.1.0</c> file, so selection logic runs over real processes and files.
/// </summary>
internal static class FakePython
{
    public static string Create(string prefix, string version, bool shared = true, string implementation = "cpython", string abiFlags = "")
    {
        var bin = Directory.CreateDirectory(Path.Combine(prefix, "bin")).FullName;
        var lib = Directory.CreateDirectory(Path.Combine(prefix, "lib")).FullName;
        var parts = version.Split('.').Select(int.Parse).ToArray();
        var xy = $"{parts[0]}.{parts[1]}";
        var soName = $"libpython{xy}{abiFlags}.so.1.0";
        if (shared)
        {
            File.WriteAllText(Path.Combine(lib, soName), "not really a library");
        }
        var executable = Path.Combine(bin, "python3");
        var info = new Dictionary<string, object?>
        {
            ["version"] = version,
            ["version_info"] = new object[] { parts[0], parts[1], parts[2], "final", 0 },
            ["implementation"] = implementation,
            ["abiflags"] = abiFlags,
            ["prefix"] = prefix,
            ["base_prefix"] = prefix,
            ["executable"] = executable,
            ["base_executable"] = executable,
            ["platform"] = "linux",
            ["stdlib"] = Path.Combine(lib, $"python{xy}"),
            ["LIBDIR"] = lib,
            ["INSTSONAME"] = shared ? soName : $"libpython{xy}.a",
            ["LDLIBRARY"] = shared ? $"libpython{xy}.so" : $"libpython{xy}.a",
            ["MULTIARCH"] = "x86_64-linux-gnu",
            ["Py_ENABLE_SHARED"] = shared ? 1 : 0,
            ["PYTHONFRAMEWORKPREFIX"] = "",
        };
        WriteScript(executable, $"#!/bin/sh\ncat <<'JSON'\n{JsonSerializer.Serialize(info)}\nJSON\n");
        return executable;
    }

    /// <summary>An interpreter that cannot answer: it fails with a message on stderr.</summary>
    public static string CreateBroken(string prefix)
    {
        var executable = Path.Combine(Directory.CreateDirectory(Path.Combine(prefix, "bin")).FullName, "python3");
        WriteScript(executable, "#!/bin/sh\necho 'error while loading shared libraries: libssl.so.1.1' >&2\nexit 127\n");
        return executable;
    }

    private static void WriteScript(string path, string content)
    {
        File.WriteAllText(path, content);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Fake interpreters are shell scripts.");
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
