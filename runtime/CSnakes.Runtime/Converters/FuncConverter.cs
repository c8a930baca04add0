using CSnakes.Runtime.Callbacks;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A .NET <see cref="Func{TResult}"/> ↔ a Python callable (<c>Callable[[], TResult]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="TResult">The result.</typeparam>
public sealed class FuncConverter<TResult> : PyConverter<Func<TResult>>
{
    private readonly PyConverter<TResult> _result;

    /// <summary>Creates the converter from the converter of the result.</summary>
    public FuncConverter(PyConverter<TResult> result)
    {
        _result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Func<TResult> value) =>
        PythonCallbackFunction.Create(new FuncCallback<TResult>(value ?? throw new ArgumentNullException(nameof(value)), _result));

    /// <inheritdoc/>
    protected internal override Func<TResult> FromPythonHandle(nint obj) =>
        new PythonCallableFunc<TResult>(PythonCallables.Borrow(obj), _result).Invoke;
}

/// <summary>
/// A .NET <see cref="Func{T1, TResult}"/> ↔ a Python callable (<c>Callable[[T1], TResult]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
public sealed class FuncConverter<T1, TResult> : PyConverter<Func<T1, TResult>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<TResult> _result;

    /// <summary>Creates the converter from the converters of the arguments and the result.</summary>
    public FuncConverter(PyConverter<T1> arg1, PyConverter<TResult> result)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Func<T1, TResult> value) =>
        PythonCallbackFunction.Create(new FuncCallback<T1, TResult>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _result));

    /// <inheritdoc/>
    protected internal override Func<T1, TResult> FromPythonHandle(nint obj) =>
        new PythonCallableFunc<T1, TResult>(PythonCallables.Borrow(obj), _arg1, _result).Invoke;
}

/// <summary>
/// A .NET <see cref="Func{T1, T2, TResult}"/> ↔ a Python callable (<c>Callable[[T1, T2], TResult]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
public sealed class FuncConverter<T1, T2, TResult> : PyConverter<Func<T1, T2, TResult>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;
    private readonly PyConverter<TResult> _result;

    /// <summary>Creates the converter from the converters of the arguments and the result.</summary>
    public FuncConverter(PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<TResult> result)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
        _result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Func<T1, T2, TResult> value) =>
        PythonCallbackFunction.Create(new FuncCallback<T1, T2, TResult>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2, _result));

    /// <inheritdoc/>
    protected internal override Func<T1, T2, TResult> FromPythonHandle(nint obj) =>
        new PythonCallableFunc<T1, T2, TResult>(PythonCallables.Borrow(obj), _arg1, _arg2, _result).Invoke;
}

/// <summary>
/// A .NET <see cref="Func{T1, T2, T3, TResult}"/> ↔ a Python callable (<c>Callable[[T1, T2, T3], TResult]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
/// <typeparam name="T3">Argument 3.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
public sealed class FuncConverter<T1, T2, T3, TResult> : PyConverter<Func<T1, T2, T3, TResult>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;
    private readonly PyConverter<T3> _arg3;
    private readonly PyConverter<TResult> _result;

    /// <summary>Creates the converter from the converters of the arguments and the result.</summary>
    public FuncConverter(PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<TResult> result)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
        _arg3 = arg3 ?? throw new ArgumentNullException(nameof(arg3));
        _result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Func<T1, T2, T3, TResult> value) =>
        PythonCallbackFunction.Create(new FuncCallback<T1, T2, T3, TResult>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2, _arg3, _result));

    /// <inheritdoc/>
    protected internal override Func<T1, T2, T3, TResult> FromPythonHandle(nint obj) =>
        new PythonCallableFunc<T1, T2, T3, TResult>(PythonCallables.Borrow(obj), _arg1, _arg2, _arg3, _result).Invoke;
}

/// <summary>
/// A .NET <see cref="Func{T1, T2, T3, T4, TResult}"/> ↔ a Python callable (<c>Callable[[T1, T2, T3, T4], TResult]</c>).
/// To Python: a new function that runs the delegate (see docs/callbacks.md for threading, errors and lifetime).
/// From Python: a delegate that takes the GIL and calls the Python object on each call.
/// </summary>
/// <typeparam name="T1">Argument 1.</typeparam>
/// <typeparam name="T2">Argument 2.</typeparam>
/// <typeparam name="T3">Argument 3.</typeparam>
/// <typeparam name="T4">Argument 4.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
public sealed class FuncConverter<T1, T2, T3, T4, TResult> : PyConverter<Func<T1, T2, T3, T4, TResult>>
{
    private readonly PyConverter<T1> _arg1;
    private readonly PyConverter<T2> _arg2;
    private readonly PyConverter<T3> _arg3;
    private readonly PyConverter<T4> _arg4;
    private readonly PyConverter<TResult> _result;

    /// <summary>Creates the converter from the converters of the arguments and the result.</summary>
    public FuncConverter(PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<T4> arg4, PyConverter<TResult> result)
    {
        _arg1 = arg1 ?? throw new ArgumentNullException(nameof(arg1));
        _arg2 = arg2 ?? throw new ArgumentNullException(nameof(arg2));
        _arg3 = arg3 ?? throw new ArgumentNullException(nameof(arg3));
        _arg4 = arg4 ?? throw new ArgumentNullException(nameof(arg4));
        _result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Func<T1, T2, T3, T4, TResult> value) =>
        PythonCallbackFunction.Create(new FuncCallback<T1, T2, T3, T4, TResult>(value ?? throw new ArgumentNullException(nameof(value)), _arg1, _arg2, _arg3, _arg4, _result));

    /// <inheritdoc/>
    protected internal override Func<T1, T2, T3, T4, TResult> FromPythonHandle(nint obj) =>
        new PythonCallableFunc<T1, T2, T3, T4, TResult>(PythonCallables.Borrow(obj), _arg1, _arg2, _arg3, _arg4, _result).Invoke;
}
