using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class TypeSystemRecordTests
{
    private sealed record Point(long X, string Label);

    private sealed record Pair(long Left, long Right);

    private sealed record Options(string Name);

    private static readonly RecordConverter<Point> PointConverter = new("types_records", "Point", RecordShape.Attributes, ["x", "label"],
        static f => new Point(IntConverter.Instance.FromPython(f[0]), StrConverter.Instance.FromPython(f[1])),
        static r => [IntConverter.Instance.ToPython(r.X), StrConverter.Instance.ToPython(r.Label)]);

    private static readonly RecordConverter<Pair> PairConverter = new("types_records", "Pair", RecordShape.Attributes, ["left", "right"],
        static f => new Pair(IntConverter.Instance.FromPython(f[0]), IntConverter.Instance.FromPython(f[1])),
        static r => [IntConverter.Instance.ToPython(r.Left), IntConverter.Instance.ToPython(r.Right)]);

    private static readonly RecordConverter<Options> OptionsConverter = new("types_records", "Options", RecordShape.Dictionary, ["name"],
        static f => new Options(StrConverter.Instance.FromPython(f[0])),
        static r => [StrConverter.Instance.ToPython(r.Name)]);

    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("types_records");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    [TestMethod]
    public void ADataclassIsBuiltWithKeywordsAndReadByAttributes()
    {
        using var point = PointConverter.ToPython(new Point(7, "seven"));
        using var described = Call("describe", point);
        Assert.AreEqual("Point:Point(x=7, label='seven')", described.As<string>());

        using var made = Call("make_point");
        Assert.AreEqual(new Point(3, "p"), PointConverter.FromPython(made));
    }

    [TestMethod]
    public void ANamedTupleRoundTrips()
    {
        using var pair = PairConverter.ToPython(new Pair(4, 5));
        using var described = Call("describe", pair);
        Assert.AreEqual("Pair:Pair(left=4, right=5)", described.As<string>());
        using var made = Call("make_pair");
        Assert.AreEqual(new Pair(1, 2), PairConverter.FromPython(made));
    }

    [TestMethod]
    public void ATypedDictTravelsAsAPlainDict()
    {
        using var options = OptionsConverter.ToPython(new Options("n"));
        using var described = Call("describe", options);
        Assert.AreEqual("dict:{'name': 'n'}", described.As<string>());
        Assert.AreEqual(new Options("n"), OptionsConverter.FromPython(options));
    }

    [TestMethod]
    public void AValueOfTheWrongTypeIsAnInvalidCastNamingBothTypes()
    {
        using var pair = Call("make_pair");
        var wrongClass = Assert.ThrowsExactly<InvalidCastException>(() => PointConverter.FromPython(pair));
        StringAssert.Contains(wrongClass.Message, "'types_records.Point'");
        StringAssert.Contains(wrongClass.Message, "'types_records.Pair'");

        using var point = Call("make_point");
        var notDict = Assert.ThrowsExactly<InvalidCastException>(() => OptionsConverter.FromPython(point));
        StringAssert.Contains(notDict.Message, "'types_records.Options'");

        using var empty = Call("incomplete_options");
        var missing = Assert.ThrowsExactly<InvalidCastException>(() => OptionsConverter.FromPython(empty));
        StringAssert.Contains(missing.Message, "no key 'name'");
    }
}
