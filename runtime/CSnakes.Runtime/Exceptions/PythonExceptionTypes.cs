namespace CSnakes.Runtime;

/// <summary>
/// Which .NET type a Python exception class becomes. Generated code registers the exception classes of the modules
/// it wraps; Python's built-in ones are registered already (<see cref="BuiltinsModule"/>).
/// </summary>
/// <remarks>
/// A raised exception becomes the .NET type registered for the first class of <c>type(exc).__mro__</c> that has one,
/// so a Python subclass with no registration of its own is caught by its base's .NET type; with none at all it is a
/// plain <see cref="PythonInvocationException"/>. Registrations are matched to Python's class objects, not to names
/// (a class's <c>__module__</c> need not be where it is exported: <c>json.JSONDecodeError</c>'s is <c>json.decoder</c>),
/// and only once their module is in <c>sys.modules</c>: registering never imports anything. No reflection is used,
/// so Native AOT apps keep this.
/// </remarks>
public static class PythonExceptionTypes
{
    private static readonly object s_gate = new();
    private static readonly HashSet<(string Module, string Name)> s_registered = [];
    private static ExceptionTypeRegistration[] s_all = Builtins();

    /// <summary>
    /// Makes instances of the Python class <c><paramref name="module"/>.<paramref name="name"/></c> (and of its
    /// subclasses without a registration of their own) arrive as the exception <paramref name="create"/> makes, e.g.
    /// <c>Register("sqlite3", "OperationalError", d =&gt; new Sqlite3Module.OperationalError(d))</c>. Thread-safe,
    /// callable before Python starts; registering the same class again does nothing (the first registration stays).
    /// </summary>
    /// <param name="module">The module the class is an attribute of, as imported (<c>json</c>, <c>mypkg.errors</c>).</param>
    /// <param name="name">The attribute (<c>JSONDecodeError</c>); a dotted path reaches a nested class (<c>Outer.Error</c>).</param>
    /// <param name="create">Makes the .NET exception; it should only call a constructor. If it throws or returns null,
    /// the exception arrives as the type of the next base class that has a registration.</param>
    public static void Register(string module, string name, Func<PythonExceptionDetails, PythonInvocationException> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(create);
        lock (s_gate)
        {
            if (s_registered.Add((module, name)))
            {
                // Copied on write: translation reads the array without a lock, and indices never change.
                Volatile.Write(ref s_all, [.. s_all, new ExceptionTypeRegistration(module, name, create)]);
            }
        }
    }

    /// <summary>Every registration so far, in order; an index always names the same registration.</summary>
    internal static ExceptionTypeRegistration[] All => Volatile.Read(ref s_all);

    private static ExceptionTypeRegistration[] Builtins()
    {
        var classes = BuiltinsModule.Classes();
        foreach (var (name, _) in classes)
        {
            s_registered.Add(("builtins", name));
        }

        return [.. classes.Select(c => new ExceptionTypeRegistration("builtins", c.Name, c.Create))];
    }
}
