using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using CSnakes.Runtime;
using CSnakes.Runtime.Converters;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// The mapping table is the generator's (TypeMapper + CSharpType): it names each annotation's C# type and converter.
/// The runtime's dynamic API (<c>PyObject.As&lt;T&gt;()</c>, <see cref="ConverterRegistry"/>) picks a converter from
/// the C# type alone. These tests hold the two to the same answer, so <c>As&lt;T&gt;()</c> on a value reads it the way a
/// generated wrapper returning <c>T</c> does. Where the C# type cannot carry what the annotation says, the difference
/// is listed with its reason (<see cref="KnownDifferences"/>).
/// </summary>
[TestClass]
public sealed class MappingAgreementTests
{
    public static IEnumerable<object[]> Returns =>
    [
        [Name("int")], [Name("float")], [Name("str")], [Name("bytes")], [Name("bool")], [Name("typing.Any")],
        [Name("datetime.datetime")], [Name("datetime.date")], [Name("datetime.time")], [Name("datetime.timedelta")],
        [Name("decimal.Decimal")], [Name("uuid.UUID")], [Name("collections.abc.Buffer")],
        [Name("typing.Annotated", Name("int"), Other("'BigInteger'"))],
        [Name("typing.Annotated", Name("datetime.datetime"), Other("'DateTimeOffset'"))],
        [Name("list", Name("int"))], [Name("list", Name("str"))], [Name("list")], [Name("typing.Sequence", Name("float"))],
        [Name("typing.Collection", Name("str"))], [Name("collections.abc.ItemsView", Name("str"), Name("int"))],
        [Name("dict", Name("str"), Name("float"))], [Name("typing.Mapping", Name("uuid.UUID"), Name("list", Name("int")))],
        [Name("set", Name("int"))], [Name("frozenset", Name("str"))],
        [Name("tuple", Name("int"), Name("str"))],
        [Name("tuple", Name("int"), Name("str"), Name("float"), Name("bool"), Name("bytes"), Name("int"), Name("int"), Name("int"), Name("str"))],
        [Name("typing.Optional", Name("int"))], [Name("typing.Optional", Name("datetime.date"))],
        [Name("list", Name("typing.Optional", Name("float")))],
        [Name("typing.Iterable", Name("int"))], [Name("typing.Iterator", Name("str"))],
    ];

    [TestMethod]
    [DynamicData(nameof(Returns))]
    public void TheDynamicApiPicksTheGeneratedConverterForAReturn(object annotation)
    {
        var mapping = TypeMapper.MapReturn(Ann((AnnotationNode)annotation));
        Assert.IsNull(mapping.Problem, mapping.Problem);
        AssertAgree(mapping.Type!);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(2)]
    [DataRow(4)]
    public void TheDynamicApiPicksTheGeneratedConverterForACallback(int arity)
    {
        var parameters = Enumerable.Repeat(Name("int"), arity).ToList();
        foreach (var result in new[] { Name("str"), None })
        {
            var mapping = TypeMapper.MapParameter(Ann(Name("typing.Callable", new AnnotationNode(AnnotationKind.List, null, parameters, null), result)));
            Assert.IsNull(mapping.Problem, mapping.Problem);
            AssertAgree(mapping.Type!);
        }
    }

    /// <summary>
    /// The annotations whose converter the C# type cannot tell apart, so the dynamic API reads them as the nearest
    /// row. Each must really differ (the test fails if the generator and the registry come to agree).
    /// </summary>
    [TestMethod]
    public void KnownDifferences()
    {
        // tuple[int, ...] and list[int] are both IReadOnlyList<long>: the registry reads either (ListConverter reads a
        // tuple too); only sending differs (a tuple rather than a list).
        AssertDiffer(TypeMapper.MapReturn(Ann(Name("tuple", Name("int"), Ellipsis))).Type!, typeof(ListConverter<long>));
        // str | None is string? in generated code, but a nullable reference type is string at run time: As<string>()
        // cannot know that None is allowed (docs/runtime.md says to pass an OptionalConverter).
        AssertDiffer(TypeMapper.MapReturn(Ann(Name("typing.Optional", Name("str")))).Type!, typeof(StrConverter));
    }

    private static void AssertAgree(CSharpType type)
    {
        var generated = GeneratedConverterName(type);
        var picked = ConverterRegistry.Get(ClrType(type));
        Assert.AreEqual(generated, CSharpName(picked.GetType()), $"for {GeneratedCode.Readable(type.Spelling)}");
    }

