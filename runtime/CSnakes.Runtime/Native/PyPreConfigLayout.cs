namespace CSnakes.Runtime.Native;

/// <summary>
/// The few facts we need about <c>PyPreConfig</c>: a struct of <c>int</c>s whose order has not
/// changed since 3.8. We only set UTF-8 mode, so that file names, <c>sys.stdout</c> and the
/// file system encoding are UTF-8 even though a .NET process runs in the "C" locale (the
/// isolated pre-config would otherwise leave Python with ASCII).
/// </summary>
internal static class PyPreConfigLayout
{
    /// <summary>Generous size; the real struct is 40–44 bytes.</summary>
    public const int AllocationSize = 256;

    /// <summary>
    /// Index of <c>utf8_mode</c> among the int fields: <c>_config_init, parse_argv, isolated,
    /// use_environment, configure_locale, coerce_c_locale, coerce_c_locale_warn,
    /// [legacy_windows_fs_encoding on Windows], utf8_mode</c>.
    /// </summary>
    public static int Utf8ModeIndex => OperatingSystem.IsWindows() ? 8 : 7;
}
