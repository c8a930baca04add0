using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Counts how often an interpreter is asked; answers with the real probe (or fails, when there is none).</summary>
internal sealed class CountingProbe(IPythonProbe? inner = null) : IPythonProbe
{
    private int calls;

    public int Calls => calls;

    public PythonProbeResult Ask(string executable, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return inner?.Ask(executable, cancellationToken) ?? PythonProbeResult.Failed("this test does not expect any interpreter to be asked");
    }
}