    private static void AssertDiffer(CSharpType type, Type registryPicks)
    {
        Assert.AreEqual(CSharpName(registryPicks), CSharpName(ConverterRegistry.Get(ClrType(type)).GetType()));
        Assert.AreNotEqual(GeneratedConverterName(type), CSharpName(registryPicks));
    }

    private static string GeneratedConverterName(CSharpType type) => GeneratedCode.Readable(type.ConverterType);

    /// <summary>The .NET type generated code spells for <paramref name="type"/> (as a return, or a delegate parameter).</summary>
    private static Type ClrType(CSharpType type) => type switch
    {
        ScalarType scalar => Scalars[scalar],
        ListType list => typeof(IReadOnlyList<>).MakeGenericType(ClrType(list.Element)),
        TupleListType tuple => typeof(IReadOnlyList<>).MakeGenericType(ClrType(tuple.Element)),
        SetType set => typeof(IReadOnlySet<>).MakeGenericType(ClrType(set.Element)),
        DictType dict => typeof(IReadOnlyDictionary<,>).MakeGenericType(ClrType(dict.Key), ClrType(dict.Value)),
        IterableType iterable => typeof(IEnumerable<>).MakeGenericType(ClrType(iterable.Element)),
        OptionalType { Inner.IsValueType: true } optional => typeof(Nullable<>).MakeGenericType(ClrType(optional.Inner)),
        OptionalType optional => ClrType(optional.Inner),
        TupleType tuple => ValueTupleOf(tuple.Items.Select(ClrType).ToArray()),
        CallableType { Parameters.Count: 0, Result: null } => typeof(Action),
        CallableType callable => DelegateOf(callable),
        _ => throw new AssertFailedException($"no .NET type for {type}"),
    };

    private static readonly Dictionary<CSharpType, Type> Scalars = new()
    {
        [ScalarType.Int] = typeof(long), [ScalarType.Float] = typeof(double), [ScalarType.Str] = typeof(string),
        [ScalarType.Bytes] = typeof(byte[]), [ScalarType.Bool] = typeof(bool), [ScalarType.Object] = typeof(PyObject),
        [ScalarType.DateTime] = typeof(DateTime), [ScalarType.DateTimeOffset] = typeof(DateTimeOffset),
        [ScalarType.Date] = typeof(DateOnly), [ScalarType.Time] = typeof(TimeOnly), [ScalarType.TimeDelta] = typeof(TimeSpan),
        [ScalarType.Decimal] = typeof(decimal), [ScalarType.Uuid] = typeof(Guid),
        [ScalarType.BigInteger] = typeof(System.Numerics.BigInteger), [ScalarType.Buffer] = typeof(IPyBuffer),
    };

    private static Type ValueTupleOf(Type[] items) => items.Length <= 7
        ? Type.GetType($"System.ValueTuple`{items.Length}")!.MakeGenericType(items)
        : typeof(ValueTuple<,,,,,,,>).MakeGenericType([.. items[..7], ValueTupleOf(items[7..])]);

    private static Type DelegateOf(CallableType callable)
    {
        var parameters = callable.Parameters.Select(ClrType);
        return callable.Result is null
            ? Type.GetType($"System.Action`{callable.Parameters.Count}")!.MakeGenericType(parameters.ToArray())
            : Type.GetType($"System.Func`{callable.Parameters.Count + 1}")!.MakeGenericType(parameters.Append(ClrType(callable.Result)).ToArray());
    }

    /// <summary>A converter type as generated code spells it once <c>global::</c> is dropped: <c>ListConverter&lt;long&gt;</c>.</summary>
    private static string CSharpName(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }
        if (type.IsArray)
        {
            return CSharpName(type.GetElementType()!) + "[]";
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return CSharpName(underlying) + "?";
        }
        if (!type.IsGenericType)
        {
            return type == typeof(System.Numerics.BigInteger) ? "Numerics.BigInteger" : type.Name;
        }
        var arguments = type.GetGenericArguments().Select(CSharpName).ToList();
        if (type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            // A value tuple of eight or more nests its rest; C# spells it flat.
            var flat = type.GetGenericArguments().Length == 8 ? arguments[..7].Append(CSharpName(type.GetGenericArguments()[7])[1..^1]) : arguments;
            return $"({string.Join(", ", flat)})";
        }
        return $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", arguments)}>";
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(long)] = "long", [typeof(double)] = "double", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(decimal)] = "decimal", [typeof(int)] = "int",
    };
}
