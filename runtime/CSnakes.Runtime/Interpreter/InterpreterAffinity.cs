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

    /// <summary>
    /// Runs <paramref name="action"/> holding the GIL of <paramref name="owner"/> (null: the main interpreter), from any
    /// thread: directly when the thread is in it; by entering it when the thread is in the main interpreter holding no
    /// GIL; otherwise on a thread of its own, waited for (a thread cannot hold two interpreters' GILs). For callbacks
    /// that run wherever .NET runs them, such as a cancellation token's.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The owner has ended.</exception>
    public static void RunIn(PythonInterpreter? owner, Action action)
    {
        if (!IsForeign(owner))
        {
            using (GIL.Acquire())
            {
                action();
            }

            return;
        }

        if (owner is { HasEnded: true })
        {
            throw new ObjectDisposedException(owner.Name, $"{owner.Name} has ended.");
        }

        if (owner?.Sub is { } sub && !GIL.IsHeld && GIL.CurrentSubInterpreter is null)
        {
            GIL.EnterSubInterpreter(sub.StateForCurrentThread());
            try
            {
                using (GIL.Acquire())
                {
                    action();
                }
            }
            finally
            {
                GIL.LeaveSubInterpreter();
            }

            return;
        }

        Exception? failure = null;
        var helper = new Thread(() =>
        {
            try
            {
                RunIn(owner, action);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = "CSnakes interpreter switch" };
        helper.Start();
        helper.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
