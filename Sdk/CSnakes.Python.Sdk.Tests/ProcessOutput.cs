using System.Diagnostics;
using System.Text;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>A child process's stdout and stderr, collected line by line as they arrive, that a test can wait on.</summary>
public sealed class ProcessOutput
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromSeconds(1);
    private readonly StringBuilder _text = new();

    /// <summary>Everything received so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Collects <paramref name="process"/>'s lines; call before it starts, then BeginOutputReadLine/BeginErrorReadLine.</summary>
    public void Attach(Process process, Action<string>? onLine = null)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Append(e.Data, onLine);
    }

    /// <summary>
    /// Waits until the output contains <paramref name="text"/>, at most <paramref name="timeout"/>; when
    /// <paramref name="hasEnded"/> says the process is gone, waits one more second for its last lines. True when it appeared.
    /// </summary>
    public bool WaitFor(string text, TimeSpan timeout, Func<bool>? hasEnded = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_text)
        {
            while (!_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || (hasEnded?.Invoke() == true && !Monitor.Wait(_text, s_recheck)))
                {
                    return _text.ToString().Contains(text, StringComparison.Ordinal);
                }
                Monitor.Wait(_text, left < s_recheck ? left : s_recheck);
            }
            return true;
        }
    }

    private void Append(string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }
        lock (_text)
        {
            _text.AppendLine(line);
            Monitor.PulseAll(_text);
        }
        onLine?.Invoke(line);
    }
}
