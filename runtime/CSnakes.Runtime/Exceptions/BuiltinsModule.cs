namespace CSnakes.Runtime;

/// <summary>
/// .NET types for Python's built-in exception classes, named after them (the way generated code names a module's
/// types: <c>&lt;Module&gt;Module.&lt;Class&gt;</c>). Each derives from the type of its Python base, so
/// <c>catch (BuiltinsModule.LookupError)</c> catches a <c>KeyError</c>, and every one derives from
/// <see cref="PythonInvocationException"/>, which stands for <c>Exception</c> and <c>BaseException</c> themselves.
/// </summary>
/// <remarks>
/// A Python subclass without a .NET type of its own arrives as the type of its nearest base that has one
/// (<c>json.JSONDecodeError</c> is a <see cref="ValueError"/>). <c>KeyboardInterrupt</c>, <c>SystemExit</c> and
/// <c>GeneratorExit</c> derive from <c>BaseException</c> in Python, so here directly from <see cref="PythonInvocationException"/>.
/// Some names match System types (<c>TimeoutError</c>, <c>MemoryError</c>): spell them <c>BuiltinsModule.X</c>.
/// </remarks>
public static class BuiltinsModule
{
    /// <summary>Python's <c>ArithmeticError</c> (its Python base: <c>Exception</c>).</summary>
    public class ArithmeticError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>FloatingPointError</c> (its Python base: <c>ArithmeticError</c>).</summary>
    public class FloatingPointError(PythonExceptionDetails details) : ArithmeticError(details);

    /// <summary>Python's <c>OverflowError</c> (its Python base: <c>ArithmeticError</c>).</summary>
    public class OverflowError(PythonExceptionDetails details) : ArithmeticError(details);

    /// <summary>Python's <c>ZeroDivisionError</c> (its Python base: <c>ArithmeticError</c>).</summary>
    public class ZeroDivisionError(PythonExceptionDetails details) : ArithmeticError(details);

    /// <summary>Python's <c>AssertionError</c> (its Python base: <c>Exception</c>).</summary>
    public class AssertionError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>AttributeError</c> (its Python base: <c>Exception</c>).</summary>
    public class AttributeError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>BufferError</c> (its Python base: <c>Exception</c>).</summary>
    public class BufferError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>EOFError</c> (its Python base: <c>Exception</c>).</summary>
    public class EOFError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>ImportError</c> (its Python base: <c>Exception</c>).</summary>
    public class ImportError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>ModuleNotFoundError</c> (its Python base: <c>ImportError</c>).</summary>
    public class ModuleNotFoundError(PythonExceptionDetails details) : ImportError(details);

    /// <summary>Python's <c>LookupError</c> (its Python base: <c>Exception</c>).</summary>
    public class LookupError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>IndexError</c> (its Python base: <c>LookupError</c>).</summary>
    public class IndexError(PythonExceptionDetails details) : LookupError(details);

    /// <summary>Python's <c>KeyError</c> (its Python base: <c>LookupError</c>).</summary>
    public class KeyError(PythonExceptionDetails details) : LookupError(details);

    /// <summary>Python's <c>MemoryError</c> (its Python base: <c>Exception</c>).</summary>
    public class MemoryError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>NameError</c> (its Python base: <c>Exception</c>).</summary>
    public class NameError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>UnboundLocalError</c> (its Python base: <c>NameError</c>).</summary>
    public class UnboundLocalError(PythonExceptionDetails details) : NameError(details);

    /// <summary>Python's <c>OSError</c> (its Python base: <c>Exception</c>).</summary>
    public class OSError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>BlockingIOError</c> (its Python base: <c>OSError</c>).</summary>
    public class BlockingIOError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>ChildProcessError</c> (its Python base: <c>OSError</c>).</summary>
    public class ChildProcessError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>ConnectionError</c> (its Python base: <c>OSError</c>).</summary>
    public class ConnectionError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>BrokenPipeError</c> (its Python base: <c>ConnectionError</c>).</summary>
    public class BrokenPipeError(PythonExceptionDetails details) : ConnectionError(details);

