using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The type-mapping rows (docs/type-mapping.md) beyond the core ones: stdlib values, buffers, sets, variable tuples, bare collections, Annotated.</summary>
[TestClass]
public sealed class TypeSystemMappingTests
{
    private static AnnotationNode Meta(string text) => Other(text);

    public static IEnumerable<object[]> MappedAnnotations =>
    [
        // annotation, parameter spelling, return spelling, converter expression
        // typeshed's helper aliases (in stubs copied from typeshed, and in every stub mypy's stubgen writes).
        [Name("_typeshed.Incomplete"), "PyObject", "PyObject", "PyObjectConverter.Instance"],
        [Name("typing.Optional", Name("_typeshed.Incomplete")), "PyObject?", "PyObject?", "new OptionalConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("_typeshed.ReadableBuffer"), "PyObject", "IPyBuffer", "BufferConverter.Instance"],
        [Name("_typeshed.SupportsLenAndGetItem", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance, anySequence: true)"],
        [Name("type"), "PyObject", "PyObject", "PyObjectConverter.Instance"],
        [Name("type", Name("int")), "PyObject", "PyObject", "PyObjectConverter.Instance"],
        [Name("typing.Type", Name("datetime.date")), "PyObject", "PyObject", "PyObjectConverter.Instance"],
        [Name("datetime.datetime"), "DateTime", "DateTime", "DateTimeConverter.Instance"],
        [Name("datetime.date"), "DateOnly", "DateOnly", "DateConverter.Instance"],
        [Name("datetime.time"), "TimeOnly", "TimeOnly", "TimeConverter.Instance"],
        [Name("datetime.timedelta"), "TimeSpan", "TimeSpan", "TimeDeltaConverter.Instance"],
        [Name("decimal.Decimal"), "decimal", "decimal", "DecimalConverter.Instance"],
        [Name("uuid.UUID"), "Guid", "Guid", "UuidConverter.Instance"],
        [Name("typing.Optional", Name("datetime.date")), "DateOnly?", "DateOnly?", "new NullableConverter<DateOnly>(DateConverter.Instance)"],
        [Name("typing.Annotated", Name("int"), Meta("'BigInteger'")), "Numerics.BigInteger", "Numerics.BigInteger", "BigIntegerConverter.Instance"],
        [Name("typing_extensions.Annotated", Name("int"), Meta("\"BigInteger\""), Meta("3")), "Numerics.BigInteger", "Numerics.BigInteger", "BigIntegerConverter.Instance"],
        [Name("typing.Annotated", Name("datetime.datetime"), Meta("'DateTimeOffset'")), "DateTimeOffset", "DateTimeOffset", "DateTimeOffsetConverter.Instance"],
        [Name("typing.Annotated", Name("str"), Meta("'unit: m'")), "string", "string", "StrConverter.Instance"],
        [Name("tuple", Name("int"), Ellipsis), "IEnumerable<long>", "IReadOnlyList<long>", "new TupleListConverter<long>(IntConverter.Instance)"],
        [Name("typing.Tuple", Name("str"), Ellipsis), "IEnumerable<string>", "IReadOnlyList<string>", "new TupleListConverter<string>(StrConverter.Instance)"],
        [Name("tuple"), "IEnumerable<PyObject>", "IReadOnlyList<PyObject>", "new TupleListConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("set", Name("int")), "IReadOnlySet<long>", "IReadOnlySet<long>", "new SetConverter<long>(IntConverter.Instance)"],
        [Name("typing.Set", Name("str")), "IReadOnlySet<string>", "IReadOnlySet<string>", "new SetConverter<string>(StrConverter.Instance)"],
        [Name("typing.AbstractSet", Name("str")), "IReadOnlySet<string>", "IReadOnlySet<string>", "new SetConverter<string>(StrConverter.Instance)"],
        [Name("collections.abc.Set", Name("int")), "IReadOnlySet<long>", "IReadOnlySet<long>", "new SetConverter<long>(IntConverter.Instance)"],
        [Name("frozenset", Name("str")), "IReadOnlySet<string>", "IReadOnlySet<string>", "new SetConverter<string>(StrConverter.Instance, frozen: true)"],
        [Name("typing.FrozenSet", Name("int")), "IReadOnlySet<long>", "IReadOnlySet<long>", "new SetConverter<long>(IntConverter.Instance, frozen: true)"],
        [Name("typing.Collection", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance, anySequence: true, anyCollection: true)"],
        [Name("collections.abc.Collection", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance, anySequence: true, anyCollection: true)"],
        [Name("collections.abc.MutableSequence", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance, anySequence: true)"],
        [Name("collections.abc.KeysView", Name("str")), "IEnumerable<string>", "IReadOnlyList<string>", "new ListConverter<string>(StrConverter.Instance, anySequence: true, anyCollection: true)"],
        [Name("typing.ValuesView", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance, anySequence: true, anyCollection: true)"],
        [Name("collections.abc.ItemsView", Name("str"), Name("int")), "IEnumerable<(string, long)>", "IReadOnlyList<(string, long)>", "new ListConverter<(string, long)>(new TupleConverter<string, long>(StrConverter.Instance, IntConverter.Instance), anySequence: true, anyCollection: true)"],
        [Name("typing.MutableMapping", Name("str"), Name("int")), "IReadOnlyDictionary<string, long>", "IReadOnlyDictionary<string, long>", "new DictConverter<string, long>(StrConverter.Instance, IntConverter.Instance)"],
        [Name("list"), "IEnumerable<PyObject>", "IReadOnlyList<PyObject>", "new ListConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("typing.List"), "IEnumerable<PyObject>", "IReadOnlyList<PyObject>", "new ListConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("dict"), "IReadOnlyDictionary<PyObject, PyObject>", "IReadOnlyDictionary<PyObject, PyObject>", "new DictConverter<PyObject, PyObject>(PyObjectConverter.Instance, PyObjectConverter.Instance)"],
        [Name("set"), "IReadOnlySet<PyObject>", "IReadOnlySet<PyObject>", "new SetConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("dict", Name("uuid.UUID"), Name("set", Name("datetime.date"))), "IReadOnlyDictionary<Guid, IReadOnlySet<DateOnly>>", "IReadOnlyDictionary<Guid, IReadOnlySet<DateOnly>>", "new DictConverter<Guid, IReadOnlySet<DateOnly>>(UuidConverter.Instance, new SetConverter<DateOnly>(DateConverter.Instance))"],
    ];

    [TestMethod]
    [DynamicData(nameof(MappedAnnotations))]
    public void TypeSystemAnnotationsMap(object annotation, string parameter, string returned, string converter)
    {
        var node = (AnnotationNode)annotation;
        var asParameter = TypeMapper.MapParameter(Ann(node));
        var asReturn = TypeMapper.MapReturn(Ann(node));
        Assert.IsNull(asParameter.Problem, asParameter.Problem);
        Assert.IsNull(asReturn.Problem, asReturn.Problem);
        Assert.AreEqual(parameter, GeneratedCode.Readable(asParameter.Type!.ParameterSpelling));
        Assert.AreEqual(returned, GeneratedCode.Readable(asReturn.Type!.Spelling));
        Assert.AreEqual(converter, GeneratedCode.Readable(asReturn.Type.ConverterExpression));
    }

    [TestMethod]
    [DataRow("typing.Iterable", false)]
    [DataRow("collections.abc.Iterable", false)]
    [DataRow("typing.Iterator", true)]
    [DataRow("collections.abc.Iterator", true)]
    public void IterablesAreEnumerablesAndLazyReturnsNameTheFunction(string name, bool iterator)
    {
        var asParameter = TypeMapper.MapParameter(Ann(Name(name, Name("int"))));
        var asReturn = TypeMapper.MapReturn(Ann(Name(name, Name("int"))));
        Assert.IsNull(asParameter.Problem);
        Assert.AreEqual("IEnumerable<long>", GeneratedCode.Readable(asParameter.Type!.ParameterSpelling));
        Assert.AreEqual("IEnumerable<long>", GeneratedCode.Readable(asReturn.Type!.Spelling));
        var flag = iterator ? "true" : "false";
        Assert.AreEqual($"new IterableConverter<long>(IntConverter.Instance, iterator: {flag}, context: \"m.f\")", GeneratedCode.Readable(asReturn.Type.LazyConverterExpression("\"m.f\"")!));
    }

    [TestMethod]
    public void GeneratorsReturnGeneratorIteratorsWithNoneAsPyObject()
    {
        var mapping = TypeMapper.MapReturn(Ann(Name("typing.Generator", Name("int"), Name("str"), Name("float"))));
        Assert.AreEqual("IGeneratorIterator<long, string, double>", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.AreEqual("new GeneratorConverter<long, string, double>(IntConverter.Instance, StrConverter.Instance, FloatConverter.Instance, \"m.g\")", GeneratedCode.Readable(mapping.Type.LazyConverterExpression("\"m.g\"")!));

        var withNone = TypeMapper.MapReturn(Ann(Name("collections.abc.Generator", Name("str"), None, None)));
        Assert.AreEqual("IGeneratorIterator<string, PyObject, PyObject>", GeneratedCode.Readable(withNone.Type!.Spelling));
        var short313 = TypeMapper.MapReturn(Ann(Name("collections.abc.Generator", Name("str"))));
        Assert.AreEqual("IGeneratorIterator<string, PyObject, PyObject>", GeneratedCode.Readable(short313.Type!.Spelling));
    }

    [TestMethod]
    public void AGeneratorParameterIsPyObjectWithAReason()
    {
        var mapping = TypeMapper.MapParameter(Ann(Name("typing.Generator", Name("int"), None, None)));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        StringAssert.Contains(mapping.Problem, "Iterable[T]");
    }

    [TestMethod]
    public void EmittedLazyReturnBuildsItsConverterWithTheFunctionName()
    {
        var module = WrapperPlanner.Plan("App", "nums", "/p/nums.py", File(Function("count_up", Ann(Name("typing.Iterator", Name("int"))), Param("n", Ann("int")))), out _);
        var code = GeneratedCode.Emit(module, "nums.py");
        StringAssert.Contains(code, "return __call.Invoke(__function, new IterableConverter<long>(IntConverter.Instance, iterator: true, context: \"nums.count_up\"), \"nums.count_up\");");
        Assert.IsFalse(code.Contains("private static readonly IterableConverter"), code);
    }

    [TestMethod]
    [DataRow("collections.abc.Buffer")]
    [DataRow("typing_extensions.Buffer")]
    public void BufferReturnsIPyBufferButIsTakenAsPyObject(string name)
    {
        var asReturn = TypeMapper.MapReturn(Ann(Name(name)));
        var asParameter = TypeMapper.MapParameter(Ann(Name(name)));
        Assert.IsNull(asReturn.Problem);
        Assert.IsNull(asParameter.Problem);
        Assert.AreEqual("IPyBuffer", GeneratedCode.Readable(asReturn.Type!.Spelling));
        Assert.AreEqual("BufferConverter.Instance", GeneratedCode.Readable(asReturn.Type.ConverterExpression));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(asParameter.Type!.ParameterSpelling));
    }

    [TestMethod]
    public void OptionalBufferReturnIsNullable()
    {
        var mapping = TypeMapper.MapReturn(Ann(Name("typing.Optional", Name("collections.abc.Buffer"))));
        Assert.AreEqual("IPyBuffer?", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.AreEqual("new OptionalConverter<IPyBuffer>(BufferConverter.Instance)", GeneratedCode.Readable(mapping.Type.ConverterExpression));
    }

    public static IEnumerable<object[]> Misused =>
    [
        [Name("typing.Annotated", Name("str"), Meta("'BigInteger'")), "applies only to int"],
        [Name("typing.Annotated", Name("int"), Meta("'DateTimeOffset'")), "applies only to datetime"],
        [Name("typing.Annotated", Name("int")), "metadata"],
        [Name("typing.Annotated", Name("datetime.datetime"), Meta("'BigInteger'"), Meta("'DateTimeOffset'")), "both"],
        [Name("set", Name("int"), Name("str")), "one type argument"],
        [Name("tuple", Ellipsis), "tuple[T, ...]"],
        [Name("tuple", Name("int"), Ellipsis, Ellipsis), "tuple[T, ...]"],
        [Name("datetime.date", Name("int")), "no type arguments"],
    ];

    [TestMethod]
    [DynamicData(nameof(Misused))]
    public void MisusedAnnotationsFallBackToPyObjectWithAReason(object annotation, string problemPart)
    {
        var mapping = TypeMapper.MapReturn(Ann((AnnotationNode)annotation));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.IsNotNull(mapping.Problem);
        StringAssert.Contains(mapping.Problem, problemPart);
    }

    [TestMethod]
    public void AnnotatedAtNamesNameTupleElements()
    {
        static AnnotationNode Named(string type, params string[] metadata) => Name("typing.Annotated", [Name(type), .. metadata.Select(Meta)]);

        var named = TypeMapper.MapReturn(Ann(Name("tuple", Named("int", "'@X'"), Named("str", "'unit'", "'@label'"), Name("float"))));
        Assert.AreEqual("(long X, string label, double)", GeneratedCode.Readable(named.Type!.Spelling));

        // Names C# refuses stay positional: a duplicate, a ValueTuple member, ItemN elsewhere than position N, not an identifier.
        var refused = TypeMapper.MapReturn(Ann(Name("tuple", Named("int", "'@A'"), Named("int", "'@A'"), Named("int", "'@Rest'"), Named("int", "'@Item1'"), Named("int", "'@no way'"))));
        Assert.AreEqual("(long A, long, long, long, long)", GeneratedCode.Readable(refused.Type!.Spelling));

        // One element is ValueTuple<T>, which takes no name; names do not change the converter.
        Assert.AreEqual("ValueTuple<long>", GeneratedCode.Readable(TypeMapper.MapReturn(Ann(Name("tuple", Named("int", "'@X'")))).Type!.Spelling));
        Assert.AreEqual(
            GeneratedCode.Readable(TypeMapper.MapReturn(Ann(Name("tuple", Name("int"), Name("str"), Name("float")))).Type!.ConverterExpression),
            GeneratedCode.Readable(named.Type.ConverterExpression));
    }
}
