using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// The generator derives exception types from the runtime's <c>BuiltinsModule</c> types by name: its list must be
/// exactly the runtime's, or generated code would name a type that does not exist (or miss one that does).
/// </summary>
[TestClass]
public sealed class BuiltinExceptionsAgreementTests
{
    [TestMethod]
    public void TheGeneratorsBuiltinExceptionsAreTheRuntimesTypes()
    {
        var runtime = typeof(CSnakes.Runtime.BuiltinsModule).GetNestedTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => typeof(CSnakes.Runtime.PythonInvocationException).IsAssignableFrom(t))
            .Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(runtime, PythonBuiltinExceptions.WithRuntimeType.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.AreEqual("global::CSnakes.Runtime.BuiltinsModule.FileNotFoundError", PythonBuiltinExceptions.CSharpTypeOf("builtins.FileNotFoundError"));
        Assert.AreEqual("global::CSnakes.Runtime.BuiltinsModule.OSError", PythonBuiltinExceptions.CSharpTypeOf("IOError"));
        Assert.AreEqual("global::CSnakes.Runtime.PythonInvocationException", PythonBuiltinExceptions.CSharpTypeOf("Exception"));
        Assert.IsNull(PythonBuiltinExceptions.CSharpTypeOf("dict"));
    }
}
