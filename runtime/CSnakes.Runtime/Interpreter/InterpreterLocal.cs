namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// A Python reference cached once per interpreter (a class looked up on first use, a helper function compiled
/// once): each interpreter has its own objects, so a cache filled in one must never be read in another. The main
/// interpreter's value is a plain field here (as fast as the static it replaced); a sub-interpreter's lives in its
/// <see cref="PythonInterpreter"/> and is released before that interpreter ends. The caller holds the GIL of the
/// interpreter the thread is in.
/// </summary>
internal sealed class InterpreterLocal
{
    private nint _main;

    /// <summary>The value for the interpreter the calling thread is in: 0 until filled, then an owned reference.</summary>
    public ref nint Value
    {
        get
        {
            if (PythonInterpreter.SubInterpretersExist && GIL.CurrentSubInterpreter is { } sub)
            {
                return ref sub.LocalValue(this);
            }

            return ref _main;
        }
    }
}
