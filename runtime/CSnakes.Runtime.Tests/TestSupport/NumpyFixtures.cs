using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// Calls into python/buffer_numpy.py. numpy is not on PyPI-less machines' pyenv Pythons; CI installs Debian's
/// python3-numpy for the system Python (and Debian testing's for 3.14/3.15), so numpy tests run in those
/// interpreters' passes and are inconclusive (with the reason) wherever numpy is not importable.
/// </summary>
internal static class NumpyFixtures
{
    private static PyObject Module()
    {
        var module = Env.Import("buffer_numpy");
        using var unavailable = module.GetAttr("unavailable");
        using var reason = unavailable.Call();
        if (!reason.IsNone())
        {
            module.Dispose();
            // Any ImportError (not installed; or installed but not built for this interpreter) is a skip, not a failure.
            throw new AssertInconclusiveException($"numpy is not importable for Python {Env.Version}: {reason.As<string>()}");
        }
        return module;
    }

    /// <summary>Calls the fixture <paramref name="name"/>; inconclusive when numpy is not importable.</summary>
    public static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Module();
        using var function = module.GetAttr(name);
        return function.Call(args);
    }
}
