using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Settings of the inner-metrics scoring (METHOD.md section 3, seed 003).</summary>
public sealed record InnerMetricsSpec
{
    /// <summary>Side in pixels of the square structuring element of the grey dilation of the upsampled alignment map.</summary>
    public int DilationSize { get; init; } = 7;

    /// <summary>Also grey-dilate the (1 - SSIM) map (seed 003 reports this helped on small images).</summary>
    public bool DilateSsim { get; init; }

    public SsimSpec Ssim { get; init; } = new();

    internal static InnerMetricsSpec Read(JsonObjectReader r) => new()
    {
        DilationSize = r.Int("dilationSize", 1, 255),
        DilateSsim = r.Bool("dilateSsim"),
        Ssim = r.Object("ssim", SsimSpec.Read) ?? new SsimSpec(),
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("dilationSize", DilationSize);
        w.WriteBoolean("dilateSsim", DilateSsim);
        w.WritePropertyName("ssim");
        Ssim.Write(w);
        w.WriteEndObject();
    }
}
