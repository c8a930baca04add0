using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/WebSample built once per run, and a running instance of its web app on 127.0.0.1
/// with a free port, its console output collected as it arrives.
/// </summary>
public sealed class WebSampleProcess : IDisposable
{
    private static readonly Lazy<BuiltWorkspace> s_built = new(() =>
    {
        var workspace = E2EEnvironment.CreateWorkspace("WebSample");
        var build = DotNetCli.Run(workspace, "build", "WebApp", "-nodeReuse:false");
        return new BuiltWorkspace(workspace, build);
    });

    private readonly Process _process;
    private readonly ProcessOutput _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebSampleProcess(string binDirectory, string assembly, int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json) is the working directory.
            WorkingDirectory = binDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _output.Attach(_process, line =>
        {
            if (line.Contains("Now listening on:", StringComparison.Ordinal))
            {
                _listening.TrySetResult();
            }
        });
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public string Output => _output.Text;

    /// <summary>Waits (bounded) until the app has printed <paramref name="text"/>; the console logger writes asynchronously.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout) => _output.WaitFor(text, timeout);

    public static BuiltWorkspace Build() => s_built.Value;

    public static string BinDirectory(BuiltWorkspace built) => Path.Combine(built.Directory, "WebApp", "bin", "Debug", "net10.0");

    /// <summary>Starts the app and waits until Kestrel says it is listening.</summary>
    public static WebSampleProcess Start(BuiltWorkspace built) => Start(BinDirectory(built), "WebApp.dll");

    /// <summary>Starts any built web app (<paramref name="assembly"/> in <paramref name="binDirectory"/>) and waits until it listens.</summary>
    public static WebSampleProcess Start(string binDirectory, string assembly)
    {
        var app = new WebSampleProcess(binDirectory, assembly, FreePort());
        var ready = Task.WhenAny(app._listening.Task, app._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1))).Result;
        if (ready != app._listening.Task)
        {
            string output = app.Output;
            app.Dispose();
            Assert.Fail($"The web app did not start listening:\n{output}");
        }

        return app;
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd would to stop the app.</summary>
    public void Terminate()
    {
        var kill = DotNetCli.RunProgram("kill", "/", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(0, kill.ExitCode, kill.ToString());
    }

    /// <summary>Waits for the process to exit; null when it is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
