using System.Diagnostics;
using System.Globalization;
using Edge.Imaging;
using Edge.Imaging.Jpeg;
using Edge.Imaging.Preprocessing;

namespace Edge.Benchmarks;

/// <summary>
/// The agent's per-frame image work on a full-HD frame: preprocessing to a 256x256 model input (crop-free
/// bilinear resize, RGB to normalized CHW float) and decoding a JPEG (an MJPEG camera's frame).
/// </summary>
public sealed class ImagingBenchmark : IFigureBenchmark
{
    private const int FrameWidth = 1920;
    private const int FrameHeight = 1080;
    private const int InputSize = 256;

    public string Name => "imaging";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var frame = SyntheticFrame();
        MeasurePreprocessing(frame, output);
        MeasureJpegDecode(frame, output);
    }

    private static void MeasurePreprocessing(Image frame, TextWriter output)
    {
        var preprocessor = new FramePreprocessor(new PreprocessOptions
        {
            Width = InputSize,
            Height = InputSize,
            Normalization = ChannelNormalization.ImageNet,
        });
        var input = new float[preprocessor.OutputLength];
        for (var i = 0; i < 20; i++)
        {
            preprocessor.Run(frame.AsView(), input);
        }
        const int frames = 300;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            preprocessor.Run(frame.AsView(), input);
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Print(output, $"preprocess {FrameWidth}x{FrameHeight}->{InputSize}x{InputSize} us", clock.Elapsed.TotalMicroseconds / frames, "F1");
        Print(output, "preprocess allocations per frame", (double)allocated / frames, "F0");
    }

    private static void MeasureJpegDecode(Image frame, TextWriter output)
    {
        byte[] jpeg;
        using (var encoder = new JpegEncoder())
        {
            jpeg = encoder.Encode(frame.AsView(), quality: 90);
        }
        using var decoder = new JpegDecoder();
        var decoded = new Image(FrameWidth, FrameHeight, PixelLayout.Rgb);
        for (var i = 0; i < 3; i++)
        {
            decoder.DecodeInto(jpeg, decoded);
        }
        const int frames = 30;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            decoder.DecodeInto(jpeg, decoded);
        }
        clock.Stop();
        Print(output, $"jpeg decode {FrameWidth}x{FrameHeight} ms", clock.Elapsed.TotalMilliseconds / frames, "F2");
    }

    /// <summary>Camera-like content: smooth shading, a few hard edges and sensor-like noise (a fixed seed, so runs compare).</summary>
    private static Image SyntheticFrame()
    {
        var frame = new Image(FrameWidth, FrameHeight, PixelLayout.Rgb);
        var noise = new Random(42);
        for (var y = 0; y < FrameHeight; y++)
        {
            var row = frame.Row(y);
            for (var x = 0; x < FrameWidth; x++)
            {
                var edge = (x / 240 + y / 180) % 2 == 0 ? 40 : 0;
                row[3 * x] = (byte)Math.Clamp(60 + x / 12 + edge + noise.Next(-4, 5), 0, 255);
                row[3 * x + 1] = (byte)Math.Clamp(80 + y / 8 + edge + noise.Next(-4, 5), 0, 255);
                row[3 * x + 2] = (byte)Math.Clamp(128 + 60 * Math.Sin((x + y) / 90.0) + noise.Next(-4, 5), 0, 255);
            }
        }
        return frame;
    }

    private static void Print(TextWriter output, string name, double value, string format) =>
        output.WriteLine($"{name}: {value.ToString(format, CultureInfo.InvariantCulture)}");
}
