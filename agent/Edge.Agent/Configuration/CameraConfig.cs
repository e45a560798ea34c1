using Edge.Imaging;
using Edge.Detection.Frames;
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
    public double ThresholdFor(AlarmConfig alarms, double bundleThreshold) => ConfiguredThreshold(alarms) ?? bundleThreshold;

    /// <summary>The configured threshold: this camera's, else <c>alarms.threshold</c>; null = the bundle's (its class's, else pooled).</summary>
    public double? ConfiguredThreshold(AlarmConfig alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        return Threshold ?? alarms.Threshold;
    }

    /// <summary>Whether a pixel counts for alarms: inside some region of interest, or anywhere when none is set.</summary>
    public bool InRegionOfInterest(double x, double y) => RoiPolygon.InAny(Roi, x, y);

    /// <summary>The part of the frame the model sees, [x, y, width, height] in frame pixels; null = the whole frame.</summary>
    public PixelRect? Crop { get; init; }

    /// <summary>
    /// The product class this camera sees, one of a multi-class bundle's class names (its prior is conditioned on it,
    /// and the bundle's thresholds for that class apply); null: the bundle's first class (the pipeline warns when the
    /// bundle has several).
    /// </summary>
    public string? ProductClass { get; init; }

    /// <summary>The index of this camera's product class in <paramref name="classNames"/>.</summary>
    /// <exception cref="ArgumentException">The class is not one of the bundle's.</exception>
    public int ClassIndexIn(IReadOnlyList<string> classNames)
    {
        try
        {
            return ProductClasses.IndexOf(classNames, ProductClass);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"camera {Name}: {e.Message}", e);
        }
    }

    /// <summary>What this camera's frames are scored with: its crop, ROI, class and configured threshold.</summary>
    public FrameScorerSettings ScorerSettings(AlarmConfig alarms) => new()
    {
        Crop = Crop,
        Roi = Roi,
        ProductClass = ProductClass,
        ImageThreshold = ConfiguredThreshold(alarms),
        Label = $"camera {Name}",
    };

    private static PixelRect? ReadCrop(ConfigReader r)
    {
        if (!r.Has("crop"))
        {
            return null;
        }
        var items = r.Array("crop");
        var values = items.Select(i => i.Item is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var n) ? n : -1).ToList();
        if (values.Count != 4 || values.Any(v => v < 0) || values[2] == 0 || values[3] == 0)
        {
            r.Problem("crop", "must be [x, y, width, height] in frame pixels: whole numbers, x and y >= 0, width and height > 0");
            return null;
        }
        return new PixelRect(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Reads one camera; null when it has a problem (recorded).</summary>
    internal static CameraConfig? Read(ConfigReader r)
    {
        var name = TopicName.Check(r, "name");
        var source = CameraSourceReader.Read(r);
        var supervision = CameraSupervisionReader.Read(r);
        var threshold = r.OptionalDouble("threshold", 0, double.MaxValue);
        var roi = RoiReader.ReadAll(r, "roi");
        var crop = ReadCrop(r);
        var productClass = r.String("class");
        if (productClass is { Length: 0 })
        {
            r.Problem("class", "must be a product class name of the bundle, not empty");
        }
        r.RejectUnknownKeys();
        return name is null || source is null
            ? null
            : new CameraConfig { Name = name, Source = source, Supervision = supervision, Threshold = threshold, Roi = roi, Crop = crop, ProductClass = productClass };
    }
}
