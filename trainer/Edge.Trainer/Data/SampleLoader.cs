using Edge.Imaging;
using Edge.Imaging.Preprocessing;

namespace Edge.Trainer.Data;

/// <summary>
/// Loads images at the model's input size as planar float CHW, normalized, with training augmentation when asked,
/// and ground-truth masks at the same size. Not thread-safe (it reuses one preprocessor).
/// </summary>
public sealed class SampleLoader
{
    private readonly FramePreprocessor _preprocessor;
    private readonly ChannelNormalization _normalization;

    public SampleLoader(int size, int channels, ChannelNormalization normalization)
    {
        _normalization = normalization;
        _preprocessor = new FramePreprocessor(new PreprocessOptions { Width = size, Height = size, Channels = channels, Normalization = normalization });
    }

    public int Size => _preprocessor.Options.Width;

    public int Channels => _preprocessor.Options.Channels;

    public int SampleLength => _preprocessor.OutputLength;

    /// <summary>Loads one image into <paramref name="destination"/>; an unreadable image names its file.</summary>
    public void Load(string path, Span<float> destination, Augmentation augmentation, Random random)
    {
        var image = Read(path);
        var crop = augmentation.TileSourceSide is { } side
            ? TileCrop(path, image.Width, image.Height, side, random)
            : RandomCrop(image.Width, image.Height, augmentation.MinCropScale, random);
        _preprocessor.Run(image.AsView(), crop, destination);
        var output = destination[..SampleLength];
        if (augmentation.HorizontalFlip && random.Next(2) == 1)
        {
            Flip(output, horizontal: true);
        }
        if (augmentation.VerticalFlip && random.Next(2) == 1)
        {
            Flip(output, horizontal: false);
        }
        if (augmentation.ColorJitter > 0f)
        {
            Jitter(output, augmentation.ColorJitter, random);
        }
    }

    /// <summary>Decodes an image file as it is (gray or RGB); an unreadable image names its file.</summary>
    public static Image Read(string path)
    {
        try
        {
            return ImageCodec.Load(path);
        }
        catch (ImagingException e)
        {
            throw new InvalidDataException($"Cannot read image '{path}': {e.Message}", e);
        }
    }

    /// <summary>Loads a ground-truth mask as 0/1 at the model size (nearest neighbour, so labels stay crisp); no mask = all 0.</summary>
    public void LoadMask(string? path, Span<float> destination) => LoadMask(path, destination, Size, Size);

    /// <summary>
    /// Loads a ground-truth mask as 0/1 at <paramref name="width"/> x <paramref name="height"/> (a frame-level map's size:
    /// each map pixel takes the mask pixel under its centre, nearest neighbour, so labels stay crisp); no mask = all 0.
    /// </summary>
    public static void LoadMask(string? path, Span<float> destination, int width, int height)
    {
        var length = width * height;
        destination[..length].Clear();
        if (path is null)
        {
            return;
        }
        var mask = ImageCodec.Load(path, PixelLayout.Gray);
        for (var y = 0; y < height; y++)
        {
            var row = mask.Row(Math.Min(mask.Height - 1, (int)((y + 0.5f) * mask.Height / height)));
            for (var x = 0; x < width; x++)
            {
                destination[y * width + x] = row[Math.Min(mask.Width - 1, (int)((x + 0.5f) * mask.Width / width))] >= 128 ? 1f : 0f;
            }
        }
    }

    private static PixelRect TileCrop(string path, int width, int height, int side, Random random)
    {
        if (width < side || height < side)
        {
            throw new InvalidDataException(
                $"Image '{path}' is {width}x{height}, smaller than one tile ({side}x{side} source pixels at the tiling scale); lower tiling.scale or turn tiling off.");
        }
        return new PixelRect(random.Next(width - side + 1), random.Next(height - side + 1), side, side);
    }

    private static PixelRect RandomCrop(int width, int height, float minScale, Random random)
    {
        if (minScale >= 1f)
        {
            return new PixelRect(0, 0, width, height);
        }
        var scale = minScale + (1f - minScale) * random.NextSingle();
        var w = Math.Max(1, (int)(width * scale));
        var h = Math.Max(1, (int)(height * scale));
        return new PixelRect(random.Next(width - w + 1), random.Next(height - h + 1), w, h);
    }

    private void Flip(Span<float> chw, bool horizontal)
    {
        var size = Size;
        for (var c = 0; c < Channels; c++)
        {
            var plane = chw.Slice(c * size * size, size * size);
            if (horizontal)
            {
                for (var y = 0; y < size; y++)
                {
                    plane.Slice(y * size, size).Reverse();
                }
            }
            else
            {
                var row = new float[size];
                for (var y = 0; y < size / 2; y++)
                {
                    var top = plane.Slice(y * size, size);
                    var bottom = plane.Slice((size - 1 - y) * size, size);
                    top.CopyTo(row);
                    bottom.CopyTo(top);
                    row.CopyTo(bottom);
                }
            }
        }
    }

    /// <summary>Brightness and contrast change applied in pixel space (0..1), then normalized again.</summary>
    private void Jitter(Span<float> chw, float amount, Random random)
    {
        var contrast = 1f + amount * (2f * random.NextSingle() - 1f);
        var brightness = amount * (2f * random.NextSingle() - 1f);
        var plane = Size * Size;
        for (var c = 0; c < Channels; c++)
        {
            float mean = _normalization.Mean[c], std = _normalization.Std[c];
            foreach (ref var v in chw.Slice(c * plane, plane))
            {
                var pixel = v * std + mean;
                v = (Math.Clamp(pixel * contrast + brightness, 0f, 1f) - mean) / std;
            }
        }
    }
}
