using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Class members the way real packages write them: static and class methods as static C# methods, <c>__new__</c> as the
/// constructor, typed <c>*args</c> as <c>params</c> arrays, and annotated class-level names as get-only properties.
/// </summary>
[TestClass]
public sealed class ClassMembersCodeGenTests
{
    private static PythonParameter Self => Param("self");

    private static PythonParameter Cls => Param("cls");

    private static PythonParameter VarArgs(string name, PythonAnnotation? annotation = null) => Param(name, annotation, kind: ParameterKinds.VarPositional);

    private static PythonFunction Decorated(string decorator, PythonFunction function) => function with { Decorators = [decorator] };

    private static PythonClassAttribute Attribute(string name, PythonAnnotation? annotation, string kind, int line = 3) =>
        new(name, line, 5, annotation, kind, Final: kind == "class", Default: null);

    // Like rich's Text: a classmethod factory, a staticmethod, constants, an instance attribute.
    private static readonly PythonClass Text = new("Text", 5, 1, null, false,
    [
        Function("__init__", Ann(None), Self, Param("text", Ann("str"), Literal("str", ""))),
        Decorated("classmethod", Function("from_markup", Ann("Text"), Cls, Param("text", Ann("str")))),
        Decorated("staticmethod", Function("blank", Ann("Text"), Param("width", Ann("int"), Literal("int", "0")))),
        Decorated("staticmethod", Function("to_string", Ann("str"))),
        Function("plain", Ann("str"), Self),
    ], Attributes:
    [
        Attribute("MAX_WIDTH", Ann("int"), "class"),
        Attribute("style", Ann(Name("typing.Optional", Name("str"))), "instance"),
        Attribute("markers", Ann(Name("list", Name("str"))), "class"),
        Attribute("anything", null, "class"),
    ]);

