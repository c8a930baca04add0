using System.Text.RegularExpressions;
using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Generated code as a reader sees it: every type is spelled from <c>global::</c>, which these tests
/// drop so their expectations read like C#. The qualification itself is tested by compiling
/// (GeneratedCodeCompilesTests, NameCollisionCompileTests).
/// </summary>
internal static partial class GeneratedCode
{
    public static string Emit(ModuleWrapper module, string sourceDisplayPath) => Readable(WrapperEmitter.Emit(module, sourceDisplayPath));

    /// <summary><c>global::System.Collections.Generic.IReadOnlyList&lt;global::App.GeoModule.Point&gt;</c> → <c>IReadOnlyList&lt;Point&gt;</c>.</summary>
    public static string Readable(string code) => Qualification().Replace(code, "");

    // The namespaces DotNetNames uses, and the test projects' namespaces with a module's types class after them.
    [GeneratedRegex(@"global::(?:System\.Collections\.Generic\.|System\.Threading\.Tasks\.|System\.Threading\.|System\.|CSnakes\.Runtime\.Converters\.|CSnakes\.Runtime\.Async\.|CSnakes\.Runtime\.|(?:App|Forecast|Sample\.App)\.(?:[A-Za-z0-9_]+Module\.)?)")]
    private static partial Regex Qualification();
}
