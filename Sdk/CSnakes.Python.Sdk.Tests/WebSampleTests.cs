using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/WebSample: an ASP.NET Core minimal API whose endpoint gets the generated IForecast by
/// injection, with Python's logging in the app's ILogger output.
/// </summary>
[TestClass]
public sealed class WebSampleTests
{
    private static WebSampleProcess? s_app;
    private static HttpClient? s_client;

    public TestContext TestContext { get; set; } = null!;

    private static HttpClient Client => s_client ?? throw new InvalidOperationException("the app did not start");

    [ClassInitialize]
    public static void BuildAndStart(TestContext context)
    {
        var built = WebSampleProcess.Build();
        context.WriteLine(built.FirstBuild.ToString());
        Assert.AreEqual(0, built.FirstBuild.ExitCode, $"building the web sample failed:\n{built.FirstBuild}");
        s_app = WebSampleProcess.Start(built);
        s_client = new HttpClient { BaseAddress = s_app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_client?.Dispose();
        s_app?.Dispose();
    }

    private sealed record ForecastResponse(string Engine, double[] Forecast);

    private static async Task<ForecastResponse> PostForecast(HttpClient client, string engine, double[] history, int horizon)
    {
        using var response = await client.PostAsJsonAsync($"forecast/{engine}", new { history, horizon });
        string body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return System.Text.Json.JsonSerializer.Deserialize<ForecastResponse>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    /// <summary>history = a, a+b, a+2b, … (n values): the trend continues exactly.</summary>
    private static (double[] History, double[] Expected) Line(double a, double b, int n, int horizon) =>
        (Enumerable.Range(0, n).Select(k => a + b * k).ToArray(), Enumerable.Range(n, horizon).Select(k => a + b * k).ToArray());

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.AreEqual(expected.Length, actual.Length, what);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-9, $"{what}[{i}]");
        }
    }

    [TestMethod]
    public async Task ForecastEndpointReturnsPythonsResultAsJson()
    {
        using var response = await Client.PostAsJsonAsync("forecast/python", new { history = new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }, horizon = 3 });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual("python", (string?)json["engine"]);
        CollectionAssert.AreEqual(new[] { 6.0, 7.0, 8.0 }, json["forecast"]!.AsArray().Select(n => (double)n!).ToArray());
    }

    [TestMethod]
    public async Task PythonLoggingReachesTheAppsLogOutput()
    {
        await PostForecast(Client, "python", [10, 20, 30, 40, 50, 60, 70], 4);
        Assert.IsTrue(s_app!.WaitForOutput("forecast of 4 points from 7 values", TimeSpan.FromSeconds(30)), s_app.Output);
        string output = s_app.Output;
        StringAssert.Contains(output, "info: Python.forecast[0]");
        StringAssert.Contains(output, "forecast of 4 points from 7 values");
        // The request's scope (IncludeScopes in Program.cs) is on Python's record, as on ASP.NET's own.
        var lines = output.Split('\n');
        int message = Array.FindIndex(lines, l => l.Contains("forecast of 4 points from 7 values", StringComparison.Ordinal));
        int header = Array.FindLastIndex(lines, message, l => l.StartsWith("info: Python.forecast[0]", StringComparison.Ordinal));
        Assert.IsTrue(header >= 0, output);
        StringAssert.Contains(string.Join("\n", lines[header..message]), "RequestPath:/forecast/python", "the Python record carries the request's scope:\n" + string.Join("\n", lines[Math.Max(0, header - 8)..Math.Min(lines.Length, message + 3)]));
    }

    [TestMethod]
    public async Task APythonExceptionIsA500WithTheTracebackLoggedAndTheNextRequestWorks()
    {
        using (var failed = await Client.PostAsJsonAsync("forecast/python", new { history = new[] { 1.0 }, horizon = 3 }))
        {
            Assert.AreEqual(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        var next = await PostForecast(Client, "python", [2, 4], 1);
        CollectionAssert.AreEqual(new[] { 6.0 }, next.Forecast);

        Assert.IsTrue(s_app!.WaitForOutput("ValueError: history needs at least two values, got 1\n", TimeSpan.FromSeconds(30)), s_app.Output);
        string output = s_app.Output;
        // The logged exception is the .NET type of the Python class (BuiltinsModule.ValueError), with the Python message.
        StringAssert.Contains(output, "CSnakes.Runtime.BuiltinsModule+ValueError: Python raised ValueError: history needs at least two values, got 1");
        StringAssert.Contains(output, "--- Python traceback ---");
        StringAssert.Contains(output, "forecast.py\", line 13, in predict");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ConcurrentClientsOnBothEndpointsAllGetTheirOwnCorrectResults()
    {
        // Enough overlap for requests to wait on the GIL and interleave with the C# endpoint; how fast they are
        // served is eng/bench/sdk-bench.sh's business. Every request has its own input, so a mixed-up reply shows.
        const int clients = 16, requests = 8;
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (int i = 0; i < requests; i++)
            {
                string engine = (c + i) % 2 == 0 ? "python" : "csharp";
                var (history, expected) = Line(c, i - 4, 12, 3);
                var result = await PostForecast(Client, engine, history, 3);
                if (result.Engine != engine || result.Forecast.Length != expected.Length || result.Forecast.Zip(expected).Any(p => Math.Abs(p.First - p.Second) > 1e-9))
                {
                    wrong.Add($"client {c} request {i} ({engine}): got {result.Engine} [{string.Join(", ", result.Forecast)}], expected [{string.Join(", ", expected)}]");
                }
            }
        })));

        Assert.IsEmpty(wrong, string.Join("\n", wrong));
    }

    [TestMethod]
    public async Task SigtermUnderLoadShutsDownCleanlyWithExitCodeZero()
    {
        using var app = WebSampleProcess.Start(WebSampleProcess.Build());
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        long succeeded = 0;
        using var enoughDone = new SemaphoreSlim(0);
        var load = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                try
                {
                    var (history, expected) = Line(c, 1, 6, 2);
                    var result = await PostForecast(client, "python", history, 2);
                    AssertClose(expected, result.Forecast, "forecast during shutdown");
                    if (Interlocked.Increment(ref succeeded) == 200)
                    {
                        enoughDone.Release();
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the server has stopped accepting requests
                }
                catch (AssertFailedException) when (app.WaitForExit(TimeSpan.Zero) is not null)
                {
                    return;
                }
            }
        })).ToList();

        Assert.IsTrue(await enoughDone.WaitAsync(TimeSpan.FromMinutes(1)), "the load never got going");
        app.Terminate();
        int? exitCode = app.WaitForExit(TimeSpan.FromSeconds(15));
        await Task.WhenAll(load);

        Assert.IsNotNull(exitCode, $"the app was still running 15 s after SIGTERM ({succeeded} requests had succeeded):\n{app.Output}");
        Assert.AreEqual(0, exitCode, app.Output);
        StringAssert.Contains(app.Output, "Application is shutting down...");
        Assert.IsFalse(app.Output.Contains("Unhandled exception", StringComparison.Ordinal), app.Output);
    }

    [TestMethod]
    public void DisposingTheEnvironmentWhileCallsAreInFlightCompletesOrFailsThemCleanly()
    {
        var run = DotNetCli.Run(WebSampleProcess.BinDirectory(WebSampleProcess.Build()), "WebApp.dll", "--dispose-race");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "disposed=7 other=0 joined=True bridgeStopped=True slowResult=2 laterCallFails=True");
    }

    [TestMethod]
    public void AManifestNamingAMissingLibPythonStopsTheAppWithAMessageNamingIt()
    {
        string source = WebSampleProcess.BinDirectory(WebSampleProcess.Build());
        string copy = Path.Combine(E2EEnvironment.Root, "work", "WebSample-broken-manifest");
        CopyFiles(source, copy);
        string manifestPath = Path.Combine(copy, "Forecast.csnakes.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        string missing = Path.Combine(copy, "no-such-python", "libpython3.99.so");
        manifest["python"]!["libPython"] = missing;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var run = DotNetCli.Run(copy, "WebApp.dll", "--urls", $"http://127.0.0.1:{WebSampleProcess.FreePort()}");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "CSnakes.Runtime.PythonInitializationException");
        StringAssert.Contains(run.Output, missing);
    }

    private static void CopyFiles(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyFiles(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }
}
