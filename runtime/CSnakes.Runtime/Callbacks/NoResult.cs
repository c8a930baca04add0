using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Callbacks;

/// <summary>
/// The result of an <see cref="Action"/>, so that Actions run on the Func machinery
/// (<c>DelegateCallback</c>, <c>PythonCallable</c>) instead of a copy of it. To Python it is
/// <c>None</c>; whatever a Python callable returns to an Action is dropped unread.
/// </summary>
internal readonly struct NoResult
{
    public static readonly PyConverter<NoResult> Converter = new NoResultConverter();

    private sealed class NoResultConverter : PyConverter<NoResult>
    {
        protected internal override nint ToPythonHandle(NoResult value) => CPythonApi.NewRef(CPythonApi.PyNone);

        protected internal override NoResult FromPythonHandle(nint obj) => default;
    }
}
