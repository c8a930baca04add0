using CSnakes.Runtime;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Tests;
using Microsoft.Extensions.DependencyInjection;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

// What the generator emits for each module, written by hand here for the fixtures module.
[assembly: PythonModule("fixtures", typeof(IFixturesModule), typeof(FixturesModuleExtensions), "FixturesModule")]

namespace CSnakes.Runtime.Tests;

public interface IFixturesModule
{
    long Add(long a, long b);
}

public static class FixturesModuleExtensions
{
    public static IFixturesModule FixturesModule(this IPythonEnvironment env) => env.GetModule<IFixturesModule>("fixtures", m => new FixturesModuleWrapper(m));

#pragma warning disable CA2255 // As generated: the registration is what this module initializer is for.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void __RegisterPythonModule() => PythonModuleRegistry.Register<IFixturesModule>("fixtures", static env => FixturesModule(env));
#pragma warning restore CA2255

    private sealed class FixturesModuleWrapper(PyObject module) : IFixturesModule
    {
        private readonly PyObject _add = module.GetAttr("add");

        public long Add(long a, long b)
        {
            using (GIL.Acquire())
            {
                using var pa = IntConverter.Instance.ToPython(a);
                using var pb = IntConverter.Instance.ToPython(b);
                using var result = _add.Call([pa, pb]);
                return IntConverter.Instance.FromPython(result, "fixtures.add");
            }
        }
    }
}

[TestClass]
public sealed class DependencyInjectionTests
{
    [TestMethod]
    public void AddPythonRegistersTheEnvironmentAndEveryGeneratedModule()
    {
        var services = new ServiceCollection().AddPython(Env);
        using var provider = services.BuildServiceProvider();
        Assert.AreSame(Env, provider.GetRequiredService<IPythonEnvironment>());
        var module = provider.GetRequiredService<IFixturesModule>();
        Assert.AreEqual(5L, module.Add(2, 3));
        Assert.AreSame(Env.FixturesModule(), module);
    }

    [TestMethod]
    public void TheModuleInitializerRegisteredTheFixturesModuleOnce()
    {
        // A second registration of one interface (e.g. a library initialized twice) must not register it twice.
        PythonModuleRegistry.Register<IFixturesModule>("fixtures", static env => env.FixturesModule());

        var registered = PythonModuleRegistry.Modules.Where(m => m.ModuleInterface == typeof(IFixturesModule)).ToList();
        Assert.AreEqual(1, registered.Count);
        Assert.AreEqual("fixtures", registered[0].ModuleName);
        Assert.AreSame(Env.FixturesModule(), registered[0].Create(Env));
    }

    [TestMethod]
    public void AddPythonRegistersEachModuleInterfaceOnce()
    {
        var services = new ServiceCollection().AddPython(Env);

        Assert.AreEqual(1, services.Count(d => d.ServiceType == typeof(IFixturesModule)));
    }

    [TestMethod]
    public void AddPythonInterpreterPoolRegistersAPoolTheContainerDisposes()
    {
        var services = new ServiceCollection().AddPython(Env).AddPythonInterpreterPool(2);
        PythonInterpreterPool pool;
        using (var provider = services.BuildServiceProvider())
        {
            if (Env.Version <= new Version(3, 13, 0))
            {
                Assert.ThrowsExactly<NotSupportedException>(() => provider.GetRequiredService<PythonInterpreterPool>());
                return;
            }

            pool = provider.GetRequiredService<PythonInterpreterPool>();
            Assert.AreSame(pool, provider.GetRequiredService<PythonInterpreterPool>());
            Assert.AreEqual(2, pool.Workers);
            // The generated module interfaces work in its work too.
            Assert.AreEqual(5L, pool.Run(py => py.FixturesModule().Add(2, 3)));
        }

        Assert.IsTrue(pool.IsDisposed, "the container did not dispose the pool");
        Assert.IsFalse(Env.IsDisposed, "the container disposed an environment it did not make");
    }
}
