namespace WebApp;

/// <summary>The same least-squares trend as forecast.py, in C#: the baseline for the load comparison.</summary>
public sealed class CSharpForecaster(ILogger<CSharpForecaster> logger)
{
    public IReadOnlyList<double> Predict(IReadOnlyList<double> history, int horizon)
    {
        int n = history.Count;
        if (n < 2)
        {
            throw new ArgumentException($"history needs at least two values, got {n}", nameof(history));
        }

        if (horizon < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), $"horizon must be at least 1, got {horizon}");
        }

        double xMean = (n - 1) / 2.0;
        double yMean = history.Average();
        double sxx = 0, sxy = 0;
        for (int x = 0; x < n; x++)
        {
            sxx += (x - xMean) * (x - xMean);
            sxy += (x - xMean) * (history[x] - yMean);
        }

        double slope = sxy / sxx;
        logger.LogInformation("forecast of {Horizon} points from {Count} values", horizon, n);
        var result = new double[horizon];
        for (int i = 0; i < horizon; i++)
        {
            result[i] = yMean + slope * (n + i - xMean);
        }

        return result;
    }
}
