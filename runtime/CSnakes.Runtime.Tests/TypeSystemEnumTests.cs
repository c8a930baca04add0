using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class TypeSystemEnumTests
{
    public enum Color
    {
        Red,
        Green,
    }

    public enum Level
    {
        Low,
        High,
    }

    private static readonly EnumConverter<Color> ColorConverter = new([(Color.Red, "RED"), (Color.Green, "GREEN")], "types_enums", "Color");
    private static readonly EnumConverter<Level> LevelConverter = new([(Level.Low, "LOW"), (Level.High, "HIGH")], "types_enums", "Level");
    private static readonly EnumConverter<Color> StrLiteral = new([(Color.Red, "r"), (Color.Green, "g")]);
    private static readonly EnumConverter<Level> IntLiteral = new([(Level.Low, 1L), (Level.High, 10L)]);

    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("types_enums");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static PyObject Py(string text) => StrConverter.Instance.ToPython(text);

    private static PyObject Py(long number) => IntConverter.Instance.ToPython(number);

    [TestMethod]
    public void PythonEnumMembersRoundTripByName()
    {
        using var green = ColorConverter.ToPython(Color.Green);
        using var isColor = Call("is_color", green);
        Assert.IsTrue(isColor.As<bool>());
        using var back = Call("identity", green);
        Assert.AreEqual(Color.Green, ColorConverter.FromPython(back));

        using var name = Py("RED");
        using var red = Call("color_member", name);
        Assert.AreEqual(Color.Red, ColorConverter.FromPython(red));
    }

    [TestMethod]
    public void IntEnumMembersRoundTrip()
    {
        using var high = LevelConverter.ToPython(Level.High);
        Assert.AreEqual(10L, IntConverter.Instance.FromPython(high));
        Assert.AreEqual(Level.High, LevelConverter.FromPython(high));
    }

    [TestMethod]
    public void APlainValueOrAMemberOfAnotherEnumIsNotAnEnumMember()
    {
        using var plain = Py("red");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => ColorConverter.FromPython(plain));
        StringAssert.Contains(e.Message, "types_enums.Color");
        StringAssert.Contains(e.Message, "'red'");

        using var other = Call("other_red");
        e = Assert.ThrowsExactly<InvalidCastException>(() => ColorConverter.FromPython(other));
        StringAssert.Contains(e.Message, "RED, GREEN");

        using var ten = Py(10);
        Assert.ThrowsExactly<InvalidCastException>(() => LevelConverter.FromPython(ten));
    }

    [TestMethod]
    public void StrLiteralsTravelAsPlainStrings()
    {
        using var green = StrLiteral.ToPython(Color.Green);
        Assert.AreEqual("g", green.As<string>());
        using var r = Py("r");
        Assert.AreEqual(Color.Red, StrLiteral.FromPython(r));
    }

    [TestMethod]
    public void IntLiteralsTravelAsPlainInts()
    {
        using var high = IntLiteral.ToPython(Level.High);
        Assert.AreEqual(10L, IntConverter.Instance.FromPython(high));
        using var one = Py(1);
        Assert.AreEqual(Level.Low, IntLiteral.FromPython(one));
    }

    [TestMethod]
    public void AValueOutsideTheLiteralNamesTheSetAndTheValue()
    {
        using var blue = Py("blue");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => StrLiteral.FromPython(blue, "m.f"));
        StringAssert.Contains(e.Message, "m.f returned");
        StringAssert.Contains(e.Message, "'r', 'g'");
        StringAssert.Contains(e.Message, "'blue'");

        using var two = Py(2);
        e = Assert.ThrowsExactly<InvalidCastException>(() => IntLiteral.FromPython(two));
        StringAssert.Contains(e.Message, "1, 10");
        using var text = Py("1");
        Assert.ThrowsExactly<InvalidCastException>(() => IntLiteral.FromPython(text));
        using var one = Py(1);
        Assert.ThrowsExactly<InvalidCastException>(() => StrLiteral.FromPython(one));
    }

    [TestMethod]
    public void AnUndefinedCSharpValueCannotBeSent()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => StrLiteral.ToPython((Color)42));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ColorConverter.ToPython((Color)42));
    }
}
