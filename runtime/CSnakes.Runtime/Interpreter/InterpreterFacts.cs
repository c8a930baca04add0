namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// What the running interpreter says about itself, read once at start (they cannot change while it runs).
/// </summary>
/// <param name="VersionString">As Python writes it: <c>3.12.1</c>, <c>3.15.0rc2</c>.</param>
/// <param name="ExecutablePath"><c>sys.executable</c>.</param>
/// <param name="Prefix"><c>sys.prefix</c>: the venv when one is in use, else the installation.</param>
/// <param name="BasePrefix"><c>sys.base_prefix</c>: the installation.</param>
internal sealed record InterpreterFacts(string VersionString, string ExecutablePath, string Prefix, string BasePrefix)
{
    /// <summary>The venv in use, or null: a venv is where <c>sys.prefix</c> differs from <c>sys.base_prefix</c>.</summary>
    public string? VirtualEnvironment => Prefix != BasePrefix ? Prefix : null;

    /// <summary>Reads the facts; takes the GIL.</summary>
    public static InterpreterFacts Read()
    {
        using (GIL.Acquire())
        {
            using var sys = PyObject.Steal(Native.CPythonApi.ImportModule("sys"));
            return new InterpreterFacts(VersionOf(sys), Text(sys, "executable"), Text(sys, "prefix"), Text(sys, "base_prefix"));
        }
    }

    private static string Text(PyObject sys, string name)
    {
        using var value = sys.GetAttr(name);
        return value.IsNone() ? "" : value.ToString();
    }

    // platform.python_version()'s spelling from sys.version_info, without importing platform at start.
    private static string VersionOf(PyObject sys)
    {
        using var info = sys.GetAttr("version_info");
        string Field(string name)
        {
            using var field = info.GetAttr(name);
            return field.ToString();
        }
        string release = Field("releaselevel") switch
        {
            "alpha" => "a",
            "beta" => "b",
            "candidate" => "rc",
            _ => "",
        };
        return $"{Field("major")}.{Field("minor")}.{Field("micro")}" + (release.Length > 0 ? release + Field("serial") : "");
    }
}
