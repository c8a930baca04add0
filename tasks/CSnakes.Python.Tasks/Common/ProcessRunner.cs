using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Runs a child process without a shell and streams its output lines to callbacks as they arrive.
/// Callbacks run on the calling thread (MSBuild loggers are safest used from the task's own thread),
/// one line at a time, in arrival order.
/// </summary>
internal static class ProcessRunner
{
    private static readonly string[] ShellPythonVariables = ["PYTHONHOME", "PYTHONPATH", "PYTHONEXECUTABLE"];

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, ProcessRunOptions? options = null)
    {
        options ??= new ProcessRunOptions();
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (options.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = options.WorkingDirectory;
        }
        // The user's shell may point these at another Python (PYTHONEXECUTABLE even moves sys.prefix, so a venv's
        // python believes it is the system one); the build's interpreters must find only themselves.
        foreach (var name in ShellPythonVariables)
        {
            startInfo.Environment.Remove(name);
        }
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return ProcessResult.FailedToStart(e.Message);
        }
        var lines = new BlockingCollection<OutputLine>();
        var stdoutPump = PumpAsync(process.StandardOutput, isError: false, lines);
        var stderrPump = PumpAsync(process.StandardError, isError: true, lines);
        _ = Task.WhenAll(stdoutPump, stderrPump).ContinueWith(_ => lines.CompleteAdding(), TaskScheduler.Default);
        // Written while the pumps drain the output, so neither pipe can fill up and block the child. Closing stdin
        // (at once when there is nothing to write) keeps a child that reads from it from hanging.
        WriteInput(process, options.StandardInput);

        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, options.CancellationToken);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopped = false;
        try
        {
            foreach (var line in lines.GetConsumingEnumerable(linked.Token))
            {
                if (line.IsError)
                {
                    if (options.CaptureOutput) stderr.AppendLine(line.Text);
                    options.OnStandardError?.Invoke(line.Text);
                }
                else
                {
                    if (options.CaptureOutput) stdout.AppendLine(line.Text);
                    options.OnStandardOutput?.Invoke(line.Text);
                }
            }
            process.WaitForExitAsync(linked.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            stopped = true;
            Kill(process);
        }
        catch
        {
            // A callback failed: do not leave the child running behind the caller's back.
            Kill(process);
            throw;
        }

        if (stopped)
        {
            return new ProcessResult(
                ExitCode: -1,
                StandardOutput: stdout.ToString(),
                StandardError: stderr.ToString(),
                TimedOut: timeout.IsCancellationRequested && !options.CancellationToken.IsCancellationRequested,
                Canceled: options.CancellationToken.IsCancellationRequested,
                StartError: null);
        }
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), false, false, null);
    }

    private static void WriteInput(Process process, string? input)
    {
        try
        {
            if (input is not null)
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(input);
                process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited before reading its input; its exit code and stderr tell why.
        }
    }

    private static async Task PumpAsync(StreamReader reader, bool isError, BlockingCollection<OutputLine> lines)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } text)
        {
            lines.Add(new OutputLine(text, isError));
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already exited.
        }
    }

    private readonly record struct OutputLine(string Text, bool IsError);
}
