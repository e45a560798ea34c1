namespace Edge.Agent.Configuration;

/// <summary>
/// The shadow run: before a new model goes live it scores the live frames beside the active one for
/// <see cref="Seconds"/>, and it is promoted only if its alarm rate and score distribution on those frames stay
/// within these bounds. Scores are compared relative to each model's own threshold (1.0 = at the threshold).
/// </summary>
public sealed record ShadowConfig
{
    /// <summary>Length of the shadow run; 0 switches at once after validation.</summary>
    public double Seconds { get; init; }

    /// <summary>Frames the new model must have scored for a verdict; fewer fails the update (nothing to judge by).</summary>
    public int MinFrames { get; init; } = 20;

    /// <summary>The new model's share of frames over its threshold may exceed the active model's by at most this.</summary>
    public double MaxAlarmRateIncrease { get; init; } = 0.02;

    /// <summary>The medians of the two models' relative scores may differ by at most this.</summary>
    public double MaxMedianShift { get; init; } = 0.5;

    public bool Enabled => Seconds > 0;

    internal static ShadowConfig Read(ConfigReader r)
    {
        var config = new ShadowConfig
        {
            Seconds = r.Double("seconds", 0, 0, 7 * 86_400),
            MinFrames = r.Int("minFrames", 20, 1, 1_000_000),
            MaxAlarmRateIncrease = r.Double("maxAlarmRateIncrease", 0.02, 0, 1),
            MaxMedianShift = r.Double("maxMedianShift", 0.5, 0, 1000),
        };
        r.RejectUnknownKeys();
        return config;
    }
}
