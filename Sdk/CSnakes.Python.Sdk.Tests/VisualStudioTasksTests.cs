using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// The package's tasks/net472/ build is what Visual Studio's MSBuild.exe (.NET Framework) loads. No .NET Framework
/// MSBuild runs here, so these tests check what can be checked without one: that the packed net472 assemblies
/// reference only what .NET Framework 4.7.2 and MSBuild.exe provide or what is packed beside them, and that both
/// task folders carry the same tasks and helper scripts.
/// </summary>
[TestClass]
public sealed class VisualStudioTasksTests
{
    private const string NetFramework = "tasks/net472/";
    private const string NetCore = "tasks/net8.0/";

    // MSBuild.exe of Visual Studio 17.8 (the oldest that runs the .NET 8 SDK) ships System.Text.Json 8.0.0 and so its
    // dependencies at least at these assembly versions, each with a binding redirect from 0.0.0.0 up to its own: a
    // reference at or below them binds to MSBuild's copy. Above them it would not load (and must not be packed:
    // a second copy beside MSBuild's breaks type identity). The versions are those of System.Text.Json 8.0.0's
    // .NET Framework dependencies (System.Memory 4.5.5, System.Buffers 4.5.1, …).
    private static readonly Dictionary<string, Version> s_msbuildProvides = new(StringComparer.Ordinal)
    {
        ["Microsoft.Build.Framework"] = new(15, 1, 0, 0),
        ["Microsoft.Build.Utilities.Core"] = new(15, 1, 0, 0),
        ["System.Text.Json"] = new(8, 0, 0, 0),
        ["System.Text.Encodings.Web"] = new(8, 0, 0, 0),
        ["Microsoft.Bcl.AsyncInterfaces"] = new(8, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Numerics.Vectors"] = new(4, 1, 4, 0),
    };

    private static ZipArchive OpenSdkPackage() =>
        ZipFile.OpenRead(Path.Combine(E2EEnvironment.Feed, $"CSnakes.Python.Sdk.{E2EEnvironment.Version}.nupkg"));

    [TestMethod]
    public void NetFrameworkAssembliesReferenceOnlyWhatNetFrameworkMSBuildProvides()
    {
        var framework = NetFramework472ReferenceAssemblies();
        using var package = OpenSdkPackage();
        var packed = PackedAssemblies(package, NetFramework);
        Assert.IsTrue(packed.ContainsKey("CSnakes.Python.Tasks"), "tasks/net472/CSnakes.Python.Tasks.dll is not packed");

        // A packed copy of something MSBuild.exe or .NET Framework already loads would be a second, conflicting copy.
        var problems = packed.Keys.Where(n => s_msbuildProvides.ContainsKey(n) || framework.ContainsKey(n))
            .Select(n => $"{n}.dll is packed, but MSBuild.exe or .NET Framework provides it").ToList();
        foreach (var (name, image) in packed)
        {
            foreach (var (reference, version) in AssemblyReferences(image))
            {
                if (WhyNotLoadable(reference, version, framework, packed) is { } why)
                {
                    problems.Add($"{name} references {reference} {version}: {why}");
                }
            }
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void BothTaskFoldersDefineTheSameTasksAndEveryUsingTask()
    {
        using var package = OpenSdkPackage();
        var netCore = TaskClasses(PackedAssemblies(package, NetCore)["CSnakes.Python.Tasks"]);
        var netFramework = TaskClasses(PackedAssemblies(package, NetFramework)["CSnakes.Python.Tasks"]);

        CollectionAssert.AreEquivalent(netCore.ToList(), netFramework.ToList(), "the net8.0 and net472 builds define different tasks");

        // Every task the targets declare must be there; an empty set would make the comparison above meaningless.
        var declared = package.Entries.Where(e => e.FullName.StartsWith("targets/", StringComparison.Ordinal) && e.FullName.EndsWith(".targets", StringComparison.Ordinal))
            .SelectMany(e => Regex.Matches(ReadText(e), "<UsingTask TaskName=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.IsTrue(declared.Count > 5, $"found only {declared.Count} UsingTask declarations");
        CollectionAssert.IsSubsetOf(declared.ToList(), netFramework.ToList(), "a UsingTask names a task the net472 build lacks");
    }

    [TestMethod]
    public void BothTaskFoldersCarryTheSameFilesAndScripts()
    {
        using var package = OpenSdkPackage();
        var netCore = FolderEntries(package, NetCore);
        var netFramework = FolderEntries(package, NetFramework);

        CollectionAssert.AreEquivalent(netCore.Keys.ToList(), netFramework.Keys.ToList(), "tasks/net8.0/ and tasks/net472/ list different files");
        Assert.IsTrue(netCore.Keys.Any(k => k.StartsWith("scripts/", StringComparison.Ordinal)), "no helper scripts are packed");
        foreach (var script in netCore.Keys.Where(k => k.StartsWith("scripts/", StringComparison.Ordinal)))
        {
            Assert.AreEqual(ReadText(netCore[script]), ReadText(netFramework[script]), $"{script} differs between the two folders");
        }
    }

    private static string? WhyNotLoadable(string reference, Version version, IReadOnlyDictionary<string, Version> framework, IReadOnlyDictionary<string, byte[]> packed)
    {
        if (reference == "System.Runtime" && version.Major >= 5)
        {
            return "a .NET (Core) System.Runtime; .NET Framework has none";
        }
        if (packed.TryGetValue(reference, out var beside))
        {
            var besideVersion = AssemblyVersion(beside);
            return besideVersion == version ? null : $"the copy packed beside it is {besideVersion}";
        }
        if (s_msbuildProvides.TryGetValue(reference, out var provided))
        {
            return version <= provided ? null : $"MSBuild.exe of Visual Studio 17.8 redirects it only up to {provided}";
        }
        if (framework.TryGetValue(reference, out var inFramework))
        {
            return version <= inFramework ? null : $".NET Framework 4.7.2 has {inFramework}";
        }
        return "neither .NET Framework 4.7.2, MSBuild.exe nor the package provides it";
    }

    // Name → version of every .NET Framework 4.7.2 assembly and facade, read from the reference assemblies the
    // net472 task build compiled against (restored by the pack into the private NuGet folder).
    private static Dictionary<string, Version> NetFramework472ReferenceAssemblies()
    {
        var packageRoot = Path.Combine(DotNetCli.NuGetPackagesDirectory!, "microsoft.netframework.referenceassemblies.net472");
        var folder = Path.Combine(Directory.GetDirectories(packageRoot).Single(), "build", ".NETFramework", "v4.7.2");
        var assemblies = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories))
        {
            // The folder also holds a few modules and native images, which no one references by name.
            using var pe = new PEReader(File.OpenRead(file));
            if (pe.HasMetadata && pe.GetMetadataReader() is { IsAssembly: true } metadata)
            {
                assemblies[metadata.GetString(metadata.GetAssemblyDefinition().Name)] = metadata.GetAssemblyDefinition().Version;
            }
        }
        Assert.IsTrue(assemblies.ContainsKey("mscorlib") && assemblies.ContainsKey("netstandard"), $"{folder} is not the 4.7.2 reference assemblies");
        return assemblies;
    }

    private static Dictionary<string, byte[]> PackedAssemblies(ZipArchive package, string folder) =>
        package.Entries
            .Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && !e.FullName[folder.Length..].Contains('/') && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), ReadBytes, StringComparer.Ordinal);

    private static Dictionary<string, ZipArchiveEntry> FolderEntries(ZipArchive package, string folder) =>
        package.Entries.Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal))
            .ToDictionary(e => e.FullName[folder.Length..], StringComparer.Ordinal);

    private static IEnumerable<(string Name, Version Version)> AssemblyReferences(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .Select(r => (metadata.GetString(r.Name), r.Version)).ToList();
    }

    private static Version AssemblyVersion(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        return pe.GetMetadataReader().GetAssemblyDefinition().Version;
    }

    // Full names of the public, concrete classes whose base chain reaches Microsoft.Build.Utilities.Task (ToolTask derives from it).
    private static HashSet<string> TaskClasses(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        string FullName(StringHandle ns, StringHandle name) =>
            metadata.GetString(ns) is { Length: > 0 } n ? $"{n}.{metadata.GetString(name)}" : metadata.GetString(name);

        bool IsTask(EntityHandle baseType) => baseType.Kind switch
        {
            HandleKind.TypeReference => FullName(metadata.GetTypeReference((TypeReferenceHandle)baseType).Namespace, metadata.GetTypeReference((TypeReferenceHandle)baseType).Name)
                is "Microsoft.Build.Utilities.Task" or "Microsoft.Build.Utilities.ToolTask",
            HandleKind.TypeDefinition => IsTask(metadata.GetTypeDefinition((TypeDefinitionHandle)baseType).BaseType),
            _ => false,
        };

        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public
                && (t.Attributes & System.Reflection.TypeAttributes.Abstract) == 0
                && IsTask(t.BaseType))
            .Select(t => FullName(t.Namespace, t.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
