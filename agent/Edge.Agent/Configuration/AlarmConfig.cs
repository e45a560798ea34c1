namespace Edge.Agent.Configuration;

/// <summary>When a run of high scores becomes an alarm and when it ends.</summary>
public sealed record AlarmConfig
{
    /// <summary>Frames over threshold needed among the last <see cref="DebounceN"/> to start an alarm.</summary>
    public int DebounceK { get; init; } = 3;

    public int DebounceN { get; init; } = 5;

    /// <summary>An alarm ends under threshold × (1 − hysteresis), so a score hovering at the threshold does not flap.</summary>
    public double Hysteresis { get; init; } = 0.1;

    /// <summary>How long the score must stay under the end level before the alarm ends.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>After an end, no new alarm on that camera for this long.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An update is sent when the peak grows by more than this fraction of the last one sent.</summary>
    public double UpdateMinRise { get; init; } = 0.05;

    /// <summary>Overrides the bundle's threshold for every camera (a camera's own threshold wins).</summary>
    public double? Threshold { get; init; }

    internal static AlarmConfig Read(ConfigReader r)
    {
        var debounce = r.Object("debounce");
        var k = debounce?.Int("k", 3, 1, 1000) ?? 3;
        var n = debounce?.Int("n", 5, 1, 1000) ?? 5;
        if (k > n)
        {
            debounce!.Problem("k", "must not exceed n");
        }
        debounce?.RejectUnknownKeys();
        var config = new AlarmConfig
        {
            DebounceK = k,
            DebounceN = n,
            Hysteresis = r.Double("hysteresis", 0.1, 0, 0.99),
            Hold = TimeSpan.FromSeconds(r.Double("holdSeconds", 2, 0, 86_400)),
            Cooldown = TimeSpan.FromSeconds(r.Double("cooldownSeconds", 10, 0, 86_400)),
            UpdateMinRise = r.Double("updateMinRise", 0.05, 0, 100),
            Threshold = r.OptionalDouble("threshold", 0, double.MaxValue),
        };
        r.RejectUnknownKeys();
        return config;
    }
}
