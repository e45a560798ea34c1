namespace Edge.Trainer.Synthesis.Photos;

/// <summary>
/// Draws one kind of defect onto a crop of a real photograph. Every size is a share of the crop and every colour is
/// either fixed (a hole is near black, a scratch near white) or taken from the picture under the defect, so the same
/// painter serves any photograph; the canvas records which pixels changed.
/// </summary>
internal static class PhotoDefectPainter
{
    // In the order of the test folders; each painter draws one defect of its kind at a random place.
    private static readonly (string Kind, Action<Canvas, Random> Paint)[] Painters =
        [("crack", Crack), ("hole", Hole), ("stain", Stain), ("scratch", Scratch), ("missing", Missing)];

    public static readonly string[] Kinds = Painters.Select(p => p.Kind).ToArray();

    public static void Paint(Canvas canvas, string kind, Random random)
    {
        var painter = Array.Find(Painters, p => p.Kind == kind).Paint
            ?? throw new ArgumentException($"Unknown defect kind '{kind}'; the kinds are {string.Join(", ", Kinds)}.", nameof(kind));
        painter(canvas, random);
    }

    /// <summary>A thin wandering polyline, much darker (or, one time in four, lighter) than the surface under it.</summary>
    private static void Crack(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (x, y) = DefectPainter.InnerPoint(s, random);
        var angle = random.NextSingle() * MathF.Tau;
        var segments = 3 + random.Next(4);
        var segmentLength = s * (0.25f + 0.25f * random.NextSingle()) / segments;
        var points = new List<(float X, float Y)> { (x, y) };
        for (var i = 0; i < segments; i++)
        {
            angle += (random.NextSingle() - 0.5f) * 1.2f;
            (x, y) = (x + MathF.Cos(angle) * segmentLength, y + MathF.Sin(angle) * segmentLength);
            points.Add((x, y));
        }
        var halfWidth = 0.5f + 0.7f * random.NextSingle();
        var lighter = random.Next(4) == 0;
        Stroke(canvas, points, halfWidth, 0.9f, (r, g, b) => lighter
            ? (r + (1f - r) * 0.7f, g + (1f - g) * 0.7f, b + (1f - b) * 0.7f)
            : (r * 0.3f, g * 0.3f, b * 0.3f));
    }

    /// <summary>A near-black blob with an irregular outline and a soft edge.</summary>
    private static void Hole(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var radius = s * (0.03f + 0.04f * random.NextSingle());
        var tone = 0.02f + 0.05f * random.NextSingle();
        Blob(canvas, random, radius, edge: 1f + random.NextSingle(), strength: 1f, (_, _, _) => (tone, tone * 0.9f, tone * 0.8f));
    }

    /// <summary>A faint blotch of a random hue (oil, rust, ink) that keeps the texture under it.</summary>
    private static void Stain(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var radius = s * (0.08f + 0.08f * random.NextSingle());
        var hue = random.NextSingle() * MathF.Tau;
        var (tr, tg, tb) = (Hue(hue, 0f), Hue(hue, 1f), Hue(hue, 2f));
        var strength = 0.25f + 0.2f * random.NextSingle();
        Blob(canvas, random, radius, edge: radius * 0.35f, strength, (r, g, b) =>
        {
            // The stain's hue at the surface's own brightness, so it reads as colour more than as a dark patch.
            var luma = (r + g + b) / 3f;
            return (Math.Clamp(luma + tr - 0.5f, 0f, 1f), Math.Clamp(luma + tg - 0.5f, 0f, 1f), Math.Clamp(luma + tb - 0.5f, 0f, 1f));
        });
    }

    /// <summary>A thin bright line, straight or gently bent.</summary>
    private static void Scratch(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (cx, cy) = DefectPainter.InnerPoint(s, random);
        var angle = random.NextSingle() * MathF.Tau;
        var half = s * (0.15f + 0.15f * random.NextSingle());
        var bend = s * 0.06f * (random.NextSingle() - 0.5f);
        var (dx, dy) = (MathF.Cos(angle), MathF.Sin(angle));
        var points = new List<(float X, float Y)>();
        for (var i = 0; i <= 8; i++)
        {
            var t = i / 4f - 1f;
            var offset = bend * (1f - t * t);
            points.Add((cx + dx * half * t - dy * offset, cy + dy * half * t + dx * offset));
        }
        var tone = 0.9f + 0.1f * random.NextSingle();
        Stroke(canvas, points, 0.4f + 0.5f * random.NextSingle(), 0.75f + 0.2f * random.NextSingle(), (_, _, _) => (tone, tone, tone));
    }

    /// <summary>A rotated rectangle of the surface gone: filled with one flat colour, or with a patch of the crop shifted from elsewhere.</summary>
    private static void Missing(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (cx, cy) = DefectPainter.InnerPoint(s, random);
        var halfW = s * (0.06f + 0.05f * random.NextSingle());
        var halfH = s * (0.04f + 0.04f * random.NextSingle());
        var angle = random.NextSingle() * MathF.PI;
        var (cos, sin) = (MathF.Cos(angle), MathF.Sin(angle));
        var reach = (int)MathF.Ceiling(halfW + halfH);
        var region = new List<(int X, int Y)>();
        for (var y = (int)cy - reach; y <= cy + reach; y++)
        {
            for (var x = (int)cx - reach; x <= cx + reach; x++)
            {
                var u = (x - cx) * cos + (y - cy) * sin;
                var v = -(x - cx) * sin + (y - cy) * cos;
                if ((uint)x < (uint)s && (uint)y < (uint)s && MathF.Abs(u) <= halfW && MathF.Abs(v) <= halfH)
                {
                    region.Add((x, y));
                }
            }
        }
        // Every new colour is worked out from the untouched picture before any pixel changes.
        var colours = random.Next(2) == 0 ? FlatFill(canvas, region, random) : ShiftedPatch(canvas, region, random);
        for (var i = 0; i < region.Count; i++)
        {
            canvas.Replace(region[i].X, region[i].Y, colours[i].R, colours[i].G, colours[i].B);
        }
    }

