using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class PyCallTests
{
    [TestMethod]
    public void PositionalKeywordAndExtraArgumentsReachPython()
    {
        using var kinds = Fixtures.GetAttr("kinds");
        using var z = PyObject.From("z");
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(3)]);
            try
            {
                call.Add(IntConverter.Instance, 1);
                call.Add(StrConverter.Instance, "two");
                call.AddRange([z]);
                call.AddKeyword("c", FloatConverter.Instance, 1.5);
                call.AddKeywords(new Dictionary<string, PyObject> { ["extra"] = z });
                using var result = call.InvokeObject(kinds);
                Assert.AreEqual("{'a': 1, 'b': 'two', 'args': ['z'], 'c': 1.5, 'd': 4, 'kwargs': {'extra': 'z'}}", result.Repr());
            }
            finally
            {
                call.Dispose();
            }
        }
    }

    [TestMethod]
    public void ResultIsConvertedAndALieNamesTheFunction()
    {
        using var add = Fixtures.GetAttr("add");
        using var identity = Fixtures.GetAttr("identity");
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(2)]);
            call.Add(IntConverter.Instance, 40);
            call.Add(IntConverter.Instance, 2);
            Assert.AreEqual(42L, call.Invoke(add, IntConverter.Instance, "fixtures.add"));
            call.Dispose();

            var lie = new PyCall(stackalloc nint[PyCall.SlotsFor(1)]);
            lie.Add(StrConverter.Instance, "not an int");
            InvalidCastException? e = null;
            try
            {
                lie.Invoke(identity, IntConverter.Instance, "fixtures.identity");
            }
            catch (InvalidCastException caught)
            {
                e = caught;
            }

            lie.Dispose();
            Assert.IsNotNull(e);
            StringAssert.Contains(e.Message, "fixtures.identity");
            StringAssert.Contains(e.Message, "'int'");
            StringAssert.Contains(e.Message, "'str'");
        }
    }

    [TestMethod]
    public void ArgumentsAreReleasedExactlyOnceEvenWhenTheCallRaises()
    {
        using var sys = Env.Import("sys");
        using var getRefCount = sys.GetAttr("getrefcount");
        using var marker = Call("make_bag");
        using var raise = Fixtures.GetAttr("raise_value_error");
        long Count() { using var c = getRefCount.Call([marker]); return c.As<long>(); }
        long before = Count();
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(1)]);
            call.Add(PyObjectConverter.Instance, marker);
            bool raised = false;
            try
            {
                call.Invoke(raise);
            }
            catch (PythonInvocationException)
            {
                raised = true;
            }

            Assert.IsTrue(raised);
            call.Dispose();
            call.Dispose();
        }

        Assert.AreEqual(before, Count());
    }

    [TestMethod]
    public void TooManyArgumentsForTheStorageIsAClearError()
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(1)]);
            call.Add(IntConverter.Instance, 1);
            try
            {
                call.Add(IntConverter.Instance, 2);
                Assert.Fail("expected InvalidOperationException");
            }
            catch (InvalidOperationException e)
            {
                StringAssert.Contains(e.Message, "SlotsFor");
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}
