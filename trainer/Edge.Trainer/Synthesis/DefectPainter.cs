namespace Edge.Trainer.Synthesis;

/// <summary>Draws one kind of defect onto a normal picture; the canvas records which pixels it changed.</summary>
internal static class DefectPainter
{
    public static readonly string[] Kinds = ["scratch", "hole", "stain", "missing"];

    public static void Paint(Canvas canvas, string kind, Random random)
    {
        switch (kind)
        {
            case "scratch":
                Scratch(canvas, random);
                break;
            case "hole":
                Hole(canvas, random);
                break;
            case "stain":
                Stain(canvas, random);
                break;
            case "missing":
                Missing(canvas, random);
                break;
            default:
                throw new ArgumentException($"Unknown defect kind '{kind}'.", nameof(kind));
        }
    }

    /// <summary>A thin bright or dark line of random direction and length.</summary>
    private static void Scratch(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (x0, y0) = InnerPoint(s, random);
        var angle = random.NextSingle() * MathF.Tau;
        var length = s * (0.2f + 0.25f * random.NextSingle());
        var width = 0.8f + random.NextSingle() * 1.2f;
        var tone = random.Next(2) == 0 ? 0.95f : 0.05f;
        var (dx, dy) = (MathF.Cos(angle), MathF.Sin(angle));
        for (var t = 0f; t < length; t += 0.5f)
        {
            var cx = x0 + dx * t;
            var cy = y0 + dy * t;
            Disc(canvas, cx, cy, width, tone, tone, tone, 0.85f);
        }
    }

    /// <summary>A dark elliptical hole with a faint rim.</summary>
    private static void Hole(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (cx, cy) = InnerPoint(s, random);
        var rx = s * (0.03f + 0.04f * random.NextSingle());
        var ry = rx * (0.6f + 0.8f * random.NextSingle());
        for (var y = (int)(cy - ry - 2); y <= cy + ry + 2; y++)
        {
            for (var x = (int)(cx - rx - 2); x <= cx + rx + 2; x++)
            {
                var d = MathF.Sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry));
                canvas.Blend(x, y, 0.02f, 0.02f, 0.02f, Math.Clamp((1.05f - d) * 8f, 0f, 1f));
            }
        }
    }

    /// <summary>A soft blob of foreign colour (oil, rust, paint).</summary>
    private static void Stain(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (cx, cy) = InnerPoint(s, random);
        var radius = s * (0.06f + 0.06f * random.NextSingle());
        var (r, g, b) = random.Next(3) switch
        {
            0 => (0.55f, 0.25f, 0.05f),
            1 => (0.1f, 0.1f, 0.05f),
            _ => (0.2f, 0.6f, 0.3f),
        };
        for (var y = (int)(cy - radius); y <= cy + radius; y++)
        {
            for (var x = (int)(cx - radius); x <= cx + radius; x++)
            {
                var d = MathF.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / radius;
                var wobble = 1f + 0.15f * MathF.Sin(MathF.Atan2(y - cy, x - cx) * 5f);
                canvas.Blend(x, y, r, g, b, 0.7f * Math.Clamp((wobble - d) * 4f, 0f, 1f));
            }
        }
    }

    /// <summary>A piece of the surface or part is gone: a wedge filled with the background tone.</summary>
    private static void Missing(Canvas canvas, Random random)
    {
        var s = canvas.Size;
        var (cx, cy) = InnerPoint(s, random);
        var w = s * (0.1f + 0.1f * random.NextSingle());
        var h = s * (0.08f + 0.08f * random.NextSingle());
        var angle = random.NextSingle() * MathF.PI;
        var (cos, sin) = (MathF.Cos(angle), MathF.Sin(angle));
        for (var y = (int)(cy - w - h); y <= cy + w + h; y++)
        {
            for (var x = (int)(cx - w - h); x <= cx + w + h; x++)
            {
                var u = (x - cx) * cos + (y - cy) * sin;
                var v = -(x - cx) * sin + (y - cy) * cos;
                if (MathF.Abs(u) <= w && MathF.Abs(v) <= h * (1f - MathF.Abs(u) / (2f * w)))
                {
                    canvas.Blend(x, y, 0.15f, 0.15f, 0.15f, 1f);
                }
            }
        }
    }

    private static void Disc(Canvas canvas, float cx, float cy, float radius, float r, float g, float b, float alpha)
    {
        for (var y = (int)MathF.Floor(cy - radius); y <= cy + radius; y++)
        {
            for (var x = (int)MathF.Floor(cx - radius); x <= cx + radius; x++)
            {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius)
                {
                    canvas.Blend(x, y, r, g, b, alpha);
                }
            }
        }
    }

    /// <summary>A point away from the border, so that most of the defect lies inside the picture.</summary>
    public static (float X, float Y) InnerPoint(int size, Random random) =>
        (size * (0.25f + 0.5f * random.NextSingle()), size * (0.25f + 0.5f * random.NextSingle()));
}
