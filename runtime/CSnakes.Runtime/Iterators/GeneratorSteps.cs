using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Iterators;

/// <summary>
/// A small Python helper that resumes a generator and reports whether it yielded or returned: the
/// return value travels in <c>StopIteration.value</c>, which the C# side cannot read from a translated
/// exception. Compiled once per process with <c>exec</c>. The caller holds the GIL.
/// </summary>
internal static unsafe class GeneratorSteps
{
    private const string Source = """
        def step(generator, value):
            try:
                return (False, generator.send(value))
            except StopIteration as stop:
                return (True, stop.value)
        """;

    private static PyObject? s_step;

    /// <summary><c>(finished, value)</c>: the yielded value, or the return value when finished.</summary>
    public static (bool Finished, PyObject Value) Step(PyObject generator, PyObject value)
    {
        using PyObject result = StepFunction.Call([generator, value]);
        return s_result.FromPython(result);
    }

    private static readonly TupleConverter<bool, PyObject> s_result = new(BoolConverter.Instance, PyObjectConverter.Instance);

    private static PyObject StepFunction => s_step ??= Compile();

    private static PyObject Compile()
    {
        using PyObject builtins = PyObject.Steal(CPythonApi.ImportModule("builtins"));
        using PyObject exec = builtins.GetAttr("exec");
        using PyObject source = StrConverter.Instance.ToPython(Source);
        using PyObject globals = new DictConverter<string, PyObject>(StrConverter.Instance, PyObjectConverter.Instance).ToPython(new Dictionary<string, PyObject>());
        using PyObject ignored = exec.Call([source, globals]);
        using PyObject name = StrConverter.Instance.ToPython("step");
        return globals.GetItem(name);
    }
}
