using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>One C# compiler diagnostic of the generated code (warnings are errors here).</summary>
internal sealed record CompilerError(string File, int Line, string Code, string Message)
{
    /// <summary>The generated source line the error points at, trimmed (empty when unreadable).</summary>
    public string SourceLine()
    {
        try
        {
            var lines = System.IO.File.ReadLines(File).Skip(Line - 1).Take(1).ToList();
            return lines.Count == 1 ? lines[0].Trim() : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}

/// <summary>
/// Builds a corpus's generated files in a throw-away project against the real CSnakes.Runtime project,
/// with warnings as errors and XML documentation on, exactly as a user's strict project would.
/// </summary>
internal static partial class CorpusCompilation
{
    public static (int ExitCode, IReadOnlyList<CompilerError> Errors, TimeSpan Elapsed, string Output) Build(StubCorpus corpus)
    {
        var app = Path.Combine(corpus.Folder, "app");
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS9113</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RuntimeProject()}" />
              </ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", "-nologo", "-clp:NoSummary", "--disable-build-servers", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }
        // The tests run inside `dotnet test`; keep its MSBuild settings from leaking into the child build.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.GetAwaiter().GetResult();
        process.WaitForExit();
        var elapsed = stopwatch.Elapsed;

        var errors = ErrorLine().Matches(output)
            .Select(m => new CompilerError(m.Groups["file"].Value.Trim(), int.Parse(m.Groups["line"].Value), m.Groups["code"].Value, m.Groups["message"].Value))
            .Distinct()
            .ToList();
        return (process.ExitCode, errors, elapsed, output);
    }

    private static string RuntimeProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "runtime", "CSnakes.Runtime", "CSnakes.Runtime.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new AssertInconclusiveException("runtime/CSnakes.Runtime/CSnakes.Runtime.csproj was not found above the test output folder.");
    }

    [GeneratedRegex(@"^(?<file>[^\r\n]*?)\((?<line>\d+),\d+\): error (?<code>CS\d+): (?<message>[^\r\n]*?)(?: \[[^\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