    /// <summary>Python's <c>ConnectionAbortedError</c> (its Python base: <c>ConnectionError</c>).</summary>
    public class ConnectionAbortedError(PythonExceptionDetails details) : ConnectionError(details);

    /// <summary>Python's <c>ConnectionRefusedError</c> (its Python base: <c>ConnectionError</c>).</summary>
    public class ConnectionRefusedError(PythonExceptionDetails details) : ConnectionError(details);

    /// <summary>Python's <c>ConnectionResetError</c> (its Python base: <c>ConnectionError</c>).</summary>
    public class ConnectionResetError(PythonExceptionDetails details) : ConnectionError(details);

    /// <summary>Python's <c>FileExistsError</c> (its Python base: <c>OSError</c>).</summary>
    public class FileExistsError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>FileNotFoundError</c> (its Python base: <c>OSError</c>).</summary>
    public class FileNotFoundError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>InterruptedError</c> (its Python base: <c>OSError</c>).</summary>
    public class InterruptedError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>IsADirectoryError</c> (its Python base: <c>OSError</c>).</summary>
    public class IsADirectoryError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>NotADirectoryError</c> (its Python base: <c>OSError</c>).</summary>
    public class NotADirectoryError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>PermissionError</c> (its Python base: <c>OSError</c>).</summary>
    public class PermissionError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>ProcessLookupError</c> (its Python base: <c>OSError</c>).</summary>
    public class ProcessLookupError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>TimeoutError</c> (its Python base: <c>OSError</c>).</summary>
    public class TimeoutError(PythonExceptionDetails details) : OSError(details);

    /// <summary>Python's <c>ReferenceError</c> (its Python base: <c>Exception</c>).</summary>
    public class ReferenceError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>RuntimeError</c> (its Python base: <c>Exception</c>).</summary>
    public class RuntimeError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>NotImplementedError</c> (its Python base: <c>RuntimeError</c>).</summary>
    public class NotImplementedError(PythonExceptionDetails details) : RuntimeError(details);

    /// <summary>Python's <c>RecursionError</c> (its Python base: <c>RuntimeError</c>).</summary>
    public class RecursionError(PythonExceptionDetails details) : RuntimeError(details);

