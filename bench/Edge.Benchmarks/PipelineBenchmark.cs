using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Edge.Agent.Alarms;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;
using Edge.Agent.Pipeline;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;
using Edge.Inference.Sessions;
using Edge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;

namespace Edge.Benchmarks;

/// <summary>
/// The agent's per-frame work (preprocess a 640x480 frame, the bundle's four graphs, scoring, ROI, alarm logic)
/// against bare ONNX Runtime runs of the same graphs on the same input, and the time from a scored frame to its
/// alarm reaching a subscriber on loopback through the real outbox, link and Mosquitto.
/// </summary>
public sealed class PipelineBenchmark : IFigureBenchmark
{
    private const int Frames = 300;
    private const int Rounds = 5;
    private const int Alarms = 200;
    private const int Width = 640;
    private const int Height = 480;

    public string Name => "pipeline";

    public void Run(TextWriter output)
    {
        using var folder = new TempFolder("edge-bench-pipeline-");
        var bundlePath = BenchBundle.Train(folder);
        using var model = ModelLoader.Load(bundlePath, new OnnxRuntimeConfig { Providers = [ExecutionProvider.Cpu] }, NullLogger.Instance);
        var normal = MakeFrame(folder, defect: false);
        var defect = MakeFrame(folder, defect: true);
        var (normalScore, defectScore) = (ScoreOf(model, normal), ScoreOf(model, defect));
        if (defectScore == normalScore)
        {
            throw new InvalidOperationException($"the benchmark's bundle gives both frames the same score ({normalScore})");
        }
        if (defectScore < normalScore)
        {
            // A few seconds of training do not make a good detector; the latency figure only needs one frame over the
            // threshold and one under it, so the higher-scoring frame plays the defect.
            (normal, defect, normalScore, defectScore) = (defect, normal, defectScore, normalScore);
        }
        var camera = new CameraConfig { Name = "bench", Source = new Agent.Cameras.Sources.Folder.FolderSourceSettings(folder.Path), Threshold = (normalScore + defectScore) / 2, ProductClass = model.Model.Manifest.ClassNames[0] };
        var rules = new AlarmConfig { DebounceK = 1, DebounceN = 1, Hold = TimeSpan.Zero, Cooldown = TimeSpan.Zero, Hysteresis = 0 };

        using var broker = MosquittoBroker.Start();
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 100_000);
        var topics = new MqttTopics("bench", "box");
        var publisher = new AlarmPublisher(outbox, topics, rules);
        using var scorer = new CameraScorer(camera, model, rules, publisher, new HealthMetrics(), snapshots: null);
        // Alternating rounds, best round per side: a shared machine's noise only ever slows a round down.
        var (bare, pipeline, allocations) = (double.MaxValue, double.MaxValue, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            bare = Math.Min(bare, BareGraphSeconds(model, normal));
            var (seconds, bytes) = PipelineSeconds(scorer, normal);
            pipeline = Math.Min(pipeline, seconds);
            allocations = Math.Min(allocations, bytes);
        }
        var (preprocess, detect) = Stages(model, normal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline frame ms: {pipeline * 1000:F3} (preprocess {preprocess * 1000:F3}, graphs and scoring {detect * 1000:F3})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare onnx runtime frame ms: {bare * 1000:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline overhead: {(pipeline - bare) / bare * 100:F1}%"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocations per frame: {allocations:F0} bytes"));
        Tiled(folder, bundlePath, normal, output);

