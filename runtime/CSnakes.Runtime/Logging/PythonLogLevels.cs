using Microsoft.Extensions.Logging;

namespace CSnakes.Runtime.Logging;

/// <summary>Maps Python's numeric logging levels to <see cref="LogLevel"/> and back.</summary>
internal static class PythonLogLevels
{
    public const int Debug = 10;
    public const int Info = 20;
    public const int Warning = 30;
    public const int Error = 40;
    public const int Critical = 50;

    /// <summary>Custom Python levels fall to the nearest standard level below them (15 → Debug).</summary>
    public static LogLevel ToLogLevel(long levelno) => levelno switch
    {
        < Debug => LogLevel.Trace,
        < Info => LogLevel.Debug,
        < Warning => LogLevel.Information,
        < Error => LogLevel.Warning,
        < Critical => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    /// <summary>The lowest Python level that maps to <paramref name="level"/> (Trace → 1, so NOTSET stays off).</summary>
    public static int FromLogLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => 1,
        LogLevel.Debug => Debug,
        LogLevel.Information => Info,
        LogLevel.Warning => Warning,
        LogLevel.Error => Error,
        LogLevel.Critical => Critical,
        _ => Critical + 1,
    };
}
