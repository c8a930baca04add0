using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Callbacks;

/// <summary>Runs a <see cref="Func{TResult}"/> for Python.</summary>
internal sealed class FuncCallback<TResult>(Func<TResult> function, PyConverter<TResult> result) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Func<TResult>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 0);
        return result.ToPythonHandle(function());
    }
}

/// <summary>Runs a <see cref="Func{T1, TResult}"/> for Python.</summary>
internal sealed class FuncCallback<T1, TResult>(Func<T1, TResult> function, PyConverter<T1> arg1, PyConverter<TResult> result) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Func<T1, TResult>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 1);
        return result.ToPythonHandle(function(Argument(arg1, args, 0)));
    }
}

/// <summary>Runs a <see cref="Func{T1, T2, TResult}"/> for Python.</summary>
internal sealed class FuncCallback<T1, T2, TResult>(Func<T1, T2, TResult> function, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<TResult> result) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Func<T1, T2, TResult>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 2);
        return result.ToPythonHandle(function(Argument(arg1, args, 0), Argument(arg2, args, 1)));
    }
}

/// <summary>Runs a <see cref="Func{T1, T2, T3, TResult}"/> for Python.</summary>
internal sealed class FuncCallback<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> function, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<TResult> result) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Func<T1, T2, T3, TResult>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 3);
        return result.ToPythonHandle(function(Argument(arg1, args, 0), Argument(arg2, args, 1), Argument(arg3, args, 2)));
    }
}

/// <summary>Runs a <see cref="Func{T1, T2, T3, T4, TResult}"/> for Python.</summary>
internal sealed class FuncCallback<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> function, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<T4> arg4, PyConverter<TResult> result) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Func<T1, T2, T3, T4, TResult>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 4);
        return result.ToPythonHandle(function(Argument(arg1, args, 0), Argument(arg2, args, 1), Argument(arg3, args, 2), Argument(arg4, args, 3)));
    }
}
