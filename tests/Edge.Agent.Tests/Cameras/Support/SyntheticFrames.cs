using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Tests.Cameras.Support;

/// <summary>Frames with hand-checkable content for the health checks.</summary>
internal static class SyntheticFrames
{
    public static CameraFrame Filled(int width, int height, byte value)
    {
        var frame = new CameraFrame();
        frame.Prepare(new FrameGeometry(width, height, FramePixelFormat.Gray8));
        frame.Pixels.Fill(value);
        return frame;
    }

    /// <summary>A one-pixel checkerboard of <paramref name="dark"/> and <paramref name="light"/>, as RGB grey.</summary>
    public static CameraFrame Checkerboard(int width, int height, byte dark, byte light)
    {
        var frame = new CameraFrame();
        frame.Prepare(new FrameGeometry(width, height, FramePixelFormat.Rgb24));
        var pixels = frame.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels.Slice(((y * width) + x) * 3, 3).Fill((x + y) % 2 == 0 ? dark : light);
            }
        }
        return frame;
    }

    /// <summary>3×3 box blur (mean, rounded down) of an RGB frame; edge pixels repeat outwards.</summary>
    public static CameraFrame BoxBlurred(CameraFrame source)
    {
        var width = source.Width;
        var height = source.Height;
        var blurred = new CameraFrame();
        blurred.Prepare(source.Geometry);
        var input = source.Pixels;
        var output = blurred.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var sx = Math.Clamp(x + dx, 0, width - 1);
                            var sy = Math.Clamp(y + dy, 0, height - 1);
                            sum += input[(((sy * width) + sx) * 3) + c];
                        }
                    }
                    output[(((y * width) + x) * 3) + c] = (byte)(sum / 9);
                }
            }
        }
        return blurred;
    }

    /// <summary>A copy of an RGB frame with <paramref name="delta"/> added to every byte (clamped).</summary>
    public static CameraFrame Brightened(CameraFrame source, int delta)
    {
        var frame = new CameraFrame();
        frame.Prepare(source.Geometry);
        var input = source.Pixels;
        var output = frame.Pixels;
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)Math.Clamp(input[i] + delta, 0, 255);
        }
        return frame;
    }
}
