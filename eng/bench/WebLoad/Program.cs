// WebLoad <base url> <engine> <clients> <seconds>
// Keeps <clients> concurrent requests going to <base url>forecast/<engine> for <seconds> and prints the number
// of requests per second. Every reply is checked (status, engine, the forecast of a straight line): a fast
// wrong answer is no throughput, so any wrong reply makes the exit code 1.
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: WebLoad <base url> <python|csharp> <clients> <seconds>");
    return 2;
}

var baseAddress = new Uri(args[0]);
string engine = args[1];
int clients = int.Parse(args[2], CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
{
    BaseAddress = baseAddress,
    Timeout = TimeSpan.FromSeconds(60),
};
long done = 0, wrong = 0;
var clock = System.Diagnostics.Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
{
    for (int i = 0; clock.Elapsed < duration; i++)
    {
        // history = a, a+b, … (12 values): the forecast continues the line exactly.
        double a = client, b = i % 17 - 8;
        string history = string.Join(",", Enumerable.Range(0, 12).Select(k => (a + b * k).ToString("R", CultureInfo.InvariantCulture)));
        using var content = new StringContent($"{{\"history\":[{history}],\"horizon\":3}}", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"forecast/{engine}", content);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !IsLine(body, engine, a, b))
        {
            if (Interlocked.Increment(ref wrong) == 1)
            {
                Console.Error.WriteLine($"wrong reply ({(int)response.StatusCode}): {body}");
            }
        }

        Interlocked.Increment(ref done);
    }
})));
double seconds = clock.Elapsed.TotalSeconds;

Console.WriteLine((done / seconds).ToString("F0", CultureInfo.InvariantCulture));
return wrong == 0 ? 0 : 1;

static bool IsLine(string body, string engine, double a, double b)
{
    using var json = JsonDocument.Parse(body);
    if (json.RootElement.GetProperty("engine").GetString() != engine)
    {
        return false;
    }

    var forecast = json.RootElement.GetProperty("forecast").EnumerateArray().Select(e => e.GetDouble()).ToArray();
    return forecast.Length == 3 && forecast.Select((value, k) => Math.Abs(value - (a + b * (12 + k)))).All(d => d < 1e-9);
}