    private static (float R, float G, float B)[] FlatFill(Canvas canvas, List<(int X, int Y)> region, Random random)
    {
        var (r, g, b) = (0f, 0f, 0f);
        foreach (var (x, y) in region)
        {
            var pixel = canvas.Get(x, y);
            (r, g, b) = (r + pixel.R, g + pixel.G, b + pixel.B);
        }
        var n = Math.Max(1, region.Count);
        (r, g, b) = (r / n, g / n, b / n);
        // Away from the region's mean, towards whichever end has more room.
        var shift = (0.25f + 0.15f * random.NextSingle()) * ((r + g + b) / 3f > 0.5f ? -1f : 1f);
        var fill = (Math.Clamp(r + shift, 0f, 1f), Math.Clamp(g + shift, 0f, 1f), Math.Clamp(b + shift, 0f, 1f));
        return region.Select(_ => fill).ToArray();
    }

    private static (float R, float G, float B)[] ShiftedPatch(Canvas canvas, List<(int X, int Y)> region, Random random)
    {
        var s = canvas.Size;
        int Offset() => (int)(s * (0.2f + 0.15f * random.NextSingle())) * (random.Next(2) == 0 ? -1 : 1);
        var (dx, dy) = (Offset(), Offset());
        return region.Select(p => canvas.Get(((p.X + dx) % s + s) % s, ((p.Y + dy) % s + s) % s)).ToArray();
    }

    /// <summary>
    /// Blends <paramref name="tone"/> (the new colour of a pixel, from its current one) along a polyline, fully within
    /// <paramref name="halfWidth"/> of it and fading out over the next pixel.
    /// </summary>
    private static void Stroke(Canvas canvas, List<(float X, float Y)> points, float halfWidth, float strength, Func<float, float, float, (float R, float G, float B)> tone)
    {
        var margin = halfWidth + 1.5f;
        var (left, right) = ((int)MathF.Floor(points.Min(p => p.X) - margin), (int)MathF.Ceiling(points.Max(p => p.X) + margin));
        var (top, bottom) = ((int)MathF.Floor(points.Min(p => p.Y) - margin), (int)MathF.Ceiling(points.Max(p => p.Y) + margin));
        for (var y = Math.Max(0, top); y <= Math.Min(canvas.Size - 1, bottom); y++)
        {
            for (var x = Math.Max(0, left); x <= Math.Min(canvas.Size - 1, right); x++)
            {
                var distance = float.MaxValue;
                for (var i = 1; i < points.Count; i++)
                {
                    distance = MathF.Min(distance, DistanceToSegment(x, y, points[i - 1], points[i]));
                }
                var coverage = Math.Clamp(halfWidth + 0.5f - distance, 0f, 1f);
                if (coverage > 0f)
                {
                    var (r, g, b) = canvas.Get(x, y);
                    var target = tone(r, g, b);
                    canvas.Blend(x, y, target.R, target.G, target.B, coverage * strength);
                }
            }
        }
    }

    /// <summary>
    /// Blends <paramref name="tone"/> over a blob around a point away from the border: a circle of
    /// <paramref name="radius"/> whose outline wobbles, fading over <paramref name="edge"/> pixels.
    /// </summary>
    private static void Blob(Canvas canvas, Random random, float radius, float edge, float strength, Func<float, float, float, (float R, float G, float B)> tone)
    {
        var (cx, cy) = DefectPainter.InnerPoint(canvas.Size, random);
        var stretch = 0.7f + 0.6f * random.NextSingle();
        var (phase2, phase3) = (random.NextSingle() * MathF.Tau, random.NextSingle() * MathF.Tau);
        var (wobble2, wobble3) = (0.15f * random.NextSingle(), 0.1f * random.NextSingle());
        var reach = (int)MathF.Ceiling(radius * 1.6f + edge);
        for (var y = (int)cy - reach; y <= cy + reach; y++)
        {
            for (var x = (int)cx - reach; x <= cx + reach; x++)
            {
                var (u, v) = (x - cx, (y - cy) / stretch);
                var theta = MathF.Atan2(v, u);
                var outline = radius * (1f + wobble2 * MathF.Sin(2f * theta + phase2) + wobble3 * MathF.Sin(3f * theta + phase3));
                var coverage = Math.Clamp((outline - MathF.Sqrt(u * u + v * v)) / edge + 0.5f, 0f, 1f);
                if (coverage > 0f && (uint)x < (uint)canvas.Size && (uint)y < (uint)canvas.Size)
                {
                    var (r, g, b) = canvas.Get(x, y);
                    var target = tone(r, g, b);
                    canvas.Blend(x, y, target.R, target.G, target.B, coverage * strength);
                }
            }
        }
    }

    private static float DistanceToSegment(float x, float y, (float X, float Y) a, (float X, float Y) b)
    {
        var (ex, ey) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = ex * ex + ey * ey;
        var t = lengthSquared == 0f ? 0f : Math.Clamp(((x - a.X) * ex + (y - a.Y) * ey) / lengthSquared, 0f, 1f);
        var (px, py) = (a.X + t * ex - x, a.Y + t * ey - y);
        return MathF.Sqrt(px * px + py * py);
    }

    /// <summary>One channel of a mid-bright colour of hue <paramref name="hue"/> (radians): channel 0 red, 1 green, 2 blue.</summary>
    private static float Hue(float hue, float channel) => 0.5f + 0.35f * MathF.Cos(hue - channel * MathF.Tau / 3f);
}
