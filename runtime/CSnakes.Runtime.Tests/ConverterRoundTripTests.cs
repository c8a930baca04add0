using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class ConverterRoundTripTests
{
    private static T RoundTrip<T>(PyConverter<T> converter, T value)
    {
        using var py = converter.ToPython(value);
        using var back = Call("identity", py);
        return converter.FromPython(back);
    }

    private static string PythonTypeOf(PyObject value)
    {
        using var name = Call("type_name", value);
        return StrConverter.Instance.FromPython(name);
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    [DataRow(-1L)]
    [DataRow(long.MaxValue)]
    [DataRow(long.MinValue)]
    [DataRow(4611686018427387904L)]
    public void IntRoundTrips(long value)
    {
        Assert.AreEqual(value, RoundTrip(IntConverter.Instance, value));
        using var py = IntConverter.Instance.ToPython(value);
        Assert.AreEqual("int", PythonTypeOf(py));
    }

    [TestMethod]
    public void IntBeyond64BitsOverflowsWithTheValue()
    {
        using var big = Call("big_int");
        var e = Assert.ThrowsExactly<OverflowException>(() => IntConverter.Instance.FromPython(big));
        StringAssert.Contains(e.Message, "1180591620717411303424");
        using var negative = Call("negative_big_int");
        Assert.ThrowsExactly<OverflowException>(() => IntConverter.Instance.FromPython(negative));
    }

    [TestMethod]
    public void IntRefusesFloatAndStr()
    {
        using var f = FloatConverter.Instance.ToPython(1.5);
        var e = Assert.ThrowsExactly<InvalidCastException>(() => IntConverter.Instance.FromPython(f));
        StringAssert.Contains(e.Message, "'int'");
        StringAssert.Contains(e.Message, "'float'");
        using var s = StrConverter.Instance.ToPython("12");
        Assert.ThrowsExactly<InvalidCastException>(() => IntConverter.Instance.FromPython(s));
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.0)]
    [DataRow(-1.0)]
    [DataRow(3.141592653589793)]
    [DataRow(double.Epsilon)]
    [DataRow(double.MaxValue)]
    [DataRow(double.PositiveInfinity)]
    [DataRow(double.NegativeInfinity)]
    public void FloatRoundTripsAndStaysAFloat(double value)
    {
        Assert.AreEqual(value, RoundTrip(FloatConverter.Instance, value));
        using var py = FloatConverter.Instance.ToPython(value);
        Assert.AreEqual("float", PythonTypeOf(py));
    }

    [TestMethod]
    public void NaNRoundTrips() => Assert.IsTrue(double.IsNaN(RoundTrip(FloatConverter.Instance, double.NaN)));

    [TestMethod]
    public void NegativeZeroKeepsItsSign() => Assert.IsTrue(double.IsNegative(RoundTrip(FloatConverter.Instance, -0.0)));

    [TestMethod]
    public void FloatWidensAnInt()
    {
        using var i = IntConverter.Instance.ToPython(7);
        Assert.AreEqual(7.0, FloatConverter.Instance.FromPython(i));
        using var s = StrConverter.Instance.ToPython("7");
        Assert.ThrowsExactly<InvalidCastException>(() => FloatConverter.Instance.FromPython(s));
        using var none = PyObject.None;
        Assert.ThrowsExactly<InvalidCastException>(() => FloatConverter.Instance.FromPython(none));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("hello")]
    [DataRow("héllo wörld ñ")]
    [DataRow("日本語テキスト")]
    [DataRow("emoji 🐍 and 𝄞 (astral)")]
    [DataRow("embedded\0nul\0chars")]
    public void StrRoundTrips(string value) => Assert.AreEqual(value, RoundTrip(StrConverter.Instance, value));

    [TestMethod]
    public void AstralCharacterIsOnePythonCodePoint()
    {
        using var py = StrConverter.Instance.ToPython("a🐍b");
        using var points = Call("code_points", py);
        CollectionAssert.AreEqual(new long[] { 'a', 0x1F40D, 'b' }, new ListConverter<long>(IntConverter.Instance).FromPython(points).ToArray());
    }

    [TestMethod]
    public void LoneSurrogateSurvivesBothWays()
    {
        string lone = "x\uD800y";
        Assert.AreEqual(lone, RoundTrip(StrConverter.Instance, lone));
        using var points = new ListConverter<long>(IntConverter.Instance).ToPython([0xDC00, 0x41]);
        using var str = Call("string_from_code_points", points);
        Assert.AreEqual("\uDC00A", StrConverter.Instance.FromPython(str));
    }

    [TestMethod]
    [DataRow(255)]
    [DataRow(256)]
    [DataRow(257)]
    [DataRow(4000)]
    public void StringsAroundTheStackBufferSizeRoundTripWithAndWithoutLoneSurrogates(int length)
    {
        // Short strings are transcoded to UTF-8 on the stack, long ones in a pooled array; a lone surrogate
        // (not UTF-8) anywhere sends either kind down the UTF-16 path.
        string mixed = string.Concat(Enumerable.Range(0, length).Select(i => (i % 5) switch { 0 => "ü", 1 => "日", 2 => "a", _ => "z" }));
        string astral = mixed[..^2] + "🐍";
        string lone = mixed[..^1] + "\uDBFF";
        foreach (var value in new[] { mixed, astral, lone })
        {
            Assert.AreEqual(value, RoundTrip(StrConverter.Instance, value));
            using var py = StrConverter.Instance.ToPython(value);
            using var points = Call("code_points", py);
            Assert.AreEqual(value.EnumerateRunes().Count(), new ListConverter<long>(IntConverter.Instance).FromPython(points).Count);
        }
    }

    [TestMethod]
    public void HugeStringRoundTrips()
    {
        string huge = string.Create(5_000_000, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        }) + "ü🐍";
        Assert.AreEqual(huge, RoundTrip(StrConverter.Instance, huge));
    }

    [TestMethod]
    public void BytesRoundTrip()
    {
        byte[] data = [0, 1, 2, 255, 0, 128];
        CollectionAssert.AreEqual(data, RoundTrip(BytesConverter.Instance, data));
        CollectionAssert.AreEqual(Array.Empty<byte>(), RoundTrip(BytesConverter.Instance, []));
        using var fromSpan = BytesConverter.Instance.ToPython(new ReadOnlySpan<byte>(data, 1, 2));
        CollectionAssert.AreEqual(new byte[] { 1, 2 }, BytesConverter.Instance.FromPython(fromSpan));
        using var str = StrConverter.Instance.ToPython("abc");
        Assert.ThrowsExactly<InvalidCastException>(() => BytesConverter.Instance.FromPython(str));
    }

    [TestMethod]
    public void BoolIsStrict()
    {
        Assert.IsTrue(RoundTrip(BoolConverter.Instance, true));
        Assert.IsFalse(RoundTrip(BoolConverter.Instance, false));
        using var one = IntConverter.Instance.ToPython(1);
        var e = Assert.ThrowsExactly<InvalidCastException>(() => BoolConverter.Instance.FromPython(one));
        StringAssert.Contains(e.Message, "'bool'");
        StringAssert.Contains(e.Message, "'int'");
        using var none = PyObject.None;
        Assert.ThrowsExactly<InvalidCastException>(() => BoolConverter.Instance.FromPython(none));
    }

    [TestMethod]
    public void NoneAndOptional()
    {
        var optionalString = new OptionalConverter<string>(StrConverter.Instance);
        Assert.IsNull(RoundTrip(optionalString, null));
        Assert.AreEqual("x", RoundTrip(optionalString, "x"));
        var optionalLong = new NullableConverter<long>(IntConverter.Instance);
        Assert.IsNull(RoundTrip(optionalLong, null));
        Assert.AreEqual(5L, RoundTrip(optionalLong, 5));
        using var none = optionalLong.ToPython(null);
        Assert.IsTrue(none.IsNone());
    }

    [TestMethod]
    public void ListsRoundTripAndAreReadOnly()
    {
        var converter = new ListConverter<long>(IntConverter.Instance);
        long[] values = [1, -2, long.MaxValue, long.MinValue];
        var back = RoundTrip(converter, values);
        CollectionAssert.AreEqual(values, back.ToArray());
        Assert.IsTrue(back is IList<long> { IsReadOnly: true });
        Assert.ThrowsExactly<NotSupportedException>(() => ((IList<long>)back)[0] = 5);
        Assert.AreEqual(0, RoundTrip(converter, []).Count);
        using var fromEnumerable = converter.ToPython(Enumerable.Range(0, 5).Select(i => (long)i * 2));
        CollectionAssert.AreEqual(new long[] { 0, 2, 4, 6, 8 }, converter.FromPython(fromEnumerable).ToArray());
    }

    [TestMethod]
    public void NestedCollectionsRoundTrip()
    {
        var converter = new DictConverter<string, IReadOnlyList<IReadOnlyList<double>>>(
            StrConverter.Instance,
            new ListConverter<IReadOnlyList<double>>(new ListConverter<double>(FloatConverter.Instance)));
        var value = new Dictionary<string, IReadOnlyList<IReadOnlyList<double>>>
        {
            ["a"] = [[1.5, 2.5], []],
            ["🐍"] = [[double.NaN]],
        };
        var back = RoundTrip(converter, value);
        Assert.AreEqual(2, back.Count);
        CollectionAssert.AreEqual(new[] { 1.5, 2.5 }, back["a"][0].ToArray());
        Assert.AreEqual(0, back["a"][1].Count);
        Assert.IsTrue(double.IsNaN(back["🐍"][0][0]));
    }

    [TestMethod]
    public void DictRoundTripsAndRejectsAList()
    {
        var converter = new DictConverter<string, long>(StrConverter.Instance, IntConverter.Instance);
        var back = RoundTrip(converter, new Dictionary<string, long> { ["one"] = 1, ["two"] = 2 });
        Assert.AreEqual(2L, back["two"]);
        using var list = new ListConverter<long>(IntConverter.Instance).ToPython([1]);
        var e = Assert.ThrowsExactly<InvalidCastException>(() => converter.FromPython(list));
        StringAssert.Contains(e.Message, "'dict'");
        StringAssert.Contains(e.Message, "'list'");
    }

    [TestMethod]
    public void ListItemOfTheWrongTypeNamesBothTypes()
    {
        using var mixed = new ListConverter<PyObject>(PyObjectConverter.Instance).ToPython([PyObject.From(1L), PyObject.From("two")]);
        var e = Assert.ThrowsExactly<InvalidCastException>(() => new ListConverter<long>(IntConverter.Instance).FromPython(mixed));
        StringAssert.Contains(e.Message, "'str'");
    }

    [TestMethod]
    public void TuplesOfEveryArityRoundTrip()
    {
        var c1 = new TupleConverter<long>(IntConverter.Instance);
        Assert.AreEqual(new ValueTuple<long>(1), RoundTrip(c1, new ValueTuple<long>(1)));
        var c2 = new TupleConverter<string, double>(StrConverter.Instance, FloatConverter.Instance);
        Assert.AreEqual(("a", 2.5), RoundTrip(c2, ("a", 2.5)));
        var c3 = new TupleConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance);
        Assert.AreEqual((1L, 2L, 3L), RoundTrip(c3, (1L, 2L, 3L)));
        var i = IntConverter.Instance;
        var c7 = new TupleConverter<long, long, long, long, long, long, long>(i, i, i, i, i, i, i);
        Assert.AreEqual((1L, 2L, 3L, 4L, 5L, 6L, 7L), RoundTrip(c7, (1L, 2L, 3L, 4L, 5L, 6L, 7L)));
        var c9 = new TupleConverter<long, long, long, long, long, long, long, (long, string)>(i, i, i, i, i, i, i, new TupleConverter<long, string>(i, StrConverter.Instance));
        var nine = (1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, "nine");
        Assert.AreEqual(nine, RoundTrip(c9, nine));
        using var py = c9.ToPython(nine);
        Assert.AreEqual(9L, py.Length());
    }

    [TestMethod]
    public void TupleOfTheWrongLengthIsRejected()
    {
        var c2 = new TupleConverter<long, long>(IntConverter.Instance, IntConverter.Instance);
        using var three = new TupleConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance).ToPython((1, 2, 3));
        var e = Assert.ThrowsExactly<InvalidCastException>(() => c2.FromPython(three));
        StringAssert.Contains(e.Message, "2 items");
        StringAssert.Contains(e.Message, "3");
    }

    [TestMethod]
    public void DynamicFromAndAsUseTheSameMapping()
    {
        using var list = PyObject.From<IReadOnlyList<long>>([1, 2, 3]);
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, list.As<IReadOnlyList<long>>().ToArray());
        using var tuple = PyObject.From(("x", 1L, true));
        Assert.AreEqual(("x", 1L, true), tuple.As<(string, long, bool)>());
        using var maybe = PyObject.From<long?>(null);
        Assert.IsNull(maybe.As<long?>());
        Assert.ThrowsExactly<NotSupportedException>(() => PyObject.From(new object()));
    }
}
