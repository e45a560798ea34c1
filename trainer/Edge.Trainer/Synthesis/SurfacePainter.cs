namespace Edge.Trainer.Synthesis;

/// <summary>
/// Paints normal surfaces: each product class is a family of textures (its own colours, orientation and
/// frequencies), and each image varies within it (phase, small rotation, brightness, noise), as real parts do.
/// </summary>
internal static class SurfacePainter
{
    public static readonly string[] TextureClasses = ["weave", "grain"];
    public static readonly string[] ObjectClasses = ["washer", "plate"];

    public static void Paint(Canvas canvas, string productClass, Random random)
    {
        switch (productClass)
        {
            case "weave":
                PaintWeave(canvas, random);
                break;
            case "grain":
                PaintGrain(canvas, random);
                break;
            case "washer":
                PaintWasher(canvas, random);
                break;
            case "plate":
                PaintPlate(canvas, random);
                break;
            default:
                throw new ArgumentException($"Unknown product class '{productClass}'.", nameof(productClass));
        }
    }

    /// <summary>A woven fabric: two crossing sinusoid families with a checkered over/under shading.</summary>
    private static void PaintWeave(Canvas canvas, Random random)
    {
        var angle = 0.15f * (random.NextSingle() - 0.5f);
        var period = 6f + random.NextSingle() * 0.6f;
        var phaseX = random.NextSingle() * period;
        var phaseY = random.NextSingle() * period;
        var brightness = 0.9f + 0.2f * random.NextSingle();
        var (cos, sin) = (MathF.Cos(angle), MathF.Sin(angle));
        for (var y = 0; y < canvas.Size; y++)
        {
            for (var x = 0; x < canvas.Size; x++)
            {
                var u = (x * cos - y * sin + phaseX) / period;
                var v = (x * sin + y * cos + phaseY) / period;
                var over = (((int)MathF.Floor(u) + (int)MathF.Floor(v)) & 1) == 0;
                var thread = over ? MathF.Sin(MathF.PI * (u - MathF.Floor(u))) : MathF.Sin(MathF.PI * (v - MathF.Floor(v)));
                var shade = (0.35f + 0.3f * thread + Noise(random, 0.03f)) * brightness;
                canvas.Set(x, y, shade * 0.75f, shade * 0.8f, shade * 1.0f);
            }
        }
    }

    /// <summary>Wood-like grain: bands along one axis, bent by slow waves, with fine streaks.</summary>
    private static void PaintGrain(Canvas canvas, Random random)
    {
        var phase = random.NextSingle() * 10f;
        var bend = 2f + random.NextSingle() * 2f;
        var bendPhase = random.NextSingle() * MathF.Tau;
        var brightness = 0.92f + 0.16f * random.NextSingle();
        for (var y = 0; y < canvas.Size; y++)
        {
            for (var x = 0; x < canvas.Size; x++)
            {
                var warped = y + bend * MathF.Sin(x * 0.05f + bendPhase);
                var band = 0.5f + 0.5f * MathF.Sin(warped * 0.35f + phase);
                var streak = 0.5f + 0.5f * MathF.Sin(warped * 2.1f + phase * 3f);
                var shade = (0.45f + 0.2f * band + 0.06f * streak + Noise(random, 0.025f)) * brightness;
                canvas.Set(x, y, shade * 1.0f, shade * 0.72f, shade * 0.45f);
            }
        }
    }

    /// <summary>A metal washer (a ring) on a dark belt, slightly off-centre, lit from the top left.</summary>
    private static void PaintWasher(Canvas canvas, Random random)
    {
        var c = canvas.Size / 2f;
        var cx = c + (random.NextSingle() - 0.5f) * canvas.Size * 0.06f;
        var cy = c + (random.NextSingle() - 0.5f) * canvas.Size * 0.06f;
        var outer = canvas.Size * (0.36f + 0.02f * random.NextSingle());
        var inner = outer * 0.45f;
        for (var y = 0; y < canvas.Size; y++)
        {
            for (var x = 0; x < canvas.Size; x++)
            {
                var r = MathF.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                var belt = 0.12f + Noise(random, 0.02f);
                var metal = 0.62f + 0.15f * ((cx - x) + (cy - y)) / canvas.Size + 0.04f * MathF.Sin(r * 0.8f) + Noise(random, 0.02f);
                var coverage = Math.Clamp(outer - r + 0.5f, 0f, 1f) * Math.Clamp(r - inner + 0.5f, 0f, 1f);
                var shade = belt + (metal - belt) * coverage;
                canvas.Set(x, y, shade, shade, shade * 1.03f);
            }
        }
    }

    /// <summary>A mounting plate with four holes, slightly shifted and rotated.</summary>
    private static void PaintPlate(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var angle = (random.NextSingle() - 0.5f) * 0.1f;
        var (cos, sin) = (MathF.Cos(angle), MathF.Sin(angle));
        var shift = (random.NextSingle() - 0.5f) * s * 0.04f;
        var half = s * 0.32f;
        var holeRadius = s * 0.045f;
        for (var y = 0; y < s; y++)
        {
            for (var x = 0; x < s; x++)
            {
                var dx = x - s / 2f - shift;
                var dy = y - s / 2f + shift;
                var u = dx * cos - dy * sin;
                var v = dx * sin + dy * cos;
                var inside = Math.Clamp(half - MathF.Abs(u) + 0.5f, 0f, 1f) * Math.Clamp(half - MathF.Abs(v) + 0.5f, 0f, 1f);
                var hu = MathF.Abs(u) - half * 0.7f;
                var hv = MathF.Abs(v) - half * 0.7f;
                var hole = Math.Clamp(MathF.Sqrt(hu * hu + hv * hv) - holeRadius + 0.5f, 0f, 1f);
                var plate = 0.55f + 0.08f * u / s + Noise(random, 0.02f);
                var background = 0.2f + Noise(random, 0.02f);
                var shade = background + (plate - background) * inside * hole;
                canvas.Set(x, y, shade * 0.95f, shade, shade * 0.9f);
            }
        }
    }

    private static float Noise(Random random, float amplitude) => (random.NextSingle() - 0.5f) * 2f * amplitude;
}
