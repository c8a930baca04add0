using static CSnakes.Runtime.Tests.ExceptionHierarchyTests;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// Translating exceptions (the registry's lookups included) leaves no Python reference behind: measured with
/// <c>sys.gettotalrefcount()</c>, which only a debug build of Python has (CSNAKES_TEST_PYTHON=/usr/bin/python3.11d);
/// inconclusive on others.
/// </summary>
[TestClass]
public sealed class ExceptionTranslationLeakTests
{
    [TestMethod]
    public void TranslatingExceptionsLeaksNoReferences()
    {
        using var sys = Env.Import("sys");
        using var debugBuild = Env.ExecuteExpression("hasattr(__import__('sys'), 'gettotalrefcount')");
        if (!debugBuild.As<bool>())
        {
            Assert.Inconclusive("needs a debug build of Python (sys.gettotalrefcount), e.g. CSNAKES_TEST_PYTHON=/usr/bin/python3.11d");
        }

        PythonExceptionTypes.Register("exception_types_fixtures", "MyError", d => new ExceptionTypesFixturesModule.MyError(d));
        using var missing = PyObject.From("/no/such/csnakes/file");

        // Each kind of translation: a built-in, a Python subclass of one, a registered class and its subclass, an
        // unregistered class, a chained pair, a registration whose module is not imported (still pending).
        PythonExceptionTypes.Register("exception_types_never_imported", "Never", d => new ExceptionTypesFixturesModule.Impostor(d));
        void Round()
        {
            foreach (string name in (string[])["ValueError", "Bad", "MyError", "MySubError", "Plain"])
            {
                Assert.Throws<PythonInvocationException>(() => Raise(name));
            }

            Assert.Throws<BuiltinsModule.OSError>(() => CallTypes("open_missing", missing).Dispose());
            Assert.Throws<BuiltinsModule.RuntimeError>(() => CallTypes("raise_with_builtin_cause").Dispose());
        }

        for (int i = 0; i < 5; i++)
        {
            Round(); // warm-up: imports, caches, interned strings
        }

        long before = TotalRefCount(sys);
        const int rounds = 200;
        for (int i = 0; i < rounds; i++)
        {
            Round();
        }

        long after = TotalRefCount(sys);
        // A leak of one reference per translation would be 1,600 (eight translations a round: the chained pair is two); allow for unrelated noise (other threads, caches).
        Assert.IsTrue(after - before < 100, $"total references grew by {after - before} over {rounds * 8} translations");
    }

    private static long TotalRefCount(PyObject sys)
    {
        // Forgotten PyObjects are released by the next thread that takes the GIL after their finalizers ran.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var gc = Env.Import("gc");
        using var collect = gc.GetAttr("collect");
        collect.Call([]).Dispose();
        using var total = sys.GetAttr("gettotalrefcount");
        using var count = total.Call([]);
        return count.As<long>();
    }
}
