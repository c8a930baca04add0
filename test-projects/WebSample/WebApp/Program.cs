using CSnakes.Runtime;
using Forecast;
using WebApp;

if (args.Contains("--dispose-race"))
{
    return DisposeRace.Run();
}

var builder = WebApplication.CreateBuilder(args);
// The environment from the build's manifest, every generated module (IForecast) for injection,
// and Python's logging records in the same ILogger pipeline as ASP.NET's.
builder.Services.AddPython().WithPythonLogging();
builder.Services.AddSingleton<CSharpForecaster>();
// Scopes on: Python's records of a request show that request's RequestId/TraceId, like ASP.NET's own.
builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);

var app = builder.Build();

try
{
    // Start Python now, so a broken install stops the app at startup rather than failing requests.
    app.Services.GetRequiredService<IPythonEnvironment>();
}
catch (PythonInitializationException e)
{
    app.Logger.LogCritical(e, "Python could not be started");
    await app.DisposeAsync(); // flushes the console logger
    return 2;
}

app.MapPost("/forecast/python", (ForecastRequest request, IForecast forecast) =>
    new ForecastResponse("python", forecast.Predict(request.History, request.Horizon)));

app.MapPost("/forecast/csharp", (ForecastRequest request, CSharpForecaster forecaster) =>
    new ForecastResponse("csharp", forecaster.Predict(request.History, request.Horizon)));

app.Run();
return 0;
