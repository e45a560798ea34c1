using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Supervision;

namespace Edge.Agent.Configuration;

/// <summary>One camera: where frames come from, how it is supervised, and its own alarm settings.</summary>
public sealed record CameraConfig
{
    /// <summary>The camera's name, one MQTT topic level (<c>.../alarms/&lt;name&gt;</c>).</summary>
    public required string Name { get; init; }

    public required CameraSourceSettings Source { get; init; }

    public CameraSupervisorSettings Supervision { get; init; } = new();

    /// <summary>This camera's threshold, overriding the bundle's and <see cref="AlarmConfig.Threshold"/>.</summary>
    public double? Threshold { get; init; }

    /// <summary>Regions of interest; empty means the whole frame.</summary>
    public IReadOnlyList<RoiPolygon> Roi { get; init; } = [];

    /// <summary>The threshold in force: this camera's, else <c>alarms.threshold</c>, else the bundle's.</summary>
    public double ThresholdFor(AlarmConfig alarms, double bundleThreshold)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        return Threshold ?? alarms.Threshold ?? bundleThreshold;
    }

    /// <summary>Whether a pixel counts for alarms: inside some region of interest, or anywhere when none is set.</summary>
    public bool InRegionOfInterest(double x, double y) => RoiPolygon.InAny(Roi, x, y);

    /// <summary>Reads one camera; null when it has a problem (recorded).</summary>
    internal static CameraConfig? Read(ConfigReader r)
    {
        var name = TopicName.Check(r, "name");
        var source = CameraSourceReader.Read(r);
        var supervision = CameraSupervisionReader.Read(r);
        var threshold = r.OptionalDouble("threshold", 0, double.MaxValue);
        var roi = RoiPolygon.ReadAll(r, "roi");
        r.RejectUnknownKeys();
        return name is null || source is null
            ? null
            : new CameraConfig { Name = name, Source = source, Supervision = supervision, Threshold = threshold, Roi = roi };
    }
}
