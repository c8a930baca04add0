using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>RecordConverter with keys that may be missing (TypedDict NotRequired / total=False).</summary>
[TestClass]
public sealed class TypedDictOptionalKeyTests
{
    private sealed record Job(string Name, long? Retries = null, string? Owner = null);

    private static readonly OptionalConverter<string> OptionalStr = new(StrConverter.Instance);
    private static readonly NullableConverter<long> OptionalInt = new(IntConverter.Instance);

    private static readonly RecordConverter<Job> JobConverter = new("types_records", "Job", RecordShape.Dictionary, ["name", "retries", "owner"],
        static f => new Job(StrConverter.Instance.FromPython(f[0]), OptionalInt.FromPython(f[1]), OptionalStr.FromPython(f[2])),
        static r => [StrConverter.Instance.ToPython(r.Name), OptionalInt.ToPython(r.Retries), OptionalStr.ToPython(r.Owner)],
        omitWhenNone: ["retries", "owner"]);

    private static string Describe(PyObject value)
    {
        using var module = Env.Import("types_records");
        using var function = module.GetAttr("describe");
        using var described = function.Call([value]);
        return described.As<string>();
    }

    [TestMethod]
    public void ANullOptionalKeyIsLeftOutOfTheDict()
    {
        using (GIL.Acquire())
        {
            using var partial = JobConverter.ToPython(new Job("build", Owner: "ann"));
            Assert.AreEqual("dict:{'name': 'build', 'owner': 'ann'}", Describe(partial));
            using var full = JobConverter.ToPython(new Job("build", 3, "ann"));
            Assert.AreEqual("dict:{'name': 'build', 'retries': 3, 'owner': 'ann'}", Describe(full));
        }
    }

    [TestMethod]
    public void AMissingOptionalKeyReadsAsNullButAMissingRequiredKeyIsAnInvalidCast()
    {
        using (GIL.Acquire())
        {
            using var partial = JobConverter.ToPython(new Job("build", 2));
            Assert.AreEqual(new Job("build", 2, null), JobConverter.FromPython(partial));

            using var module = Env.Import("types_records");
            using var incomplete = module.GetAttr("incomplete_options");
            using var empty = incomplete.Call();
            var missing = Assert.ThrowsExactly<InvalidCastException>(() => JobConverter.FromPython(empty));
            StringAssert.Contains(missing.Message, "no key 'name'");
        }
    }

    [TestMethod]
    public void AnOmittedNameThatIsNotAFieldIsRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new RecordConverter<Job>("m", "Job", RecordShape.Dictionary, ["name"],
            static f => new Job("x"), static r => [], omitWhenNone: ["nope"]));
    }
}
