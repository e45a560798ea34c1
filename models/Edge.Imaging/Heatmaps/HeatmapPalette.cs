namespace Edge.Imaging.Heatmaps;

/// <summary>
/// The "jet" colour scale: dark blue (0) through cyan, green, yellow to dark red (1). Each channel is a clamped
/// tent: red = 1.5 - |4t - 3|, green = 1.5 - |4t - 2|, blue = 1.5 - |4t - 1|. Kept as a 256-entry table.
/// </summary>
public static class HeatmapPalette
{
    public const int Entries = 256;

    private static readonly byte[] Jet = BuildJet();

    /// <summary>The colour for <paramref name="t"/> in [0, 1] (clamped; NaN counts as 0).</summary>
    public static (byte R, byte G, byte B) JetColor(float t)
    {
        var index = IndexOf(t) * 3;
        return (Jet[index], Jet[index + 1], Jet[index + 2]);
    }

    /// <summary>Table row for <paramref name="t"/>: nearest of the 256 entries.</summary>
    internal static int IndexOf(float t) => !(t > 0f) ? 0 : t >= 1f ? Entries - 1 : (int)(t * (Entries - 1) + 0.5f);

    internal static ReadOnlySpan<byte> JetTable => Jet;

    private static byte[] BuildJet()
    {
        var table = new byte[Entries * 3];
        for (var i = 0; i < Entries; i++)
        {
            var t = i / (float)(Entries - 1);
            table[3 * i] = Tent(t, 3f);
            table[3 * i + 1] = Tent(t, 2f);
            table[3 * i + 2] = Tent(t, 1f);
        }
        return table;
    }

    private static byte Tent(float t, float centre) => (byte)(Math.Clamp(1.5f - Math.Abs(4f * t - centre), 0f, 1f) * 255f + 0.5f);
}
