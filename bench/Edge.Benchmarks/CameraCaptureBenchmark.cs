using System.Diagnostics;
using System.Globalization;
using Edge.Agent.Cameras.Sources.Ffmpeg;
using Edge.Agent.Cameras.Supervision;

namespace Edge.Benchmarks;

/// <summary>
/// Capture path of one camera: ffmpeg's test pattern (as fast as ffmpeg makes it) read through the
/// supervisor into the frame ring and taken by a consumer. Prints the frame rate the path sustains and
/// the bytes allocated per frame in steady state, all threads counted.
/// </summary>
public sealed class CameraCaptureBenchmark : IFigureBenchmark
{
    private const int Warmup = 100;
    private const int Measured = 3000;

    public string Name => "camera-capture";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var source = new FfmpegSourceSettings("-f lavfi -i testsrc=size=640x480:rate=1000");
        using var camera = new CameraSupervisor("bench", source, new CameraSupervisorSettings { QueueCapacity = 4 });
        camera.Start();

        // The consumer passes a cancellable token, as a hosted service's loop does.
        using var stopping = new CancellationTokenSource();
        Consume(camera, Warmup, stopping.Token).GetAwaiter().GetResult();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var capturedBefore = camera.FramesCaptured;
        var droppedBefore = camera.Frames.Dropped;
        var clock = Stopwatch.StartNew();
        Consume(camera, Measured, stopping.Token).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        var captured = camera.FramesCaptured - capturedBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"camera ffmpeg 640x480 rgb24 capture fps: {captured / seconds:0.0}"));
        output.WriteLine(string.Create(c, $"camera frames dropped while measuring: {camera.Frames.Dropped - droppedBefore}"));
        output.WriteLine(string.Create(c, $"camera capture bytes allocated per frame: {(double)allocated / captured:0.0}"));
    }

    // One async loop, as the agent's inference loop would be: its state machine is allocated once.
    private static async Task Consume(CameraSupervisor camera, int frames, CancellationToken cancellationToken)
    {
        long checksum = 0;
        for (var i = 0; i < frames; i++)
        {
            var frame = await camera.Frames.ReadAsync(cancellationToken).ConfigureAwait(false);
            checksum += frame.Pixels[0];
        }
        GC.KeepAlive(checksum);
    }
}
