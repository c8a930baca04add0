using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Finds the converter for a .NET type, for the dynamic API (<see cref="PyObject.As{T}()"/>,
/// <see cref="PyObject.From{T}(T)"/>). Uses reflection once per type, then caches; generated code
/// never comes here (it names its converters directly).
/// </summary>
/// <remarks>
/// Not for Native AOT or trimmed apps: a collection, tuple, <c>T?</c> or delegate converter is a generic type
/// built at run time (<see cref="Type.MakeGenericType"/>), whose native code AOT may not have compiled. There,
/// construct the converter instead, e.g. <c>new ListConverter&lt;long&gt;(IntConverter.Instance)</c>, and call
/// its <see cref="PyConverter{T}.ToPython(T)"/> and <see cref="PyConverter{T}.FromPython(PyObject)"/>.
/// </remarks>
public static partial class ConverterRegistry
{
    internal const string DynamicCodeMessage = "Finds converters for generic types (lists, dicts, tuples, T?, delegates) with MakeGenericType, whose native code may be missing under Native AOT. Construct the converter instead (e.g. new ListConverter<long>(IntConverter.Instance)) and use its ToPython/FromPython, or PyObject.As(converter) / PyObject.From(value, converter).";
    internal const string UnreferencedCodeMessage = "Creates converter types by reflection; the trimmer cannot see which ones. Construct the converter instead (e.g. new ListConverter<long>(IntConverter.Instance)).";

    private static readonly ConcurrentDictionary<Type, object> s_byType = new();

    /// <summary>The converter for <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">No converter maps <typeparamref name="T"/>.</exception>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    public static PyConverter<T> Get<T>() => Cache<T>.Converter ??= (PyConverter<T>)Get(typeof(T));

    /// <summary>The converter for <paramref name="type"/>, as an object (a <c>PyConverter&lt;type&gt;</c>).</summary>
    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    public static object Get(Type type) => s_byType.GetOrAdd(type, Create);

    private static class Cache<T>
    {
        public static PyConverter<T>? Converter;
    }

    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    private static object Create(Type type)
    {
        if (type == typeof(long)) return IntConverter.Instance;
        if (type == typeof(double)) return FloatConverter.Instance;
        if (type == typeof(int)) return IntegerConverter<int>.Instance;
        if (type == typeof(short)) return IntegerConverter<short>.Instance;
        if (type == typeof(byte)) return IntegerConverter<byte>.Instance;
        if (type == typeof(sbyte)) return IntegerConverter<sbyte>.Instance;
        if (type == typeof(ushort)) return IntegerConverter<ushort>.Instance;
        if (type == typeof(uint)) return IntegerConverter<uint>.Instance;
        if (type == typeof(float)) return SingleConverter.Instance;
        if (type == typeof(string)) return StrConverter.Instance;
        if (type == typeof(bool)) return BoolConverter.Instance;
        if (type == typeof(byte[])) return BytesConverter.Instance;
        if (type == typeof(PyObject)) return PyObjectConverter.Instance;
        if (type == typeof(DateTime)) return DateTimeConverter.Instance;
        if (type == typeof(DateTimeOffset)) return DateTimeOffsetConverter.Instance;
        if (type == typeof(DateOnly)) return DateConverter.Instance;
        if (type == typeof(TimeOnly)) return TimeConverter.Instance;
        if (type == typeof(TimeSpan)) return TimeDeltaConverter.Instance;
        if (type == typeof(decimal)) return DecimalConverter.Instance;
        if (type == typeof(Guid)) return UuidConverter.Instance;
        if (type == typeof(System.Numerics.BigInteger)) return BigIntegerConverter.Instance;
        if (type == typeof(IPyBuffer)) return BufferConverter.Instance;
        if (type == typeof(Action)) return ActionConverter.Instance;

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Construct(typeof(NullableConverter<>), [underlying], Get(underlying));
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type[] args = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return Construct(typeof(ListConverter<>), args, Get(args[0]));
            }

            // As in the mapping table (Iterable[T] → IEnumerable<T>): lazy, any iterable, one item per step.
            if (definition == typeof(IEnumerable<>))
            {
                return Construct(typeof(IterableConverter<>), args, Get(args[0]));
            }

            if (definition == typeof(IReadOnlySet<>) || definition == typeof(ISet<>))
            {
                return Construct(typeof(SetConverter<>), args, Get(args[0]));
            }

            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
            {
                return Construct(typeof(DictConverter<,>), args, Get(args[0]), Get(args[1]));
            }

            if (type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            {
                return CreateTuple(args);
            }

            int funcArity = Array.IndexOf(s_funcDefinitions, definition);
            if (funcArity >= 0)
            {
                return Construct(s_funcConverters[funcArity], args, args.Select(Get).ToArray());
            }

            int actionArity = Array.IndexOf(s_actionDefinitions, definition);
            if (actionArity >= 0)
            {
                return Construct(s_actionConverters[actionArity], args, args.Select(Get).ToArray());
            }
        }

        throw new NotSupportedException($"CSnakes has no converter for the .NET type '{type}'. Use PyObject, or a type from the mapping table (long, double, string, bool, byte[], IReadOnlyList<T>, IReadOnlyDictionary<K,V>, IReadOnlySet<T>, value tuples, T?, Func<…>/Action<…> of up to 4 arguments).");
    }

    // The per-arity tables (s_funcDefinitions, s_tupleConverters, …) are generated: ConverterRegistry.Arity.g.cs.

    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    private static object CreateTuple(Type[] args)
    {
        object[] items = args.Select(Get).ToArray();
        return Construct(s_tupleConverters[args.Length - 1], args, items);
    }

    [RequiresDynamicCode(DynamicCodeMessage)]
    [RequiresUnreferencedCode(UnreferencedCodeMessage)]
    private static object Construct(Type definition, Type[] typeArguments, params object[] arguments) =>
        Activator.CreateInstance(definition.MakeGenericType(typeArguments), arguments)!;
}
