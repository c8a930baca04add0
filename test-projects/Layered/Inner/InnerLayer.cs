using CSnakes.Runtime;
using PyLib;

namespace Inner;

public static class InnerLayer
{
    public static string Describe(IPythonEnvironment env, int depth) => env.Layers().Describe(depth);
}
