using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A generated C# enum ↔ either the members of a Python <c>enum.Enum</c> subclass (matched by member
/// name) or the values of a <c>typing.Literal[...]</c> (plain <c>str</c> or <c>int</c>, matched by value).
/// A Python value outside the known set is an <see cref="InvalidCastException"/> that names the set.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
public sealed unsafe class EnumConverter<TEnum> : PyConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string>? _toText;
    private readonly Dictionary<string, TEnum>? _fromText;
    private readonly Dictionary<TEnum, long>? _toInt;
    private readonly Dictionary<long, TEnum>? _fromInt;
    private readonly string? _module;
    private readonly string? _className;
    private readonly string _expected;

    // The Python enum class, imported on first use and kept (like the stdlib types) for the interpreter's life.
    private readonly InterpreterLocal _class = new();

    /// <summary>
    /// Members of the Python enum class <paramref name="className"/> in module <paramref name="module"/>,
    /// each C# value paired with the Python member name (<c>Color.RED</c> → <c>"RED"</c>).
    /// </summary>
    public EnumConverter(IReadOnlyList<(TEnum Value, string MemberName)> members, string module, string className)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(className);
        _toText = members.ToDictionary(m => m.Value, m => m.MemberName);
        _fromText = members.ToDictionary(m => m.MemberName, m => m.Value, StringComparer.Ordinal);
        _module = module;
        _className = className;
        _expected = $"a member of '{module}.{className}' ({string.Join(", ", members.Select(m => m.MemberName))})";
    }

    /// <summary>The values of a <c>Literal</c> of strings, each C# value paired with its Python string.</summary>
    public EnumConverter(IReadOnlyList<(TEnum Value, string Literal)> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        _toText = literals.ToDictionary(m => m.Value, m => m.Literal);
        _fromText = literals.ToDictionary(m => m.Literal, m => m.Value, StringComparer.Ordinal);
        _expected = $"one of the str values {string.Join(", ", literals.Select(m => Quote(m.Literal)))}";
    }

    /// <summary>The values of a <c>Literal</c> of ints, each C# value paired with its Python int.</summary>
    public EnumConverter(IReadOnlyList<(TEnum Value, long Literal)> literals)
    {
        ArgumentNullException.ThrowIfNull(literals);
        _toInt = literals.ToDictionary(m => m.Value, m => m.Literal);
        _fromInt = literals.ToDictionary(m => m.Literal, m => m.Value);
        _expected = $"one of the int values {string.Join(", ", literals.Select(m => m.Literal))}";
    }

    private bool IsPythonEnum => _className is not null;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(TEnum value)
    {
        if (_toInt is not null)
        {
            return _toInt.TryGetValue(value, out var number) ? IntConverter.Instance.ToPythonHandle(number) : throw Undefined(value);
        }
        if (!_toText!.TryGetValue(value, out var text))
        {
            throw Undefined(value);
        }
        return IsPythonEnum ? StdlibTypes.GetAttr(PythonClass(), text) : StrConverter.NewPyString(text);
    }

    /// <inheritdoc/>
    protected internal override TEnum FromPythonHandle(nint obj)
    {
        if (IsPythonEnum)
        {
            if (!StdlibTypes.IsInstance(obj, PythonClass()))
            {
                throw new InvalidCastException($"Expected {_expected} but got a Python '{PythonTypeNames.Of(obj)}' ({Repr(obj)}).");
            }
            nint name = StdlibTypes.GetAttr(obj, "name");
            var memberName = StrConverter.FromOwnedHandle(name);
            return _fromText!.TryGetValue(memberName, out var member)
                ? member
                : throw new InvalidCastException($"Expected {_expected} but got the member '{memberName}', which the generated enum does not know (build again).");
        }
        if (_fromInt is not null)
        {
            if (CPythonApi.IsLong(obj) && !CPythonApi.IsBool(obj))
            {
                long number;
                try
                {
                    number = IntConverter.Instance.FromPythonHandle(obj);
                }
                catch (OverflowException)
                {
                    throw NotInSet(obj);
                }
                return _fromInt.TryGetValue(number, out var value) ? value : throw NotInSet(obj);
            }
            throw NotInSet(obj);
        }
        if (CPythonApi.IsUnicode(obj))
        {
            var text = StrConverter.Instance.FromPythonHandle(obj);
            return _fromText!.TryGetValue(text, out var value) ? value : throw NotInSet(obj);
        }
        throw NotInSet(obj);
    }

    private InvalidCastException NotInSet(nint obj) =>
        new($"Expected {_expected} but got the Python '{PythonTypeNames.Of(obj)}' {Repr(obj)}.");

    private ArgumentOutOfRangeException Undefined(TEnum value) =>
        new(nameof(value), value, $"{value} is not a value of {typeof(TEnum).Name} known to Python ({_expected}).");

    // Imported on first use and kept for the interpreter's lifetime; the GIL is held, so no other thread fills it meanwhile.
    private nint PythonClass() => StdlibTypes.Load(ref _class.Value, _module!, _className!);

    private static string Repr(nint obj) => StrConverter.FromOwnedHandle(CPythonApi.PyObject_Repr(obj));

    private static string Quote(string text) => "'" + text.Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
