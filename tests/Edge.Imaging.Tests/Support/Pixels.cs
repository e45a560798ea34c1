namespace Edge.Imaging.Tests.Support;

/// <summary>Pixel helpers for assertions: packed bytes of an image, differences, test patterns.</summary>
internal static class Pixels
{
    /// <summary>The image's pixels without row padding, as ffmpeg's rawvideo writes them.</summary>
    public static byte[] Packed(ImageView image)
    {
        var packed = new byte[image.Width * image.Height * image.Channels];
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(packed.AsSpan(y * image.Width * image.Channels));
        }
        return packed;
    }

    public static byte[] Packed(Image image) => Packed(image.AsView());

    public static (double Mean, int Max) AbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        long sum = 0;
        var max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            sum += d;
            max = Math.Max(max, d);
        }
        return ((double)sum / a.Length, max);
    }

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static Image RandomImage(int width, int height, PixelLayout layout, int seed) =>
        new(Random(width * height * (int)layout, seed), width, height, layout);

    /// <summary>A smooth colour image (gradients and slow waves): what JPEG is made for, so its error stays small.</summary>
    public static Image Smooth(int width, int height)
    {
        var image = new Image(width, height, PixelLayout.Rgb);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[3 * x] = (byte)(255.0 * x / (width - 1));
                row[3 * x + 1] = (byte)(255.0 * y / (height - 1));
                row[3 * x + 2] = (byte)(127.5 + 100 * Math.Sin(x / 9.0) * Math.Cos(y / 7.0));
            }
        }
        return image;
    }
}
