namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Python's built-in exception classes and the .NET type the runtime gives each (CSnakes.Runtime's
/// <c>BuiltinsModule</c>): a generated exception class derives from the type of its Python base. The runtime's list is
/// the one source; <c>BuiltinExceptionsAgreementTests</c> holds this copy to it.
/// </summary>
internal static class PythonBuiltinExceptions
{
    /// <summary>The built-in classes that have a type of their own in <c>BuiltinsModule</c>.</summary>
    public static readonly IReadOnlyList<string> WithRuntimeType =
    [
        "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError",
        "BufferError", "EOFError", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError",
        "NameError", "UnboundLocalError", "OSError", "BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError",
        "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
        "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError",
        "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError", "StopAsyncIteration", "StopIteration",
        "SyntaxError", "IndentationError", "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
        "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
    ];

    // Built-in exception classes without a runtime type of their own: the root stands for them.
    private static readonly HashSet<string> s_root = new(StringComparer.Ordinal)
    {
        "BaseException", "Exception", "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning",
        "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
        "BaseExceptionGroup", "ExceptionGroup",
    };

    // Old names of the same class (IOError is OSError), and newer built-ins that arrive as their nearest typed base.
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal)
    {
        ["IOError"] = "OSError", ["EnvironmentError"] = "OSError", ["WindowsError"] = "OSError", ["PythonFinalizationError"] = "RuntimeError",
    };

    private static readonly HashSet<string> s_typed = new(WithRuntimeType, StringComparer.Ordinal);

    /// <summary>The C# type for the built-in class <paramref name="name"/> (bare or <c>builtins.X</c>); null when it is not one.</summary>
    public static string? CSharpTypeOf(string name)
    {
        if (name.StartsWith("builtins.", StringComparison.Ordinal))
        {
            name = name["builtins.".Length..];
        }
        name = s_aliases.GetValueOrDefault(name, name);
        if (s_typed.Contains(name))
        {
            return $"global::CSnakes.Runtime.BuiltinsModule.{name}";
        }
        return s_root.Contains(name) ? DotNetNames.PythonInvocationException : null;
    }
}
