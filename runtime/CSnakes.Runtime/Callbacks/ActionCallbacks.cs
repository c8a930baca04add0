using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Callbacks;

/// <summary>Runs a <see cref="Action"/> for Python.</summary>
internal sealed class ActionCallback(Action function) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Action));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 0);
        function();
        return None();
    }
}

/// <summary>Runs a <see cref="Action{T1}"/> for Python.</summary>
internal sealed class ActionCallback<T1>(Action<T1> function, PyConverter<T1> arg1) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Action<T1>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 1);
        function(Argument(arg1, args, 0));
        return None();
    }
}

/// <summary>Runs a <see cref="Action{T1, T2}"/> for Python.</summary>
internal sealed class ActionCallback<T1, T2>(Action<T1, T2> function, PyConverter<T1> arg1, PyConverter<T2> arg2) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Action<T1, T2>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 2);
        function(Argument(arg1, args, 0), Argument(arg2, args, 1));
        return None();
    }
}

/// <summary>Runs a <see cref="Action{T1, T2, T3}"/> for Python.</summary>
internal sealed class ActionCallback<T1, T2, T3>(Action<T1, T2, T3> function, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Action<T1, T2, T3>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 3);
        function(Argument(arg1, args, 0), Argument(arg2, args, 1), Argument(arg3, args, 2));
        return None();
    }
}

/// <summary>Runs a <see cref="Action{T1, T2, T3, T4}"/> for Python.</summary>
internal sealed class ActionCallback<T1, T2, T3, T4>(Action<T1, T2, T3, T4> function, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<T4> arg4) : PythonCallback
{
    protected override string DisplayName => DelegateNames.Callback(typeof(Action<T1, T2, T3, T4>));

    public override nint Invoke(ReadOnlySpan<nint> args)
    {
        CheckCount(args, 4);
        function(Argument(arg1, args, 0), Argument(arg2, args, 1), Argument(arg3, args, 2), Argument(arg4, args, 3));
        return None();
    }
}
