namespace CSnakes.Python.Tasks.Environments;

/// <summary>What kind of Python environment a folder the user names is.</summary>
internal enum EnvironmentKind
{
    /// <summary>Made by <c>python -m venv</c>, <c>virtualenv</c> or <c>uv venv</c>: has a <c>pyvenv.cfg</c> naming its base interpreter.</summary>
    Venv,

    /// <summary>A conda environment (<c>conda-meta/</c>): a whole Python prefix of its own, libpython included.</summary>
    Conda,

    /// <summary>Any other Python prefix (<c>bin/python3</c> with <c>lib/</c> beside it): pyenv's, a source build's.</summary>
    Prefix,
}

/// <summary>An environment the user already has, used as it is (the build never writes into it).</summary>
/// <param name="Directory">Its folder, full path.</param>
/// <param name="Kind">Venv, conda or plain prefix.</param>
/// <param name="Python">Its interpreter: what <c>Directory/bin/python</c> runs, and what the app must see the same as.</param>
internal sealed record ExistingEnvironment(string Directory, EnvironmentKind Kind, string Python);
