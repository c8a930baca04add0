using System.Runtime.InteropServices;
using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Machines described entirely by a temp root: nothing of the real machine is searched.</summary>
internal static class FakeHosts
{
    public static HostFacts Create(HostOs os, string root, IDictionary<string, string>? environment = null, Architecture architecture = Architecture.X64)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        variables.TryAdd("PATH", "");
        return new HostFacts
        {
            Os = os,
            Architecture = architecture,
            GetEnvironmentVariable = name => variables.TryGetValue(name, out var value) ? value : null,
            HomeDirectory = Path.Combine(root, "home"),
            MacFrameworksRoot = Path.Combine(root, "Library", "Frameworks"),
            SystemBinDirectories = [],
        };
    }
}
