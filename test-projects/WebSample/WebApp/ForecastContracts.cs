namespace WebApp;

public sealed record ForecastRequest(double[] History, int Horizon);

public sealed record ForecastResponse(string Engine, IReadOnlyList<double> Forecast);
