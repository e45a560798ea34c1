using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// The per-pixel SSIM of Wang et al. (2004). Seed 003's "c1 = 0.01, c2 = 0.03" are that paper's K1 and K2:
/// the stabilizing constants are C1 = (K1 L)^2 and C2 = (K2 L)^2 with L = <see cref="DataRange"/>
/// (1 for images on [0, 1]).
/// </summary>
public sealed record SsimSpec
{
    public SsimWindowKind Window { get; init; } = SsimWindowKind.Gaussian;

    /// <summary>Odd side of the square window in pixels.</summary>
    public int WindowSize { get; init; } = 11;

    /// <summary>Sigma of the Gaussian window in pixels; ignored by the uniform window.</summary>
    public double Sigma { get; init; } = 1.5;

    public double K1 { get; init; } = 0.01;

    public double K2 { get; init; } = 0.03;

    /// <summary>The dynamic range L of the images compared (1 for [0, 1]).</summary>
    public double DataRange { get; init; } = 1.0;

    internal static SsimSpec Read(JsonObjectReader r)
    {
        var spec = new SsimSpec
        {
            Window = r.Enum("window", ManifestEnumNames.SsimWindows),
            WindowSize = r.Int("windowSize", 1, 63),
            Sigma = r.Number("sigma", double.Epsilon, 32),
            K1 = r.Number("k1", double.Epsilon, 1),
            K2 = r.Number("k2", double.Epsilon, 1),
            DataRange = r.Number("dataRange", double.Epsilon, 65536),
        };
        if (spec.WindowSize % 2 == 0)
        {
            r.Problems.Add(r.PathOf("windowSize"), $"must be odd so the window is centred on its pixel, found {spec.WindowSize}");
        }
        return spec;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("window", ManifestEnumNames.Of(ManifestEnumNames.SsimWindows, Window));
        w.WriteNumber("windowSize", WindowSize);
        w.WriteNumber("sigma", Sigma);
        w.WriteNumber("k1", K1);
        w.WriteNumber("k2", K2);
        w.WriteNumber("dataRange", DataRange);
        w.WriteEndObject();
    }
}
