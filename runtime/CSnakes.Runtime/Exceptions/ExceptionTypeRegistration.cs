namespace CSnakes.Runtime;

/// <summary>One <see cref="PythonExceptionTypes.Register"/> call: where the class is found and the .NET type's factory.</summary>
internal sealed record ExceptionTypeRegistration(string Module, string Name, Func<PythonExceptionDetails, PythonInvocationException> Create);
