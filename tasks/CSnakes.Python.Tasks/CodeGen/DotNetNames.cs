namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Every .NET type the generated code names, spelled fully qualified from <c>global::</c>. Generated files
/// import no namespace, so a Python class called <c>Task</c>, <c>DateTime</c> or <c>Action</c> (or a type of the
/// app's own) can never be picked up in place of the .NET type.
/// </summary>
internal static class DotNetNames
{
    private const string Runtime = "global::CSnakes.Runtime.";
    private const string Converters = Runtime + "Converters.";
    private const string Collections = "global::System.Collections.Generic.";

    public const string PyObject = Runtime + "PyObject";
    public const string PyCall = Runtime + "PyCall";
    public const string StringBuilder = "global::System.Text.StringBuilder";
    public const string Gil = Runtime + "GIL";
    public const string PythonEnvironment = Runtime + "IPythonEnvironment";
    public const string PythonModuleAttribute = Runtime + "PythonModule";
    public const string PythonModuleRegistry = Runtime + "PythonModuleRegistry";
    public const string GeneratorIterator = Runtime + "IGeneratorIterator";
    public const string PyBuffer = Runtime + "IPyBuffer";
    public const string PythonCoroutine = Runtime + "Async.PythonCoroutine";
    public const string PythonAsyncIterator = Runtime + "Async.PythonAsyncIterator";
    public const string RecordShape = Converters + "RecordShape";
    public const string ReloadableModule = Runtime + "IReloadableModule";
    public const string PythonModuleReload = Runtime + "PythonModuleReload";
    public const string PythonModuleMembers = Runtime + "PythonModuleMembers";
    public const string PythonExceptionTypes = Runtime + "PythonExceptionTypes";
    public const string PythonExceptionDetails = Runtime + "PythonExceptionDetails";
    public const string PythonInvocationException = Runtime + "PythonInvocationException";

    public const string IReadOnlyList = Collections + "IReadOnlyList";
    public const string IReadOnlySet = Collections + "IReadOnlySet";
    public const string IReadOnlyDictionary = Collections + "IReadOnlyDictionary";
    public const string IEnumerable = Collections + "IEnumerable";
    public const string IAsyncEnumerable = Collections + "IAsyncEnumerable";
    public const string IReadOnlyCollection = Collections + "IReadOnlyCollection";
    public const string IEnumerator = Collections + "IEnumerator";
    public const string NonGenericIEnumerable = "global::System.Collections.IEnumerable";
    public const string NonGenericIEnumerator = "global::System.Collections.IEnumerator";
    public const string List = Collections + "List";

    public const string ValueTuple = "global::System.ValueTuple";
    public const string Func = "global::System.Func";
    public const string Action = "global::System.Action";
    public const string IDisposable = "global::System.IDisposable";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string ModuleInitializer = "global::System.Runtime.CompilerServices.ModuleInitializer";
    public const string Volatile = "global::System.Threading.Volatile";
    public const string Interlocked = "global::System.Threading.Interlocked";
    public const string IndexerName = "global::System.Runtime.CompilerServices.IndexerName";

    /// <summary>A type of <c>System</c> (<c>DateTime</c>, <c>Guid</c>, <c>Numerics.BigInteger</c>…).</summary>
    public static string System(string name) => "global::System." + name;

    /// <summary>A converter class of the runtime (<c>IntConverter</c>, <c>ListConverter&lt;T&gt;</c>…).</summary>
    public static string Converter(string name) => Converters + name;
}
