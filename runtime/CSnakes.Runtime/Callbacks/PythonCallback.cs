using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Callbacks;

/// <summary>
/// A .NET delegate plus the converters for its arguments and result: what a Python function made by
/// <see cref="PythonCallbackFunction"/> runs when Python calls it. One subclass per arity
/// (<c>DelegateCallback.g.cs</c>); <paramref name="delegateType"/> is the delegate as the user wrote it.
/// </summary>
internal abstract class PythonCallback(Type delegateType)
{
    /// <summary>Names the callback in error messages, e.g. <c>.NET callback Func&lt;Int64, Int64&gt;</c>.</summary>
    protected string DisplayName => DelegateNames.Callback(delegateType);

    /// <summary>
    /// Converts the arguments, calls the delegate and returns a new reference to the converted result.
    /// The caller holds the GIL. Wrong arguments throw <see cref="CallbackArgumentException"/>.
    /// </summary>
    public abstract nint Invoke(ReadOnlySpan<nint> args);

    protected void CheckCount(ReadOnlySpan<nint> args, int expected)
    {
        if (args.Length != expected)
        {
            string noun = expected == 1 ? "argument" : "arguments";
            throw new CallbackArgumentException($"{DisplayName} takes {expected} positional {noun} but {args.Length} {(args.Length == 1 ? "was" : "were")} given.");
        }
    }

    /// <summary>Reads argument <paramref name="index"/> (0-based); a mismatch is a Python TypeError naming it.</summary>
    /// <remarks>The arguments are borrowed from Python's caller, which keeps them alive for the whole call.</remarks>
    protected T Argument<T>(PyConverter<T> converter, ReadOnlySpan<nint> args, int index)
    {
        try
        {
            return converter.FromPythonHandle(args[index]);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            throw new CallbackArgumentException($"{DisplayName}: argument {index + 1}: {e.Message}");
        }
    }
}

/// <summary>Python called a callback with the wrong number or types of arguments: raised in Python as <c>TypeError</c>.</summary>
internal sealed class CallbackArgumentException(string message) : Exception(message);