    // Code without its indentation, so an expectation can span lines without counting spaces.
    private static string Flat(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()));

    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics, string Code) Generate(IReadOnlyList<PythonClass> classes, params PythonFunction[] functions)
    {
        var file = File(functions) with { Classes = classes };
        var module = WrapperPlanner.Plan("App", "shop", "/p/shop.py", file, out var diagnostics);
        return (module, diagnostics, GeneratedCode.Emit(module, "shop.py"));
    }

    [TestMethod]
    public void ClassAndStaticMethodsBecomeStaticMethodsCallingTheClassObject()
    {
        var (module, _, code) = Generate([Text]);

        var methods = module.Classes!.Single().Methods.ToDictionary(m => m.PythonName);
        Assert.AreEqual(MethodBinding.Class, methods["from_markup"].Binding);
        Assert.AreEqual(MethodBinding.Static, methods["blank"].Binding);
        Assert.AreEqual(MethodBinding.Instance, methods["plain"].Binding);
        CollectionAssert.AreEqual(new[] { "text" }, methods["from_markup"].Parameters.Select(p => p.PythonName).ToArray(), "Python binds cls itself");
        StringAssert.Contains(Flat(code), Flat("""
                /// Calls the Python class method <c>shop.Text.from_markup</c>.
                /// </summary>
                /// <remarks>
                /// Python: <c>def from_markup(text: str) -&gt; Text</c>
                /// </remarks>
                public static Text FromMarkup(string text)
                {
                    if (text is null) throw new ArgumentNullException("text", "shop.Text.from_markup() needs a value for its parameter 'text': null is not allowed there (its annotation is not Optional).");
                    using (GIL.Acquire())
                    {
                        using var __class = PythonClasses.Get("shop", "Text");
                        using var __method = __class.GetAttr("from_markup");
                """), code);
        StringAssert.Contains(code, "return __call.Invoke(__method, Text.PythonConverter, \"shop.Text.from_markup\");", code);
        StringAssert.Contains(code, "Calls the Python static method <c>shop.Text.blank</c>.", code);
        StringAssert.Contains(code, "public static Text Blank(long width = 0)", code);
        StringAssert.Contains(code, "public string Plain()", code);
    }

    [TestMethod]
    public void AStaticMethodTakesTheSameEscapesAsAnInstanceOne()
    {
        var clash = new PythonClass("Clash", 1, 1, null, false,
        [
            Function("from_text", Ann("int"), Self),
            Decorated("staticmethod", Function("fromText", Ann("int"))),
        ]);
        var (module, diagnostics, code) = Generate([Text, clash]);

        StringAssert.Contains(code, "public static string ToString_()", "a member of object takes the trailing '_'");
        var methods = module.Classes!.Single(c => c.Type.Name == "Clash").Methods;
        CollectionAssert.AreEqual(new[] { "FromText", "FromText_" }, methods.Select(m => m.MethodName).ToArray());
        Assert.IsTrue(methods[1].IsStatic);
        Assert.IsTrue(diagnostics.Any(d => d.Code == "CSPY3003" && d.Text.Contains("'fromText'", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AClassWithOnlyStaticMembersIsWrapped()
    {
        var factory = new PythonClass("Factory", 1, 1, null, true, [Decorated("classmethod", Function("create", Ann("int"), Cls))]);
        var (module, _, code) = Generate([factory]);

        Assert.AreEqual("Factory", module.Classes!.Single().Type.Name);
        StringAssert.Contains(code, "public static long Create()", code);
    }

    [TestMethod]
    public void ARecordsStaticMethodsStillGetNoMember()
    {
        var point = new PythonRecord("Point", RecordKind.Dataclass, 1, 1, [new("x", 2, Ann("int"), null)],
            [Decorated("staticmethod", Function("origin", Ann("Point")))]);
        var file = File() with { Records = [point] };
        WrapperPlanner.Plan("App", "shop", "/p/shop.py", file, out var diagnostics);

        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("'Point.origin' is a staticmethod and gets no C# member", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void NewMakesTheConstructorWhenThereIsNoInit()
    {
        // typeshed's pathlib.PurePath: def __new__(cls, *args: StrPath) -> Self, and no __init__; it has bases too.
        var path = new PythonClass("PurePath", 1, 1, null, true,
        [
            Function("__new__", Ann("PurePath"), Cls, VarArgs("args", Ann("str"))),
            Function("joinpath", Ann("PurePath"), Self, VarArgs("other", Ann("str"))),
        ]);
        var (module, _, code) = Generate([path]);

        var constructor = module.Functions.Single();
        Assert.AreEqual("NewPurePath", constructor.MethodName);
        Assert.AreEqual("PurePath", constructor.PythonName, "it calls the class object, as for __init__");
        StringAssert.Contains(code, "PurePath NewPurePath(params string[]? args);", code);
        StringAssert.Contains(code, "public PurePath Joinpath(params string[]? other)", code);
    }

    [TestMethod]
    public void InitWinsOverNew()
    {
        var both = new PythonClass("Both", 1, 1, null, false,
        [
            Function("__new__", Ann("Both"), Cls, Param("a", Ann("str"))),
            Function("__init__", Ann(None), Self, Param("n", Ann("int"))),
            Function("get", Ann("int"), Self),
        ]);
        var (_, _, code) = Generate([both]);

        StringAssert.Contains(code, "Both NewBoth(long n);", code);
    }

    [TestMethod]
    public void TypedVarArgsAreParamsArraysOfTheItemType()
    {
        var (module, _, code) = Generate([],
            Function("join", Ann("str"), Param("sep", Ann("str")), VarArgs("parts", Ann("str"))),
            Function("mixed", Ann(None), VarArgs("values", Ann(Union(Name("int"), Name("str"))))),
            Function("untyped", Ann(None), VarArgs("values")),
            Function("lists", Ann(None), VarArgs("values", Ann(Name("list", Name("int"))))),
            Function("with_kwargs", Ann(None), VarArgs("values", Ann("int")), Param("options", Ann("typing.Any"), kind: ParameterKinds.VarKeyword)));

        StringAssert.Contains(code, "string Join(string sep, params string[]? parts);", code);
        StringAssert.Contains(code, "if (parts is not null) { foreach (var __item in parts) { __call.Add(StrConverter.Instance, __item); } }", code);
        StringAssert.Contains(code, "void Mixed(params PyObject[]? values);", "a union's items stay PyObjects");
        StringAssert.Contains(code, "void Untyped(params PyObject[]? values);", code);
        StringAssert.Contains(code, "__call.AddRange(values);", code);
        StringAssert.Contains(code, "void Lists(params IEnumerable<long>[]? values);", code);
        StringAssert.Contains(code, "__call.AddConverted(s_listOfInt.ToPython(__item));", code);
        StringAssert.Contains(code, "void WithKwargs(long[]? values = null, IReadOnlyDictionary<string, PyObject>? options = null);",
            "a params array must come last");
        Assert.AreEqual(ArgumentPassing.VarPositional, module.Functions.Single(f => f.PythonName == "join").Parameters[^1].Passing);
    }

    [TestMethod]
    public void AnAsyncFunctionsVarArgsAreNoParamsArray()
    {
        var (_, _, code) = Generate([], Function("gather", Ann("int"), VarArgs("values", Ann("int"))) with { IsAsync = true });

        StringAssert.Contains(code, "Task<long> Gather(long[]? values = null, CancellationToken cancellationToken = default);", code);
    }

    [TestMethod]
    public void ClassConstantsAreStaticPropertiesAndInstanceAttributesInstanceOnes()
    {
        var (module, diagnostics, code) = Generate([Text]);

        var properties = module.Classes!.Single().Properties.ToDictionary(p => p.PythonName);
        Assert.AreEqual("MaxWidth", properties["MAX_WIDTH"].CSharpName, "named like enum members");
        Assert.IsTrue(properties["MAX_WIDTH"].IsStatic);
        Assert.IsFalse(properties["style"].IsStatic);
        Assert.IsFalse(properties.Values.Any(p => p.HasSetter), "attributes are read-only");
        StringAssert.Contains(Flat(code), Flat("""
                /// The Python class attribute <c>shop.Text.MAX_WIDTH</c>.
                /// </summary>
                public static long MaxWidth
                {
                    get
                    {
                        using (GIL.Acquire())
                        {
                            using var __class = PythonClasses.Get("shop", "Text");
                            using var __value = __class.GetAttr("MAX_WIDTH");
                            return IntConverter.Instance.FromPython(__value, "shop.Text.MAX_WIDTH");
                """), code);
        StringAssert.Contains(code, "/// The Python attribute <c>shop.Text.style</c>.\n", code);
        StringAssert.Contains(code, "public string? Style\n", code);
        StringAssert.Contains(code, "using var __value = PythonObject.GetAttr(\"style\");", code);
        StringAssert.Contains(code, "public static IReadOnlyList<string> Markers\n", code);
        StringAssert.Contains(code, "return __class.GetAttr(\"anything\");", "no type: the PyObject itself");
        Assert.IsFalse(diagnostics.Any(d => d.Code == "CSPY3001"), string.Join("\n", diagnostics.Select(d => d.Text)));
    }

    [TestMethod]
    public void AnAttributeWhoseNameIsTakenGetsNoMember()
    {
        var taken = new PythonClass("Taken", 1, 1, null, false,
        [
            Decorated("classmethod", Function("max_size", Ann("int"), Cls)),
            Function("size", Ann("int"), Self),
        ], Attributes:
        [
            Attribute("MAX_SIZE", Ann("int"), "class", line: 7),
            Attribute("size", Ann("int"), "instance"),
            Attribute("dispose", Ann("int"), "instance"),
            Attribute("odd", Ann(Name("numpy.ndarray")), "instance"),
        ]);
        var (module, diagnostics, _) = Generate([taken]);

        var properties = module.Classes!.Single().Properties;
        CollectionAssert.AreEqual(new[] { "Dispose_", "Odd" }, properties.Select(p => p.CSharpName).ToArray(),
            "a def replaces the attribute of its name; a reserved name takes the trailing '_'");
        Assert.IsTrue(diagnostics.Any(d => d.Line == 7 && d.Text.Contains("'Taken.MAX_SIZE' would become the C# member 'MaxSize'", StringComparison.Ordinal)));
        Assert.IsTrue(diagnostics.Any(d => d.Code == "CSPY3001" && d.Text.Contains("attribute shop.Taken.odd", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AClassWithOnlyAnnotatedAttributesIsWrapped()
    {
        var config = new PythonClass("Config", 1, 1, null, false, [], Attributes: [Attribute("LEVEL", Ann("int"), "class")]);
        var (module, _, code) = Generate([config]);

        Assert.AreEqual(1, module.Classes!.Count);
        StringAssert.Contains(code, "public static long Level\n", code);
    }
}
