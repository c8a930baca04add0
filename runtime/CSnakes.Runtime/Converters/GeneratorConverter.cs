using CSnakes.Runtime.Iterators;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A Python generator (<c>Generator[TYield, TSend, TReturn]</c>) → <see cref="IGeneratorIterator{TYield, TSend, TReturn}"/>.
/// Only reading is supported: .NET cannot make a Python generator.
/// </summary>
/// <typeparam name="TYield">The yielded type.</typeparam>
/// <typeparam name="TSend">The sent type.</typeparam>
/// <typeparam name="TReturn">The return type.</typeparam>
public sealed class GeneratorConverter<TYield, TSend, TReturn> : PyConverter<IGeneratorIterator<TYield, TSend, TReturn>>
{
    private readonly PyConverter<TYield> _yield;
    private readonly PyConverter<TSend> _send;
    private readonly PyConverter<TReturn> _return;
    private readonly string? _context;

    /// <summary>Creates the converter; <paramref name="context"/> (e.g. <c>module.function</c>) prefixes conversion errors.</summary>
    public GeneratorConverter(PyConverter<TYield> yield, PyConverter<TSend> send, PyConverter<TReturn> @return, string? context = null)
    {
        _yield = yield ?? throw new ArgumentNullException(nameof(yield));
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _return = @return ?? throw new ArgumentNullException(nameof(@return));
        _context = context;
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(IGeneratorIterator<TYield, TSend, TReturn> value) =>
        throw new NotSupportedException("A .NET generator cannot be passed to Python; pass a list instead.");

    /// <inheritdoc/>
    protected internal override IGeneratorIterator<TYield, TSend, TReturn> FromPythonHandle(nint obj)
    {
        using (PyObject candidate = PyObject.FromBorrowed(obj))
        {
            if (!candidate.HasAttr("send") || !candidate.HasAttr("close"))
            {
                throw ConversionErrors.Expected("generator", obj);
            }
        }

        return new GeneratorIterator<TYield, TSend, TReturn>(PyObject.FromBorrowed(obj), _yield, _send, _return, _context);
    }
}
