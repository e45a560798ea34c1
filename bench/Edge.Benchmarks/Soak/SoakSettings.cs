using System.Globalization;

namespace Edge.Benchmarks.Soak;

/// <summary>The soak's environment variables (bench/README.md): how long, how fast, how often memory is read.</summary>
internal sealed record SoakSettings(double Minutes, double WarmupMinutes, double FramesPerSecond, double SampleSeconds)
{
    public static SoakSettings FromEnvironment()
    {
        var minutes = Number("EDGE_SOAK_MINUTES", 60, 0.5, 7 * 24 * 60);
        // A run shorter than twice the warm-up still compares its second half with its first.
        var warmup = Math.Min(Number("EDGE_SOAK_WARMUP_MINUTES", 5, 0.1, 24 * 60), minutes / 2);
        return new SoakSettings(minutes, warmup, Number("EDGE_SOAK_FPS", 10, 0.1, 200), Number("EDGE_SOAK_SAMPLE_SECONDS", 30, 1, 3600));
    }

    private static double Number(string name, double fallback, double minimum, double maximum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {minimum} to {maximum}, not '{text}'"));
        }
        return value;
    }
}
