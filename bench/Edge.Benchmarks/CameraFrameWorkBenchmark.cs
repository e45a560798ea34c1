using System.Diagnostics;
using System.Globalization;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Health;
using Edge.Agent.Cameras.Sources.V4l2;

namespace Edge.Benchmarks;

/// <summary>
/// Per-frame work on the capture thread at 1920×1080: YUYV to RGB24 conversion (every V4L2 YUYV frame) and
/// the health measures (one frame in N). Prints milliseconds per frame.
/// </summary>
public sealed class CameraFrameWorkBenchmark : IFigureBenchmark
{
    private const int Width = 1920;
    private const int Height = 1080;
    private const int Rounds = 30;

    public string Name => "camera-frame-work";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(1);
        var yuyv = new byte[Width * Height * 2];
        random.NextBytes(yuyv);
        var frame = new CameraFrame();
        frame.Prepare(new FrameGeometry(Width, Height, FramePixelFormat.Rgb24));

        var convert = Time(() => YuyvConverter.ToRgb24(yuyv, 2 * Width, Width, Height, frame.Pixels));
        var measureAll = Time(() => FrameStatistics.Measure(frame, step: 1));
        var measureHalf = Time(() => FrameStatistics.Measure(frame, step: 2));

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"camera yuyv to rgb24 1920x1080 ms: {convert:0.00}"));
        output.WriteLine(string.Create(c, $"camera health measures 1920x1080 ms: {measureAll:0.00}"));
        output.WriteLine(string.Create(c, $"camera health measures 1920x1080 step 2 ms: {measureHalf:0.00}"));
    }

    // Median of the rounds after one warm-up call.
    private static double Time(Action work)
    {
        work();
        var times = new double[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Rounds / 2];
    }
}
