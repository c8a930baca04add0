namespace CSnakes.Runtime;

/// <summary>Python could not be loaded or started; the message says which file and why.</summary>
public sealed class PythonInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PythonInitializationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PythonInitializationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