        var latencies = AlarmLatencies(broker.Port, outbox, topics, scorer, normal, defect);
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm latency p50: {Percentile(latencies, 0.5):F2} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm latency p99: {Percentile(latencies, 0.99):F2} ms"));
    }

    /// <summary>Seconds and allocated bytes per frame of the camera scorer on a normal frame (no alarms).</summary>
    private static (double Seconds, double Bytes) PipelineSeconds(CameraScorer scorer, CameraFrame frame)
    {
        for (var i = 0; i < 50; i++)
        {
            scorer.Score(frame);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Frames; i++)
        {
            scorer.Score(frame);
        }
        return (clock.Elapsed.TotalSeconds / Frames, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Frames);
    }

    /// <summary>
    /// Seconds per frame of the preprocessing alone, and of the rest of the frame scorer's work (graphs, map, ROI,
    /// smoothing, score, box): the scorer's whole frame less its preprocessing.
    /// </summary>
    private static (double Preprocess, double Detect) Stages(ActiveModel model, CameraFrame frame)
    {
        using var scorer = new FrameScorer(model.Model);
        var preprocessor = new FramePreprocessor(model.Model.Preprocessing);
        var input = new float[preprocessor.OutputLength];
        var (preprocess, whole) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Frames; i++)
            {
                preprocessor.Run(frame.AsView(), input);
            }
            preprocess = Math.Min(preprocess, clock.Elapsed.TotalSeconds / Frames);
            clock.Restart();
            for (var i = 0; i < Frames; i++)
            {
                scorer.Score(frame.AsView());
            }
            whole = Math.Min(whole, clock.Elapsed.TotalSeconds / Frames);
        }
        return (preprocess, whole - preprocess);
    }

    /// <summary>Per alarm: from the end of its frame's scoring (the model's own time excluded) to its arrival at a subscriber.</summary>
    private static List<double> AlarmLatencies(int port, SqliteOutbox outbox, MqttTopics topics, CameraScorer scorer, CameraFrame normal, CameraFrame defect)
    {
        var sent = new ConcurrentDictionary<string, long>();
        var received = new ConcurrentDictionary<string, long>();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            var now = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray());
            received.TryAdd($"{json.RootElement.GetProperty("id").GetString()} {json.RootElement.GetProperty("event").GetString()}", now);
            return Task.CompletedTask;
        };
        subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-sub").Build()).GetAwaiter().GetResult();
        subscriber.SubscribeAsync(topics.Alarms("bench"), MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).GetAwaiter().GetResult();
        using var link = new MqttLink(new MqttConfig { Port = port, ClientId = "bench-agent" }, topics, NullLogger<MqttLink>.Instance, announceStatus: false);
        using var dispatcher = new OutboxDispatcher(outbox, link, NullLogger<OutboxDispatcher>.Instance);
        link.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        dispatcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        link.WaitConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        for (var i = 0; i < Alarms * 2; i++)
        {
            var frame = i % 2 == 0 ? defect : normal;
            frame.TimestampUtc = DateTime.UtcNow;
            var alarm = scorer.Score(frame);
            if (alarm is not null)
            {
                sent[$"{alarm.Id:D} {alarm.Kind.ToString().ToLowerInvariant()}"] = Stopwatch.GetTimestamp();
            }
            Thread.Sleep(5);
        }
        var deadline = Stopwatch.StartNew();
        while (received.Count < sent.Count && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(10);
        }
        dispatcher.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        link.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (received.Count < sent.Count)
        {
            throw new InvalidOperationException($"only {received.Count} of {sent.Count} alarm messages arrived");
        }
        return sent.Select(s => Stopwatch.GetElapsedTime(s.Value, received[s.Key]).TotalMilliseconds).ToList();
    }

    /// <summary>The four graphs alone, each fed the previous one's outputs, on the preprocessed frame.</summary>
    private static double BareGraphSeconds(ActiveModel model, CameraFrame frame)
    {
        var preprocessor = new FramePreprocessor(model.Model.Preprocessing);
        var graphs = model.Model.Manifest.RequiredGraphs.Select(g => model.Model.Session(g).CreateBinding(1)).ToList();
        try
        {
            preprocessor.Run(frame.AsView(), graphs[0].Input<float>(GraphNames.Image));
            var levels = model.Model.Manifest.Architecture.Levels;
            var names = Enumerable.Range(0, levels).Select(l => (GraphNames.Latent(l), GraphNames.Quantized(l))).ToArray();
            void Once()
            {
                graphs[0].Run();
                foreach (var (latent, _) in names)
                {
                    graphs[0].Output<float>(latent).CopyTo(graphs[1].Input<float>(latent));
                }
                graphs[1].Run();
                foreach (var (_, quantized) in names)
                {
                    graphs[1].Output<float>(quantized).CopyTo(graphs[2].Input<float>(quantized));
                }
                graphs[2].Run();
                if (graphs.Count > 3)
                {
                    graphs[3].Run();
                }
            }
            for (var i = 0; i < 50; i++)
            {
                Once();
            }
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Frames; i++)
            {
                Once();
            }
            return clock.Elapsed.TotalSeconds / Frames;
        }
        finally
        {
            foreach (var binding in graphs)
            {
                binding.Dispose();
            }
        }
    }

    /// <summary>
    /// The same frame through a tiled copy of the bundle (scale 0.5, tiles half a tile apart: 320x240 in 9 x 7 = 63
    /// tiles of 64): per frame with the tiles batched (the scorer's default cap of 16: 4 runs of 16) and one per run,
    /// and the bytes allocated per batched frame.
    /// </summary>
    private static void Tiled(TempFolder folder, string bundlePath, CameraFrame frame, TextWriter output)
    {
        var copy = folder.File("tiled");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(bundlePath))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        var bundle = Bundle.Open(copy);
        var input = bundle.Manifest.Input;
        bundle.ReplaceManifest(bundle.Manifest with { Input = input with { Tiling = new TilingSpec { Stride = input.Width / 2, Scale = 0.5 } } });
        using var model = BundleModel.Open(copy, new SessionSettings { Providers = [ExecutionProvider.Cpu] });
        using var batched = new FrameScorer(model);
        using var single = new FrameScorer(model, new FrameScorerSettings { MaxTileBatch = 1 });
        const int frames = 10;
        double Seconds(FrameScorer scorer)
        {
            for (var i = 0; i < 3; i++)
            {
                scorer.Score(frame.AsView());
            }
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < frames; i++)
            {
                scorer.Score(frame.AsView());
            }
            return clock.Elapsed.TotalSeconds / frames;
        }
        var (inBatches, oneByOne) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < 3; round++)
        {
            inBatches = Math.Min(inBatches, Seconds(batched));
            oneByOne = Math.Min(oneByOne, Seconds(single));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        batched.Score(frame.AsView());
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline tiled frame ms: {inBatches * 1000:F1} ({batched.TileCount} tiles, {batched.BatchSize} a run; one a run {oneByOne * 1000:F1}), map {batched.MapWidth}x{batched.MapHeight}, allocations {bytes} bytes"));
    }

    private static double ScoreOf(ActiveModel model, CameraFrame frame)
    {
        using var scorer = new FrameScorer(model.Model);
        return scorer.Score(frame.AsView()).Score;
    }

    private static CameraFrame MakeFrame(TempFolder folder, bool defect)
    {
        var source = ImageCodec.Load(Directory.EnumerateFiles(folder.File("data"), "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First(), PixelLayout.Rgb);
        var big = new Image(Width, Height, PixelLayout.Rgb);
        new BilinearResizer(Width, Height).Resize(source.AsView(), big);
        if (defect)
        {
            // Coarse black and white stripes over the middle: nothing like the textures trained on, wherever the
            // normal frame's own highest score lies.
            for (var y = Height / 8; y < Height * 7 / 8; y++)
            {
                var row = big.Row(y).Slice(Width / 8 * 3, Width * 3 / 4 * 3);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = (byte)((x / 3 / 24 + y / 24) % 2 == 0 ? 0 : 255);
                }
            }
        }
        var frame = new CameraFrame(Width * Height * 3);
        frame.Prepare(new FrameGeometry(Width, Height, FramePixelFormat.Rgb24));
        big.Pixels.AsSpan(0, Width * Height * 3).CopyTo(frame.Pixels);
        return frame;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
}