    /// <summary>Python's <c>StopAsyncIteration</c> (its Python base: <c>Exception</c>).</summary>
    public class StopAsyncIteration(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>StopIteration</c> (its Python base: <c>Exception</c>).</summary>
    public class StopIteration(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>SyntaxError</c> (its Python base: <c>Exception</c>).</summary>
    public class SyntaxError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>IndentationError</c> (its Python base: <c>SyntaxError</c>).</summary>
    public class IndentationError(PythonExceptionDetails details) : SyntaxError(details);

    /// <summary>Python's <c>TabError</c> (its Python base: <c>IndentationError</c>).</summary>
    public class TabError(PythonExceptionDetails details) : IndentationError(details);

    /// <summary>Python's <c>SystemError</c> (its Python base: <c>Exception</c>).</summary>
    public class SystemError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>TypeError</c> (its Python base: <c>Exception</c>).</summary>
    public class TypeError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>ValueError</c> (its Python base: <c>Exception</c>).</summary>
    public class ValueError(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>UnicodeError</c> (its Python base: <c>ValueError</c>).</summary>
    public class UnicodeError(PythonExceptionDetails details) : ValueError(details);

    /// <summary>Python's <c>UnicodeDecodeError</c> (its Python base: <c>UnicodeError</c>).</summary>
    public class UnicodeDecodeError(PythonExceptionDetails details) : UnicodeError(details);

    /// <summary>Python's <c>UnicodeEncodeError</c> (its Python base: <c>UnicodeError</c>).</summary>
    public class UnicodeEncodeError(PythonExceptionDetails details) : UnicodeError(details);

    /// <summary>Python's <c>UnicodeTranslateError</c> (its Python base: <c>UnicodeError</c>).</summary>
    public class UnicodeTranslateError(PythonExceptionDetails details) : UnicodeError(details);

    /// <summary>Python's <c>GeneratorExit</c> (its Python base: <c>BaseException</c>).</summary>
    public class GeneratorExit(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>KeyboardInterrupt</c> (its Python base: <c>BaseException</c>).</summary>
    public class KeyboardInterrupt(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Python's <c>SystemExit</c> (its Python base: <c>BaseException</c>).</summary>
    public class SystemExit(PythonExceptionDetails details) : PythonInvocationException(details);

    /// <summary>Where each type's Python class is found (an attribute of <c>builtins</c>) and how to make it, for the registry.</summary>
    internal static (string Name, Func<PythonExceptionDetails, PythonInvocationException> Create)[] Classes() =>
    [
        // Stop the search of a class's __mro__ at Exception/BaseException: no .NET type is more derived than the root.
        ("BaseException", PythonInvocationException.FromDetails),
        ("Exception", PythonInvocationException.FromDetails),
        ("ArithmeticError", d => new ArithmeticError(d)),
        ("FloatingPointError", d => new FloatingPointError(d)),
        ("OverflowError", d => new OverflowError(d)),
        ("ZeroDivisionError", d => new ZeroDivisionError(d)),
        ("AssertionError", d => new AssertionError(d)),
        ("AttributeError", d => new AttributeError(d)),
        ("BufferError", d => new BufferError(d)),
        ("EOFError", d => new EOFError(d)),
        ("ImportError", d => new ImportError(d)),
        ("ModuleNotFoundError", d => new ModuleNotFoundError(d)),
        ("LookupError", d => new LookupError(d)),
        ("IndexError", d => new IndexError(d)),
        ("KeyError", d => new KeyError(d)),
        ("MemoryError", d => new MemoryError(d)),
        ("NameError", d => new NameError(d)),
        ("UnboundLocalError", d => new UnboundLocalError(d)),
        ("OSError", d => new OSError(d)),
        ("BlockingIOError", d => new BlockingIOError(d)),
        ("ChildProcessError", d => new ChildProcessError(d)),
        ("ConnectionError", d => new ConnectionError(d)),
        ("BrokenPipeError", d => new BrokenPipeError(d)),
        ("ConnectionAbortedError", d => new ConnectionAbortedError(d)),
        ("ConnectionRefusedError", d => new ConnectionRefusedError(d)),
        ("ConnectionResetError", d => new ConnectionResetError(d)),
        ("FileExistsError", d => new FileExistsError(d)),
        ("FileNotFoundError", d => new FileNotFoundError(d)),
        ("InterruptedError", d => new InterruptedError(d)),
        ("IsADirectoryError", d => new IsADirectoryError(d)),
        ("NotADirectoryError", d => new NotADirectoryError(d)),
        ("PermissionError", d => new PermissionError(d)),
        ("ProcessLookupError", d => new ProcessLookupError(d)),
        ("TimeoutError", d => new TimeoutError(d)),
        ("ReferenceError", d => new ReferenceError(d)),
        ("RuntimeError", d => new RuntimeError(d)),
        ("NotImplementedError", d => new NotImplementedError(d)),
        ("RecursionError", d => new RecursionError(d)),
        ("StopAsyncIteration", d => new StopAsyncIteration(d)),
        ("StopIteration", d => new StopIteration(d)),
        ("SyntaxError", d => new SyntaxError(d)),
        ("IndentationError", d => new IndentationError(d)),
        ("TabError", d => new TabError(d)),
        ("SystemError", d => new SystemError(d)),
        ("TypeError", d => new TypeError(d)),
        ("ValueError", d => new ValueError(d)),
        ("UnicodeError", d => new UnicodeError(d)),
        ("UnicodeDecodeError", d => new UnicodeDecodeError(d)),
        ("UnicodeEncodeError", d => new UnicodeEncodeError(d)),
        ("UnicodeTranslateError", d => new UnicodeTranslateError(d)),
        ("GeneratorExit", d => new GeneratorExit(d)),
        ("KeyboardInterrupt", d => new KeyboardInterrupt(d)),
        ("SystemExit", d => new SystemExit(d)),
    ];
}
