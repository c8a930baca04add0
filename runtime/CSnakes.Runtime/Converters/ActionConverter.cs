using CSnakes.Runtime.Callbacks;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A .NET <see cref="Action"/> ↔ a Python callable (<c>Callable[[], None]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
public sealed class ActionConverter : PyConverter<Action>
{
    /// <summary>The shared instance.</summary>
    public static readonly ActionConverter Instance = new();

    /// <summary>Creates the converter (there is nothing to configure; <see cref="Instance"/> is shared).</summary>
    public ActionConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Action value) =>
        PythonCallbackFunction.Create(new ActionCallback(value ?? throw new ArgumentNullException(nameof(value))));

    /// <inheritdoc/>
    protected internal override Action FromPythonHandle(nint obj) =>
        new PythonCallableAction(PythonCallables.Borrow(obj)).Invoke;
}

/// <summary>
/// A .NET <see cref="Action{T1}"/> ↔ a Python callable (<c>Callable[[T1], None]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
public sealed class ActionConverter<T1> : PyConverter<Action<T1>>
{
    private readonly PyConverter<T1> _arg1;

    /// <summary>Creates the converter from the converters of the arguments.</summary>
    public ActionConverter(PyConverter<T1> arg1)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Action<T1> value) =>
        PythonCallbackFunction.Create(new ActionCallback<T1>(value ?? throw new ArgumentNullException(nameof(value)), _arg1));

    /// <inheritdoc/>
    protected internal override Action<T1> FromPythonHandle(nint obj) =>
        new PythonCallableAction<T1>(PythonCallables.Borrow(obj), _arg1).Invoke;
}

/// <summary>
/// A .NET <see cref="Action{T1, T2}"/> ↔ a Python callable (<c>Callable[[T1, T2], None]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
public sealed class ActionConverter<T1, T2> : PyConverter<Action<T1, T2>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;

    /// <summary>Creates the converter from the converters of the arguments.</summary>
    public ActionConverter(PyConverter<T1> arg1, PyConverter<T2> arg2)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Action<T1, T2> value) =>
        PythonCallbackFunction.Create(new ActionCallback<T1, T2>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2));

    /// <inheritdoc/>
    protected internal override Action<T1, T2> FromPythonHandle(nint obj) =>
        new PythonCallableAction<T1, T2>(PythonCallables.Borrow(obj), _arg1, _arg2).Invoke;
}

/// <summary>
/// A .NET <see cref="Action{T1, T2, T3}"/> ↔ a Python callable (<c>Callable[[T1, T2, T3], None]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
/// <typeparam name="T3">Argument 3.</typeparam>
public sealed class ActionConverter<T1, T2, T3> : PyConverter<Action<T1, T2, T3>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;
    private readonly PyConverter<T3> _arg3;

    /// <summary>Creates the converter from the converters of the arguments.</summary>
    public ActionConverter(PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
        _arg3 = arg3 ?? throw new ArgumentNullException(nameof(arg3));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Action<T1, T2, T3> value) =>
        PythonCallbackFunction.Create(new ActionCallback<T1, T2, T3>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2, _arg3));

    /// <inheritdoc/>
    protected internal override Action<T1, T2, T3> FromPythonHandle(nint obj) =>
        new PythonCallableAction<T1, T2, T3>(PythonCallables.Borrow(obj), _arg1, _arg2, _arg3).Invoke;
}

/// <summary>
/// A .NET <see cref="Action{T1, T2, T3, T4}"/> ↔ a Python callable (<c>Callable[[T1, T2, T3, T4], None]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
/// <typeparam name="T3">Argument 3.</typeparam>
/// <typeparam name="T4">Argument 4.</typeparam>
public sealed class ActionConverter<T1, T2, T3, T4> : PyConverter<Action<T1, T2, T3, T4>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;
    private readonly PyConverter<T3> _arg3;
    private readonly PyConverter<T4> _arg4;

    /// <summary>Creates the converter from the converters of the arguments.</summary>
    public ActionConverter(PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<T4> arg4)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
        _arg3 = arg3 ?? throw new ArgumentNullException(nameof(arg3));
        _arg4 = arg4 ?? throw new ArgumentNullException(nameof(arg4));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Action<T1, T2, T3, T4> value) =>
        PythonCallbackFunction.Create(new ActionCallback<T1, T2, T3, T4>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2, _arg3, _arg4));

    /// <inheritdoc/>
    protected internal override Action<T1, T2, T3, T4> FromPythonHandle(nint obj) =>
        new PythonCallableAction<T1, T2, T3, T4>(PythonCallables.Borrow(obj), _arg1, _arg2, _arg3, _arg4).Invoke;
}
