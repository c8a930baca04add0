using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// One .py file to compile: where it is, where it goes relative to the publish folder, and the folder that
/// receives its pyc (laid out like the publish folder).
/// </summary>
internal sealed record BytecodeSource(
    [property: JsonPropertyName("source")] string SourcePath,
    [property: JsonPropertyName("target")] string TargetPath,
    [property: JsonPropertyName("outputDirectory")] string OutputDirectory);

/// <summary>What scripts/compile_bytecode.py reads.</summary>
internal sealed record BytecodeRequest(
    [property: JsonPropertyName("files")] IReadOnlyList<BytecodeSource> Files);

/// <summary>A compiled file: the .pyc under the output folder and its place in the publish folder.</summary>
internal sealed record CompiledBytecode(
    [property: JsonPropertyName("source")] string SourcePath,
    [property: JsonPropertyName("pyc")] string PycPath,
    [property: JsonPropertyName("target")] string TargetPath);

/// <summary>A file the interpreter could not compile, and its error.</summary>
internal sealed record SkippedSource(
    [property: JsonPropertyName("source")] string SourcePath,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>What scripts/compile_bytecode.py writes.</summary>
internal sealed record BytecodeResult(
    [property: JsonPropertyName("cacheTag")] string CacheTag,
    [property: JsonPropertyName("compiled")] IReadOnlyList<CompiledBytecode> Compiled,
    [property: JsonPropertyName("skipped")] IReadOnlyList<SkippedSource> Skipped,
    [property: JsonPropertyName("written")] int Written);

/// <summary>Reads and writes the files exchanged with scripts/compile_bytecode.py.</summary>
internal static class BytecodeExchange
{
    public static void WriteRequest(string path, BytecodeRequest request) =>
        File.WriteAllText(path, JsonSerializer.Serialize(request), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>The result, or null when the file is missing or is not the script's JSON.</summary>
    public static BytecodeResult? ReadResult(string path)
    {
        try
        {
            var result = JsonSerializer.Deserialize<BytecodeResult>(File.ReadAllText(path, Encoding.UTF8));
            return result is { CacheTag: not null, Compiled: not null, Skipped: not null } ? result : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
