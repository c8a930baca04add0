using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Special methods of a plain class as the C# a .NET developer expects: operators (calling Python's <c>operator</c>
/// module), Count/indexers/IReadOnlyList/IEnumerable, Contains, Invoke, and Enter with a Dispose that exits.
/// </summary>
[TestClass]
public sealed class ProtocolsCodeGenTests
{
    private static PythonParameter Self => Param("self");

    private static PythonFunction Method(string name, PythonAnnotation? returns, params PythonParameter[] parameters) =>
        Function(name, returns, [Self, .. parameters]);

    private static PythonClass Class(string name, params PythonFunction[] methods) =>
        new(name, 1, 1, null, false, [Function("__init__", Ann(None), Self), .. methods]);

    // Code without its indentation, so an expectation can span lines without counting spaces.
    private static string Flat(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()));

    private static (ClassWrapper Class, IReadOnlyList<GenerationDiagnostic> Diagnostics, string Code) Generate(PythonClass pythonClass)
    {
        var file = File() with { Classes = [pythonClass] };
        var module = WrapperPlanner.Plan("App", "shop", "/p/shop.py", file, out var diagnostics);
        return (module.Classes!.Single(), diagnostics, Flat(GeneratedCode.Emit(module, "shop.py")));
    }

    [TestMethod]
    public void OperatorsAreStaticCSharpOperatorsCallingPythonsOperatorModule()
    {
        var (_, _, code) = Generate(Class("Vector",
            Method("__add__", Ann("Vector"), Param("other", Ann("Vector"))),
            Method("__mul__", Ann("Vector"), Param("k", Ann("int"))),
            Method("__neg__", Ann("Vector")),
            Method("__floordiv__", Ann("Vector"), Param("k", Ann("int"))),
            Method("__lshift__", Ann("int"), Param("n", Ann("int")))));

        StringAssert.Contains(code, """
            public static Vector operator +(Vector left, Vector other)
            {
            if (left is null) throw new ArgumentNullException("left", "shop.Vector.__add__() needs a value for its parameter 'self': null is not allowed there (its annotation is not Optional).");
            if (other is null) throw new ArgumentNullException("other",
            """.Replace("\r", ""));
        StringAssert.Contains(code, """
            using var __operator = PythonClasses.Get("operator", "add");
            using var __call = new PyCall(stackalloc nint[PyCall.SlotsFor(2)]);
            __call.Add(Vector.PythonConverter, left);
            __call.Add(Vector.PythonConverter, other);
            return __call.Invoke(__operator, Vector.PythonConverter, "shop.Vector.__add__");
            """.Replace("\r", ""));
        StringAssert.Contains(code, "public static Vector operator *(Vector left, long k)");
        StringAssert.Contains(code, "public static Vector operator -(Vector operand)");
        StringAssert.Contains(code, "public static long operator <<(Vector left, long n)");
        // C# has no //: a method with the wrapper as the left operand.
        StringAssert.Contains(code, """
            public Vector FloorDivide(long k)
            {
            using (GIL.Acquire())
            {
            using var __operator = PythonClasses.Get("operator", "floordiv");
            using var __call = new PyCall(stackalloc nint[PyCall.SlotsFor(2)]);
            __call.Add(Vector.PythonConverter, this);
            """.Replace("\r", ""));
        Assert.IsFalse(code.Contains("override bool Equals"), "no == of its own: reference equality as before");
    }

    [TestMethod]
    public void OverloadedOperatorsGiveOneOperatorPerOverload()
    {
        // typeshed's PurePath.__truediv__(self, key: StrPath) -> Self, spelled as overloads.
        var overload = (PythonFunction f) => f with { Decorators = ["overload"] };
        var (_, _, code) = Generate(Class("Path",
            overload(Method("__truediv__", Ann("Path"), Param("key", Ann("str")))),
            overload(Method("__truediv__", Ann("Path"), Param("key", Ann("Path")))),
            Method("__truediv__", null, Param("key"))));

        StringAssert.Contains(code, "public static Path operator /(Path left, string key)");
        StringAssert.Contains(code, "public static Path operator /(Path left, Path key)");
        Assert.IsFalse(code.Contains("operator /(Path left, PyObject key)"), "the implementation after the overloads is not wrapped");
    }

    [TestMethod]
    public void EqualityComesInPairsWithEqualsAndGetHashCodeFromPython()
    {
        var (_, _, code) = Generate(Class("Point",
            Method("__eq__", Ann("bool"), Param("other", Ann("object"))),
            Method("__hash__", Ann("int"))));

        // __eq__(other: object) compares with a wrapper too; nulls are .NET's business.
        StringAssert.Contains(code, """
            public static bool operator ==(Point? left, Point? other)
            {
            if (left is null || (object?)other is null) return (object?)left == (object?)other;
            """.Replace("\r", ""));
        StringAssert.Contains(code, "public static bool operator !=(Point? left, Point? other)");
        StringAssert.Contains(code, "PythonClasses.Get(\"operator\", \"ne\")");
        StringAssert.Contains(code, "public override bool Equals(object? obj) => obj is Point other && (object.ReferenceEquals(this, other) || PythonObject.Equals(other.PythonObject));");
        StringAssert.Contains(code, "public override int GetHashCode() => PythonObject.GetHashCode();");
    }

    [TestMethod]
    public void OverloadsThatMeetAsTheWrapperGiveOneOperator()
    {
        // xmlrpc.client.DateTime.__eq__(self, other: DateTime | datetime | str | _SupportsTimeTuple): the unmapped protocol is object too.
        var (_, diagnostics, code) = Generate(Class("Stamp",
            Method("__eq__", Ann("bool"), Param("other", Ann(Union(Name("Stamp"), Name("object")))))));

        Assert.AreEqual(1, code.Split("operator ==(").Length - 1, code);
        Assert.AreEqual(1, code.Split("operator !=(").Length - 1, code);
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("take the same C# operand types", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AnOrderingWithoutItsPartnerIsCompletedWhenPythonCanAnswerElseSkipped()
    {
        var (_, diagnostics, code) = Generate(Class("Version",
            Method("__lt__", Ann("bool"), Param("other", Ann("Version"))),
            Method("__le__", Ann("bool"), Param("other", Ann("int")))));

        // a > b of two Versions: Python answers it with b.__lt__(a).
        StringAssert.Contains(code, "public static bool operator <(Version left, Version other)");
        StringAssert.Contains(code, "public static bool operator >(Version left, Version other)");
        StringAssert.Contains(code, "PythonClasses.Get(\"operator\", \"gt\")");
        // a >= 5: no __ge__, and an int has no __le__ for a Version.
        Assert.IsFalse(code.Contains("operator <="), code);
        Assert.IsFalse(code.Contains("operator >="), code);
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("operator <= and operator >= together", StringComparison.Ordinal) && d.Text.Contains("__ge__", StringComparison.Ordinal)),
            string.Join("\n", diagnostics.Select(d => d.Text)));
    }

    [TestMethod]
    public void ReflectedOperatorsGetANoteAndNoMember()
    {
        var (_, diagnostics, code) = Generate(Class("Money", Method("__radd__", Ann("Money"), Param("other", Ann("int")))));

        Assert.IsFalse(code.Contains("operator +"), code);
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("'Money.__radd__' is a reflected or in-place operator", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ASequenceIsAnIReadOnlyListAndItsOwnCountKeepsItsName()
    {
        var (wrapper, diagnostics, code) = Generate(Class("Bag",
            Method("__len__", Ann("int")),
            Method("__getitem__", Ann("str"), Param("index", Ann("int"))),
            Method("__iter__", Ann(Name("typing.Iterator", Name("str")))),
            Method("__contains__", Ann("bool"), Param("item", Ann("str"))),
            Method("count", Ann("int"), Param("item", Ann("str")))));

        Assert.AreEqual(CollectionInterface.ReadOnlyList, wrapper.Protocols!.Collection);
        StringAssert.Contains(code, "public sealed class Bag : IDisposable, IReadOnlyList<string>");
        StringAssert.Contains(code, "public long Count(string item)");
        StringAssert.Contains(code, """
            public int Count_ => checked((int)PythonObject.Length());
            int IReadOnlyCollection<string>.Count => Count_;
            """.Replace("\r", ""));
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("'Bag.__len__' would become the C# member 'Count'", StringComparison.Ordinal)));
        StringAssert.Contains(code, """
            public string this[long index]
            {
            get
            {
            using (GIL.Acquire())
            {
            using var __method = PythonObject.GetAttr("__getitem__");
            """.Replace("\r", ""));
        StringAssert.Contains(code, "string IReadOnlyList<string>.this[int index] => this[index];");
        StringAssert.Contains(code, "public IEnumerator<string> GetEnumerator() => PythonObject.AsEnumerable(StrConverter.Instance).GetEnumerator();");
        StringAssert.Contains(code, "Collections.IEnumerator Collections.IEnumerable.GetEnumerator() => GetEnumerator();");
        StringAssert.Contains(code, "public bool Contains(string item)");
    }

    [TestMethod]
    public void IterationAloneIsIEnumerableOfItsItems()
    {
        // An iterator class: __iter__ returns the class, __next__ gives the items.
        var (wrapper, _, code) = Generate(Class("Countdown",
            Method("__iter__", Ann("Countdown")),
            Method("__next__", Ann("int"))));

        Assert.AreEqual(CollectionInterface.Enumerable, wrapper.Protocols!.Collection);
        StringAssert.Contains(code, "public sealed class Countdown : IDisposable, IEnumerable<long>");
        StringAssert.Contains(code, "public IEnumerator<long> GetEnumerator() => PythonObject.AsEnumerable(IntConverter.Instance).GetEnumerator();");
    }

    [TestMethod]
    public void AMappingLikeClassHasCountAndIndexerButNoCollectionInterface()
    {
        var (wrapper, _, code) = Generate(Class("Scores",
            Method("__len__", Ann("int")),
            Method("__getitem__", Ann("int"), Param("name", Ann("str")))));

        Assert.AreEqual(CollectionInterface.None, wrapper.Protocols!.Collection);
        StringAssert.Contains(code, "public sealed class Scores : IDisposable\n");
        StringAssert.Contains(code, "public int Count => checked((int)PythonObject.Length());");
        StringAssert.Contains(code, "public long this[string name]");
    }

    [TestMethod]
    public void CallIsInvokePlannedLikeAMethod()
    {
        var (_, _, code) = Generate(Class("Greeter",
            Method("__call__", Ann("str"), Param("name", Ann("str")), Param("punctuation", Ann("str"), Literal("str", "!")))));

        StringAssert.Contains(code, "public string Invoke(string name, string punctuation = \"!\")");
        StringAssert.Contains(code, "using var __method = PythonObject.GetAttr(\"__call__\");");
    }

    [TestMethod]
    public void AContextManagerEntersWithEnterAndExitsOnDispose()
    {
        var (_, _, code) = Generate(Class("Session",
            Method("__enter__", Ann("Session")),
            Method("__exit__", Ann(None), Param("exc_type"), Param("exc"), Param("tb"))));

        StringAssert.Contains(code, """
            public Session Enter()
            {
            Session __result = __Enter();
            Volatile.Write(ref __entered, 1);
            return __result;
            }
            """.Replace("\r", ""));
        StringAssert.Contains(code, """
            public void Dispose()
            {
            try
            {
            if (Interlocked.Exchange(ref __entered, 0) == 1)
            {
            using (GIL.Acquire())
            {
            using var __method = PythonObject.GetAttr("__exit__");
            """.Replace("\r", ""));
        StringAssert.Contains(code, """
            finally
            {
            PythonObject.Dispose();
            }
            """.Replace("\r", ""));
    }

    [TestMethod]
    public void EnterWithoutExitIsNoContextManager()
    {
        var (_, _, code) = Generate(Class("Half", Method("__enter__", Ann("Half"))));

        Assert.IsFalse(code.Contains("Enter()"), code);
        StringAssert.Contains(code, "public void Dispose() => PythonObject.Dispose();");
    }
}
