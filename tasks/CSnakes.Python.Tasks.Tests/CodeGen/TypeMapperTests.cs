using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class TypeMapperTests
{
    public static IEnumerable<object[]> MappedAnnotations =>
    [
        // annotation, parameter spelling, return spelling, converter expression
        [Name("int"), "long", "long", "IntConverter.Instance"],
        [Name("float"), "double", "double", "FloatConverter.Instance"],
        [Name("str"), "string", "string", "StrConverter.Instance"],
        [Name("bytes"), "byte[]", "byte[]", "BytesConverter.Instance"],
        [Name("bool"), "bool", "bool", "BoolConverter.Instance"],
        [Name("typing.Any"), "PyObject", "PyObject", "PyObjectConverter.Instance"],
        [Name("builtins.int"), "long", "long", "IntConverter.Instance"],
        [Name("list", Name("float")), "IEnumerable<double>", "IReadOnlyList<double>", "new ListConverter<double>(FloatConverter.Instance)"],
        [Name("typing.List", Name("int")), "IEnumerable<long>", "IReadOnlyList<long>", "new ListConverter<long>(IntConverter.Instance)"],
        [Name("typing.Sequence", Name("str")), "IEnumerable<string>", "IReadOnlyList<string>", "new ListConverter<string>(StrConverter.Instance, anySequence: true)"],
        [Name("collections.abc.Sequence", Name("str")), "IEnumerable<string>", "IReadOnlyList<string>", "new ListConverter<string>(StrConverter.Instance, anySequence: true)"],
        [Name("list", Name("list", Name("int"))), "IEnumerable<IReadOnlyList<long>>", "IReadOnlyList<IReadOnlyList<long>>", "new ListConverter<IReadOnlyList<long>>(new ListConverter<long>(IntConverter.Instance))"],
        [Name("dict", Name("str"), Name("int")), "IReadOnlyDictionary<string, long>", "IReadOnlyDictionary<string, long>", "new DictConverter<string, long>(StrConverter.Instance, IntConverter.Instance)"],
        [Name("typing.Dict", Name("str"), Name("float")), "IReadOnlyDictionary<string, double>", "IReadOnlyDictionary<string, double>", "new DictConverter<string, double>(StrConverter.Instance, FloatConverter.Instance)"],
        [Name("typing.Mapping", Name("str"), Name("typing.Any")), "IReadOnlyDictionary<string, PyObject>", "IReadOnlyDictionary<string, PyObject>", "new DictConverter<string, PyObject>(StrConverter.Instance, PyObjectConverter.Instance)"],
        [Name("collections.abc.Mapping", Name("int"), Name("bool")), "IReadOnlyDictionary<long, bool>", "IReadOnlyDictionary<long, bool>", "new DictConverter<long, bool>(IntConverter.Instance, BoolConverter.Instance)"],
        [Name("tuple", Name("int"), Name("str")), "(long, string)", "(long, string)", "new TupleConverter<long, string>(IntConverter.Instance, StrConverter.Instance)"],
        [Name("typing.Tuple", Name("float")), "ValueTuple<double>", "ValueTuple<double>", "new TupleConverter<double>(FloatConverter.Instance)"],
        [Name("typing.Optional", Name("int")), "long?", "long?", "new NullableConverter<long>(IntConverter.Instance)"],
        [Name("typing.Optional", Name("str")), "string?", "string?", "new OptionalConverter<string>(StrConverter.Instance)"],
        [Union(Name("str"), None), "string?", "string?", "new OptionalConverter<string>(StrConverter.Instance)"],
        [Union(None, Name("float")), "double?", "double?", "new NullableConverter<double>(FloatConverter.Instance)"],
        [Name("typing.Union", Name("int"), None), "long?", "long?", "new NullableConverter<long>(IntConverter.Instance)"],
        [Name("typing.Optional", Name("typing.Optional", Name("int"))), "long?", "long?", "new NullableConverter<long>(IntConverter.Instance)"],
        [Name("typing.Optional", Name("list", Name("int"))), "IEnumerable<long>?", "IReadOnlyList<long>?", "new OptionalConverter<IReadOnlyList<long>>(new ListConverter<long>(IntConverter.Instance))"],
        [Name("list", Name("typing.Optional", Name("int"))), "IEnumerable<long?>", "IReadOnlyList<long?>", "new ListConverter<long?>(new NullableConverter<long>(IntConverter.Instance))"],
        [Name("typing.Optional", Name("typing.Any")), "PyObject?", "PyObject?", "new OptionalConverter<PyObject>(PyObjectConverter.Instance)"],
        [Name("typing_extensions.Optional", Name("int")), "long?", "long?", "new NullableConverter<long>(IntConverter.Instance)"],
    ];

    [TestMethod]
    [DynamicData(nameof(MappedAnnotations))]
    public void CoreAnnotationsMap(object annotation, string parameter, string returned, string converter)
    {
        var node = (AnnotationNode)annotation;
        var asParameter = TypeMapper.MapParameter(Ann(node));
        var asReturn = TypeMapper.MapReturn(Ann(node));
        Assert.IsNull(asParameter.Problem, asParameter.Problem);
        Assert.AreEqual(parameter, GeneratedCode.Readable(asParameter.Type!.ParameterSpelling));
        Assert.AreEqual(returned, GeneratedCode.Readable(asReturn.Type!.Spelling));
        Assert.AreEqual(converter, GeneratedCode.Readable(asReturn.Type.ConverterExpression));
    }

    [TestMethod]
    public void TuplesOfAnyLengthNestTheRestAfterSeven()
    {
        var items = Enumerable.Range(0, 9).Select(i => i % 2 == 0 ? Name("int") : Name("str")).ToArray();
        var type = TypeMapper.MapReturn(Ann(Name("tuple", items))).Type!;
        Assert.AreEqual("(long, string, long, string, long, string, long, string, long)", GeneratedCode.Readable(type.Spelling));
        Assert.AreEqual(
            "new TupleConverter<long, string, long, string, long, string, long, (string, long)>(IntConverter.Instance, StrConverter.Instance, IntConverter.Instance, StrConverter.Instance, IntConverter.Instance, StrConverter.Instance, IntConverter.Instance, new TupleConverter<string, long>(StrConverter.Instance, IntConverter.Instance))",
            GeneratedCode.Readable(type.ConverterExpression));

        var eight = TypeMapper.MapReturn(Ann(Name("tuple", Enumerable.Repeat(Name("int"), 8).ToArray()))).Type!;
        StringAssert.Contains(GeneratedCode.Readable(eight.ConverterType), ", ValueTuple<long>>");
    }

    [TestMethod]
    public void NoneReturnIsVoidAndMissingAnnotationsArePyObjectSilently()
    {
        Assert.IsTrue(TypeMapper.MapReturn(Ann(None)).IsVoid);
        var unannotatedReturn = TypeMapper.MapReturn(null);
        var unannotatedParameter = TypeMapper.MapParameter(null);
        Assert.AreEqual("PyObject", GeneratedCode.Readable(unannotatedReturn.Type!.Spelling));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(unannotatedParameter.Type!.Spelling));
        Assert.IsNull(unannotatedReturn.Problem);
        Assert.IsNull(unannotatedParameter.Problem);
    }

    public static IEnumerable<object[]> UnmappedAnnotations =>
    [
        [Name("numpy.ndarray"), "numpy.ndarray"],
        [Name("typing.Callable", Ellipsis, Name("int")), "Callable[..., R]"],
        [Union(Name("int"), Name("str")), "several types"],
        [Name("list", Name("int"), Name("str")), "one type argument"],
        [Name("dict", Name("str")), "2 type arguments"],
        [Name("dict", Union(Name("str"), new AnnotationNode(AnnotationKind.None, null, null, null)), Name("int")), "keys may be None"],
        [Name("tuple", Ellipsis, Name("int")), "tuple[T, ...]"],
        [Name("list", Name("Widget")), "Widget"],
        [Other("1 + 2"), "1 + 2"],
        [Name("int", Name("str")), "no type arguments"],
    ];

    [TestMethod]
    [DynamicData(nameof(UnmappedAnnotations))]
    public void OtherAnnotationsBecomePyObjectWithAProblem(object annotation, string problemPart)
    {
        var node = (AnnotationNode)annotation;
        var mapping = TypeMapper.MapParameter(Ann(node));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.IsNotNull(mapping.Problem);
        StringAssert.Contains(mapping.Problem, problemPart);
    }

    [TestMethod]
    public void AUnionInsideATypeIsPyObjectThereAndTheRestStaysTyped()
    {
        // list[int | str]: C# cannot spell the union, but the list is still a list.
        var asReturn = TypeMapper.MapReturn(Ann(Name("list", Union(Name("int"), Name("str")))));
        Assert.AreEqual("IReadOnlyList<PyObject>", GeneratedCode.Readable(asReturn.Type!.Spelling));
        Assert.AreEqual("IReadOnlyList<PyObject>", asReturn.DisplayName);
        StringAssert.Contains(asReturn.Problem, "several types");

        var asParameter = TypeMapper.MapParameter(Ann(Name("dict", Name("str"), Name("typing.Optional", Union(Name("int"), Name("float"))))));
        Assert.AreEqual("IReadOnlyDictionary<string, PyObject?>", GeneratedCode.Readable(asParameter.Type!.ParameterSpelling));
        Assert.IsNotNull(asParameter.Problem);

        // With None among them, the PyObject is nullable, as for any Optional.
        var optional = TypeMapper.MapParameter(Ann(Name("typing.Union", Name("int"), Name("str"), None)));
        Assert.AreEqual("PyObject?", GeneratedCode.Readable(optional.Type!.ParameterSpelling));
        StringAssert.Contains(optional.Problem, "several types");

        // In a delegate's parameters too (mapped by a pass of its own).
        var callback = TypeMapper.MapParameter(Ann(Name("typing.Callable", new AnnotationNode(AnnotationKind.List, null, [Union(Name("int"), Name("str"))], null), Name("bool"))));
        Assert.AreEqual("Func<PyObject, bool>", GeneratedCode.Readable(callback.Type!.Spelling));
        StringAssert.Contains(callback.Problem, "several types");
    }

    [TestMethod]
    public void NoneIsNotAParameterType()
    {
        var mapping = TypeMapper.MapParameter(Ann(None));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.IsNotNull(mapping.Problem);
    }
}
