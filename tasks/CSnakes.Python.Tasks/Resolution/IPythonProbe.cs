namespace CSnakes.Python.Tasks;

/// <summary>Asks an interpreter about itself.</summary>
internal interface IPythonProbe
{
    PythonProbeResult Ask(string executable, CancellationToken cancellationToken);
}
