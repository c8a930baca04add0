using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Tests.TestSupport;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// A list or dict emptied while it is being converted (by an item's own property or <c>__getattribute__</c>,
/// by a finalizer the garbage collector runs, or by another Python thread the property hands off to) must
/// never crash the process: a list that changed size is an
/// <see cref="InvalidOperationException"/>, a dict converts the snapshot taken when conversion began.
/// Before the fix these were use-after-free reads (SIGSEGV/SIGBUS, or wrong data), so each case runs in
/// a child process, <see cref="Repetitions"/> times, and the parent asserts how the child ended.
/// </summary>
[TestClass]
public sealed class ContainerMutationTests
{
    private const int Repetitions = 5;
    private const int Count = 8;

    private sealed record Fields(long First, long Second);

    [TestMethod]
    [DataRow("list_cleared_by_property")]
    [DataRow("list_cleared_by_thread")]
    [DataRow("dict_cleared_by_property")]
    [DataRow("dict_cleared_by_thread")]
    [DataRow("list_grown_by_property")]
    [DataRow("list_cleared_by_getattribute")]
    [DataRow("dict_cleared_by_finalizer")]
    [DataRow("mapping_with_bad_items")]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void AContainerEmptiedDuringConversionNeverCrashesTheProcess(string caseName)
    {
        var child = ChildTestRun.Run(typeof(ContainerMutationTests).GetMethod(nameof(Child))!, caseName, TimeSpan.FromMinutes(4));
        Assert.AreEqual(0, child.ExitCode, $"The child running {caseName} failed: {child.Describe()}");
        CollectionAssert.AreEqual(Enumerable.Repeat("ok", Repetitions).ToArray(), child.Outcomes, child.Describe());
    }

    /// <summary>The child's side: does nothing in an ordinary run (no case is set).</summary>
    [TestMethod]
    public void Child()
    {
        if (ChildTestRun.Case is not { } caseName)
        {
            return;
        }

        for (int i = 0; i < Repetitions; i++)
        {
            RunCase(caseName);
            ChildTestRun.Report("ok");
        }
    }

    private static void RunCase(string caseName)
    {
        using var module = Env.Import("mutation_fixtures");
        var record = RecordFor(caseName switch
        {
            _ when caseName.Contains("thread", StringComparison.Ordinal) => "HandingOff",
            "list_grown_by_property" => "Growing",
            "list_cleared_by_getattribute" => "ClearingByGetattribute",
            "dict_cleared_by_finalizer" => "Collecting",
            _ => "Clearing",
        });
        using (var function = module.GetAttr(caseName))
        using (var count = PyObject.From((long)Count))
        using (var container = function.Call([count]))
        {
            if (caseName.StartsWith("list", StringComparison.Ordinal))
            {
                var e = Assert.ThrowsExactly<InvalidOperationException>(() => new ListConverter<Fields>(record).FromPython(container));
                StringAssert.Contains(e.Message, "changed size");
            }
            else if (caseName.StartsWith("dict", StringComparison.Ordinal))
            {
                // The snapshot: every item as it was when conversion began, though the dict is empty now.
                var converted = new DictConverter<long, Fields>(IntConverter.Instance, record).FromPython(container);
                var expected = Enumerable.Range(0, Count).ToDictionary(n => (long)n, n => new Fields(n, n * 10L));
                CollectionAssert.AreEquivalent(expected.ToArray(), converted.ToArray());
                Assert.AreEqual(0L, container.Length(), "the fixture did not empty the dict");
            }
            else
            {
                // items() that are not pairs: a clean cast error, never a null item handed to a converter.
                Assert.ThrowsExactly<InvalidCastException>(() => new DictConverter<long, long>(IntConverter.Instance, IntConverter.Instance).FromPython(container));
            }
        }

        using var join = module.GetAttr("join");
        using var joined = join.Call([]);
        Assert.IsTrue(joined.As<bool>(), "the emptying thread did not finish");
    }

    private static RecordConverter<Fields> RecordFor(string className) =>
        new("mutation_fixtures", className, RecordShape.Attributes, ["first", "second"],
            static f => new Fields(IntConverter.Instance.FromPython(f[0]), IntConverter.Instance.FromPython(f[1])),
            static r => throw new NotSupportedException("read only"));
}
