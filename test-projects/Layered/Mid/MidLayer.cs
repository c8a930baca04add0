using CSnakes.Runtime;

namespace Mid;

public static class MidLayer
{
    public static string Describe(IPythonEnvironment env) => Inner.InnerLayer.Describe(env, 2);
}
