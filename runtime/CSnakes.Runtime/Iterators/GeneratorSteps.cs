using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Iterators;

/// <summary>
/// A small Python helper that resumes a generator and reports whether it yielded or returned: the
/// return value travels in <c>StopIteration.value</c>, which the C# side cannot read from a translated
/// exception. Compiled once per interpreter with <c>exec</c>. The caller holds the GIL.
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

    // The compiled step function, one per interpreter.
    private static readonly InterpreterLocal s_step = new();

    /// <summary><c>(finished, value)</c>: the yielded value, or the return value when finished.</summary>
    public static (bool Finished, PyObject Value) Step(PyObject generator, PyObject value)
    {
        using PyObject step = PyObject.FromBorrowed(StepFunction());
        using PyObject result = step.Call([generator, value]);
        return s_result.FromPython(result);
    }

    private static readonly TupleConverter<bool, PyObject> s_result = new(BoolConverter.Instance, PyObjectConverter.Instance);

    /// <summary>The step function, borrowed (the cache keeps it). The GIL is held.</summary>
    private static nint StepFunction()
    {
        ref nint cache = ref s_step.Value;
        if (cache == 0)
        {
            cache = Compile().DetachHandle();
        }

        return cache;
    }

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
