using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// What every interpreter of the process gets after it starts, the main one and each pool's sub-interpreters:
/// the app's module folders and site directories on <c>sys.path</c>, <c>threading</c> imported on the thread that
/// made it, and line-buffered output. A sub-interpreter starts from the main interpreter's configuration, which
/// holds none of these (they are made at run time), so each gets them here. The caller holds its GIL.
/// </summary>
internal static class InterpreterSetup
{
    public static unsafe void Configure(PythonEnvironmentOptions options)
    {
        using var sys = PyObject.Steal(CPythonApi.ImportModule("sys"));

        // threading records the thread that first imports it as the main thread, and at
        // finalization waits for that thread's state to go away. Before 3.12 nothing imports it at
        // startup, so a worker thread could become "main" and finalization would wait forever.
        CPythonApi.Py_DecRef(CPythonApi.ImportModule("threading"));

        using (var path = sys.GetAttr("path"))
        using (var insert = path.GetAttr("insert"))
        {
            for (int i = options.ModulePaths.Count - 1; i >= 0; i--)
            {
                using var index = PyObject.From(0L);
                using var folder = PyObject.From(options.ModulePaths[i]);
                insert.Call([index, folder]).Dispose();
            }
        }

        if (options.SiteDirectories.Count > 0)
        {
            using var site = PyObject.Steal(CPythonApi.ImportModule("site"));
            using var addSiteDir = site.GetAttr("addsitedir");
            foreach (string directory in options.SiteDirectories)
            {
                using var folder = PyObject.From(directory);
                addSiteDir.Call([folder]).Dispose();
            }
        }

        // print() output is otherwise block-buffered and lost if the app exits without disposing Python.
        foreach (string stream in new[] { "stdout", "stderr" })
        {
            using var file = sys.GetAttr(stream);
            if (!file.IsNone() && file.HasAttr("reconfigure"))
            {
                using var reconfigure = file.GetAttr("reconfigure");
                using var on = PyObject.From(true);
                try
                {
                    reconfigure.Call([], [new KeywordArg("line_buffering", on)]).Dispose();
                }
                catch (PythonInvocationException)
                {
                    // Not a TextIOWrapper (replaced by the host); leave it alone.
                }
            }
        }
    }
}
