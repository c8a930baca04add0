using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>CPython's <c>PyStatus</c>, returned by value from the initialisation API (same layout 3.8–3.14).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyStatus
{
    public int Type;
    public nint Func;
    public nint ErrMsg;
    public int ExitCode;

    public readonly bool IsError => Type != 0;

    public readonly string Describe()
    {
        string func = Marshal.PtrToStringUTF8(Func) ?? "?";
        string message = Marshal.PtrToStringUTF8(ErrMsg) ?? "no message";
        return Type == 2 ? $"Python asked to exit with code {ExitCode} ({func})" : $"{func}: {message}";
    }
}
