namespace CSnakes.Runtime;

/// <summary>
/// A running Python generator (<c>Generator[TYield, TSend, TReturn]</c>). Enumerate it like any
/// <see cref="IEnumerable{T}"/> (each step is <c>next(gen)</c>), or drive it with <see cref="Send"/>;
/// once it finishes, <see cref="Return"/> holds the value of its <c>return</c> statement. Disposing it
/// closes the generator (<c>gen.close()</c>, which runs its <c>finally</c> blocks). It is single-pass
/// and not thread-safe; each step takes the GIL and releases it again.
/// </summary>
/// <typeparam name="TYield">The type of the values it yields.</typeparam>
/// <typeparam name="TSend">The type of the values <see cref="Send"/> passes in.</typeparam>
/// <typeparam name="TReturn">The type of its return value.</typeparam>
public interface IGeneratorIterator<TYield, TSend, TReturn> : IEnumerator<TYield>, IEnumerable<TYield>
{
    /// <summary>
    /// Resumes the generator with <paramref name="value"/> as the result of its current <c>yield</c>
    /// and returns the next value it yields. Start a fresh generator with <see cref="System.Collections.IEnumerator.MoveNext"/>
    /// (Python only accepts <c>None</c> as the first value sent).
    /// </summary>
    /// <exception cref="InvalidOperationException">The generator finished instead of yielding (see <see cref="Return"/>).</exception>
    TYield Send(TSend value);

    /// <summary>True once the generator has returned (or was closed).</summary>
    bool IsCompleted { get; }

    /// <summary>The generator's return value.</summary>
    /// <exception cref="InvalidOperationException">The generator has not returned yet.</exception>
    TReturn Return { get; }
}
