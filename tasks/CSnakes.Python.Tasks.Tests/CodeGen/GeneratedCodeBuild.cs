using System.Diagnostics;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Compiles generated wrappers for real: a throw-away project referencing runtime/CSnakes.Runtime, built
/// with <c>dotnet build</c>, nullable on, the trim and AOT analyzers on and warnings as errors (as a strict
/// user project, or one published with Native AOT, would).
/// </summary>
internal static class GeneratedCodeBuild
{
    /// <summary>Writes App.csproj into <paramref name="projectDirectory"/>; every .cs file below it is compiled.</summary>
    public static void WriteProject(string projectDirectory)
    {
        Directory.CreateDirectory(projectDirectory);
        File.WriteAllText(Path.Combine(projectDirectory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS9113</NoWarn>
                <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
                <!-- Trim and AOT analyzers: generated code must build warning-free for a Native AOT app. -->
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RuntimeProject()}" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>Runs <c>dotnet build</c> in <paramref name="projectDirectory"/>; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Build(string projectDirectory)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", "-nologo", "-clp:NoSummary", "--disable-build-servers", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        // The tests run inside `dotnet test`; keep its MSBuild settings from leaking into the child build.
        startInfo.Environment.Remove("MSBuildExtensionsPath");
        startInfo.Environment.Remove("MSBUILD_EXE_PATH");
        startInfo.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    private static string RuntimeProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "runtime", "CSnakes.Runtime", "CSnakes.Runtime.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new AssertInconclusiveException("runtime/CSnakes.Runtime/CSnakes.Runtime.csproj was not found above the test output folder.");
    }
}
