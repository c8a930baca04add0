using static CSnakes.Runtime.Tests.ExceptionHierarchyTests;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>What generated code would write for python/exception_types_fixtures.py and python/exception_types_unimported.py.</summary>
public static class ExceptionTypesFixturesModule
{
    public class MyError(PythonExceptionDetails details) : PythonInvocationException(details);

    public sealed class MyMoreDerivedError(PythonExceptionDetails details) : MyError(details);

    public sealed class InnerError(PythonExceptionDetails details) : BuiltinsModule.LookupError(details);

    public sealed class RegisteredLate(PythonExceptionDetails details) : PythonInvocationException(details);

    public sealed class LateError(PythonExceptionDetails details) : PythonInvocationException(details);

    public sealed class Impostor(PythonExceptionDetails details) : PythonInvocationException(details);
}

/// <summary>PythonExceptionTypes.Register: a module's exception classes become the registered .NET types.</summary>
[TestClass]
public sealed class ExceptionTypeRegistryTests
{
    private const string Module = "exception_types_fixtures";

    [ClassInitialize]
    public static void RegisterFixtures(TestContext _)
    {
        PythonExceptionTypes.Register(Module, "MyError", d => new ExceptionTypesFixturesModule.MyError(d));
        PythonExceptionTypes.Register(Module, "MyMoreDerivedError", d => new ExceptionTypesFixturesModule.MyMoreDerivedError(d));
        PythonExceptionTypes.Register(Module, "Outer.InnerError", d => new ExceptionTypesFixturesModule.InnerError(d));
        PythonExceptionTypes.Register(Module, "FactoryThrowsError", _ => throw new InvalidOperationException("a broken factory"));
        PythonExceptionTypes.Register(Module, "FactoryReturnsNullError", _ => null!);
        PythonExceptionTypes.Register(Module, "not_a_class", d => new ExceptionTypesFixturesModule.Impostor(d));
        PythonExceptionTypes.Register(Module, "NoSuchError", d => new ExceptionTypesFixturesModule.Impostor(d));
        PythonExceptionTypes.Register("exception_types_unimported", "LateError", d => new ExceptionTypesFixturesModule.LateError(d));
    }

    [TestMethod]
    public void ARegisteredClassBecomesItsType()
    {
        var e = Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MyError"));
        Assert.AreEqual("exception_types_fixtures.MyError", e.PythonTypeName);
        Assert.AreEqual("message", e.PythonMessage);
        StringAssert.Contains(e.PythonStackTrace, "raise cls(message)");
    }

    [TestMethod]
    public void APythonSubclassIsCaughtAsTheRegisteredBase()
    {
        var e = Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MySubError"));
        Assert.AreEqual("exception_types_fixtures.MySubError", e.PythonTypeName);
    }

    [TestMethod]
    public void TheMostDerivedRegistrationWins()
    {
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyMoreDerivedError>(() => Raise("MyMoreDerivedError"));
        Assert.Throws<ExceptionTypesFixturesModule.MyError>(() => Raise("MyMoreDerivedError"));
    }

    [TestMethod]
    public void ADottedNameReachesANestedClass()
    {
        var e = Assert.ThrowsExactly<ExceptionTypesFixturesModule.InnerError>(() => CallTypes("raise_inner").Dispose());
        Assert.IsInstanceOfType<BuiltinsModule.LookupError>(e);
    }

    [TestMethod]
    public void AFactoryThatThrowsOrReturnsNullFallsBackToTheBase()
    {
        Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => Raise("FactoryThrowsError"));
        Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => Raise("FactoryReturnsNullError"));
        AssertPythonStillWorks();
    }

    [TestMethod]
    public void RegistrationsOfNoExceptionClassAreHarmless()
    {
        // not_a_class is an int and NoSuchError does not exist: neither stops the translation of anything else.
        Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => Raise("ValueError"));
        Assert.ThrowsExactly<PythonInvocationException>(() => Raise("Plain"));
        AssertPythonStillWorks();
    }

    [TestMethod]
    public void RegisteringAgainKeepsTheFirstRegistration()
    {
        PythonExceptionTypes.Register(Module, "MyError", d => new ExceptionTypesFixturesModule.Impostor(d));
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MyError"));
        Assert.ThrowsExactly<ArgumentException>(() => PythonExceptionTypes.Register("", "X", d => new ExceptionTypesFixturesModule.Impostor(d)));
        Assert.ThrowsExactly<ArgumentNullException>(() => PythonExceptionTypes.Register(Module, "X", null!));
    }

    [TestMethod]
    public void ARegistrationMadeAfterTheModuleWasUsedApplies()
    {
        Assert.ThrowsExactly<PythonInvocationException>(() => Raise("RegisteredLate"));
        PythonExceptionTypes.Register(Module, "RegisteredLate", d => new ExceptionTypesFixturesModule.RegisteredLate(d));
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.RegisteredLate>(() => Raise("RegisteredLate"));
    }

    [TestMethod]
    public void AModuleIsNeverImportedForItsRegistrationButIsUsedOnceImported()
    {
        Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => Raise("ValueError"));
        Assert.IsFalse(IsImported("exception_types_unimported"), "translating an exception imported a registered module");

        using var module = Env.Import("exception_types_unimported");
        using var raiseLate = module.GetAttr("raise_late");
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.LateError>(() => raiseLate.Call([]).Dispose());
    }

    [TestMethod]
    public void AReloadedModulesClassesKeepTheirTypes()
    {
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MyError"));
        CallTypes("reload_me").Dispose();

        // The reload made new class objects under the same names.
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MyError"));
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyError>(() => Raise("MySubError"));
        Assert.ThrowsExactly<ExceptionTypesFixturesModule.MyMoreDerivedError>(() => Raise("MyMoreDerivedError"));
        Assert.ThrowsExactly<BuiltinsModule.KeyError>(() => Raise("Bad"));
    }

    [TestMethod]
    public void ManyThreadsTranslateWhileOthersRegister()
    {
        var expected = new (string Name, Type Type)[]
        {
            ("MyError", typeof(ExceptionTypesFixturesModule.MyError)),
            ("MySubError", typeof(ExceptionTypesFixturesModule.MyError)),
            ("MyMoreDerivedError", typeof(ExceptionTypesFixturesModule.MyMoreDerivedError)),
            ("Bad", typeof(BuiltinsModule.KeyError)),
            ("TimeoutError", typeof(BuiltinsModule.TimeoutError)),
            ("Plain", typeof(PythonInvocationException)),
        };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 60; i++)
            {
                if (t == 0 && i % 10 == 0)
                {
                    // New registrations (for classes that do not exist) while the others translate.
                    PythonExceptionTypes.Register(Module, $"Concurrent{i}Error", d => new ExceptionTypesFixturesModule.Impostor(d));
                }

                var (name, type) = expected[(t + i) % expected.Length];
                try
                {
                    Raise(name);
                    failures.Add($"{name} did not raise");
                }
                catch (Exception e) when (e.GetType() != type)
                {
                    failures.Add($"{name} became {e.GetType()}");
                }
                catch (Exception)
                {
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.IsEmpty(failures, string.Join("\n", failures.Distinct()));
    }

    private static bool IsImported(string module)
    {
        using var name = PyObject.From(module);
        using var result = CallTypes("is_imported", name);
        return result.As<bool>();
    }

    private static void AssertPythonStillWorks()
    {
        using var a = PyObject.From(2L);
        using var b = PyObject.From(3L);
        using var sum = Call("add", a, b);
        Assert.AreEqual(5L, sum.As<long>());
    }
}
