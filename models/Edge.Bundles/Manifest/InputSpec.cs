using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// What the encoder takes: an NCHW float tensor of <see cref="Channels"/> x <see cref="Height"/> x <see cref="Width"/>,
/// each channel normalized as <c>(pixel / 255 - Mean[c]) / Std[c]</c>.
/// </summary>
public sealed record InputSpec
{
    public const string NchwLayout = "NCHW";

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>1 (grey) or 3 (RGB).</summary>
    public required int Channels { get; init; }

    /// <summary>Per-channel mean on the [0,1] scale; one value per channel.</summary>
    public required IReadOnlyList<double> Mean { get; init; }

    /// <summary>Per-channel standard deviation on the [0,1] scale; one positive value per channel.</summary>
    public required IReadOnlyList<double> Std { get; init; }

    /// <summary>Always <c>"NCHW"</c> in format version 1.</summary>
    public string Layout { get; init; } = NchwLayout;

    /// <summary>Native-resolution tiles of this input's size; null scores the whole frame resized to the input.</summary>
    public TilingSpec? Tiling { get; init; }

    internal static InputSpec Read(JsonObjectReader r)
    {
        var spec = new InputSpec
        {
            Width = r.Int("width", 1, 16384),
            Height = r.Int("height", 1, 16384),
            Channels = r.Int("channels", 1, 4),
            Mean = r.Array("mean", (e, p) => JsonObjectReader.ReadNumber(e, p, r.Problems, double.MinValue, double.MaxValue)),
            Std = r.Array("std", (e, p) => JsonObjectReader.ReadNumber(e, p, r.Problems, double.Epsilon, double.MaxValue)),
            Layout = r.String("layout"),
            Tiling = r.OptionalObject("tiling", TilingSpec.Read),
        };
        if (spec.Channels is not (1 or 3) && spec.Channels != 0)
        {
            r.Problems.Add(r.PathOf("channels"), $"must be 1 (grey) or 3 (RGB), found {spec.Channels}");
        }
        if (spec.Channels > 0 && spec.Mean.Count != spec.Channels)
        {
            r.Problems.Add(r.PathOf("mean"), $"needs one value per channel ({spec.Channels}), found {spec.Mean.Count}");
        }
        if (spec.Channels > 0 && spec.Std.Count != spec.Channels)
        {
            r.Problems.Add(r.PathOf("std"), $"needs one value per channel ({spec.Channels}), found {spec.Std.Count}");
        }
        if (spec.Layout.Length > 0 && spec.Layout != NchwLayout)
        {
            r.Problems.Add(r.PathOf("layout"), $"must be \"{NchwLayout}\", found \"{spec.Layout}\"");
        }
        if (spec.Tiling is { } tiling)
        {
            CheckTiling(r, spec, tiling);
        }
        return spec;
    }

    /// <summary>Tiles are square tiles of the input's size, so the input must be square and a stride no longer than a tile.</summary>
    private static void CheckTiling(JsonObjectReader r, InputSpec spec, TilingSpec tiling)
    {
        var path = r.PathOf("tiling");
        if (spec.Width > 0 && spec.Height > 0 && spec.Width != spec.Height)
        {
            r.Problems.Add(path, $"needs a square input (tiles are input.width x input.width), found {spec.Width}x{spec.Height}");
        }
        if (spec.Width > 0 && tiling.Stride > spec.Width)
        {
            r.Problems.Add(JsonPaths.Property(path, "stride"), $"must be at most the tile size {spec.Width} (input.width) so no pixel falls between tiles, found {tiling.Stride}");
        }
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("width", Width);
        w.WriteNumber("height", Height);
        w.WriteNumber("channels", Channels);
        w.WriteNumbers("mean", Mean);
        w.WriteNumbers("std", Std);
        w.WriteString("layout", Layout);
        if (Tiling is not null)
        {
            w.WritePropertyName("tiling");
            Tiling.Write(w);
        }
        w.WriteEndObject();
    }
}
