namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// The rule that Python objects stay in their interpreter: an object made in a sub-interpreter (its owner) may be
/// used only by a thread running work on that sub-interpreter, and one made in the main interpreter (owner null)
/// only outside pool work. Using it elsewhere would touch it under another interpreter's GIL, so it is refused.
/// </summary>
internal static class InterpreterAffinity
{
    /// <summary>True when the calling thread is not in <paramref name="owner"/> (null: the main interpreter).</summary>
    public static bool IsForeign(PythonInterpreter? owner) =>
        (owner is not null || PythonInterpreter.SubInterpretersExist) && owner != GIL.CurrentSubInterpreter;

    public static PythonInterpreter OwnerOf(PythonInterpreter? owner) => owner ?? PythonInterpreter.Main;

    /// <summary>Throws unless the calling thread is in <paramref name="owner"/>.</summary>
    /// <exception cref="ObjectDisposedException">The owner has ended (its pool was disposed).</exception>
    /// <exception cref="InvalidOperationException">The calling thread is in another interpreter.</exception>
    public static void Check(PythonInterpreter? owner, string what)
    {
        var here = GIL.CurrentSubInterpreter;
        if (owner == here)
        {
            return;
        }

        if (owner is { HasEnded: true })
        {
            throw new ObjectDisposedException(what, $"This {what} belonged to {owner.Name}, which has ended (its interpreter pool was disposed).");
        }

        string where = here is null ? "the main interpreter (outside pool work)" : here.Name;
        throw new InvalidOperationException(
            $"This {what} belongs to {OwnerOf(owner).Name} and cannot be used in {where}: Python objects never cross interpreters. " +
            "Convert it to a .NET value inside the work that made it, and pass .NET values between interpreters.");
    }
}
