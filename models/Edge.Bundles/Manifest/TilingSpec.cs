using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// Native-resolution tiles (<c>input.tiling</c>): the frame is rescaled by <see cref="Scale"/> and scored as square
/// tiles of the input's size whose origins lie <see cref="Stride"/> pixels apart (the last tile of a row or column
/// aligned to the far edge), and the tiles' maps are blended back into one map of the whole frame. Absent, the whole
/// frame is resized to the input. The tile size is <see cref="InputSpec.Width"/>, which then equals the height.
/// </summary>
public sealed record TilingSpec
{
    /// <summary>The largest <see cref="Scale"/>: more would invent detail the camera never saw.</summary>
    public const double MaxScale = 4;

    /// <summary>Pixels of the rescaled frame between tile origins: 1..tile size.</summary>
    public required int Stride { get; init; }

    /// <summary>Rescale of the frame before it is cut into tiles, in (0, <see cref="MaxScale"/>]; 1 keeps the camera's pixels.</summary>
    public required double Scale { get; init; }

    internal static TilingSpec Read(JsonObjectReader r)
    {
        var stride = r.Int("stride", 1, 16384);
        var before = r.Problems.Count;
        var spec = new TilingSpec { Stride = stride, Scale = r.Number("scale") };
        // (0, 4] is open at 0, which the reader's closed ranges cannot say; checked only for a number that was read.
        if (r.Problems.Count == before && spec.Scale is not (> 0 and <= MaxScale))
        {
            r.Problems.Add(r.PathOf("scale"), FormattableString.Invariant($"must be in (0, {MaxScale}], found {spec.Scale}"));
        }
        return spec;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("stride", Stride);
        w.WriteNumber("scale", Scale);
        w.WriteEndObject();
    }
}
