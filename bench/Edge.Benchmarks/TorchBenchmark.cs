using System.Diagnostics;
using System.Globalization;
using Edge.Torch;
using Edge.Torch.Modules;
using Edge.Torch.Optim;

namespace Edge.Benchmarks;

/// <summary>
/// Training-step time of a small conv / norm / activation / pool net (batch 16, 3x64x64, AdamW) through
/// Edge.Torch, and of the same net in PyTorch eager (bench/torch_bench.py with /usr/bin/python3, the same
/// libtorch), with the same thread count. The ratio shows what the C# layer costs over Python's.
/// EDGE_BENCH_THREADS sets the thread count (default: the processor count).
/// </summary>
public sealed class TorchBenchmark : IFigureBenchmark
{
    private const int Batch = 16;
    private const int ImageSize = 64;
    private const int Warmup = 5;
    private const int Steps = 30;

    public string Name => "torch";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var threads = int.TryParse(Environment.GetEnvironmentVariable("EDGE_BENCH_THREADS"), out var t) && t > 0 ? t : Environment.ProcessorCount;
        output.WriteLine($"torch threads: {threads}");
        var csharp = MeasureCSharp(threads);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ms (C#): {csharp:F3}"));
        var python = MeasurePython(threads);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ms (PyTorch): {python:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ratio (C# / PyTorch): {csharp / python:F3}"));
    }

    private static Sequential MakeNet() => new(
        new Conv2d(3, 16, 3, padding: 1), new GroupNorm(4, 16), new SiLU(), Pooling.MaxPool2d(2),
        new Conv2d(16, 32, 3, padding: 1), new BatchNorm2d(32), new ReLU(), Pooling.MaxPool2d(2),
        new Conv2d(32, 64, 3, padding: 1), new GroupNorm(8, 64), new SiLU(), new AdaptiveAvgPool(1, 1),
        new Flatten(), new Linear(64, 10));

    private static double MeasureCSharp(int threads)
    {
        LibTorch.NumThreads = threads;
        LibTorch.ManualSeed(0);
        using var net = MakeNet();
        using var optimizer = new AdamW(net.NamedParameters(), learningRate: 1e-3);
        using var images = Tensor.Randn([Batch, 3, ImageSize, ImageSize]);
        using var labels = Tensor.RandInt(0, 10, [Batch]);

        void Step()
        {
            using var scope = LibTorch.NewDisposeScope();
            var loss = Functional.CrossEntropy(net.Forward(images), labels);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            loss.Item();
        }

        for (var i = 0; i < Warmup; i++)
        {
            Step();
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Steps; i++)
        {
            Step();
        }
        return watch.Elapsed.TotalMilliseconds / Steps;
    }

    private static double MeasurePython(int threads)
    {
        var script = FindScript();
        var python = Environment.GetEnvironmentVariable("EDGE_PYTHON") ?? "/usr/bin/python3";
        var start = new ProcessStartInfo(python,
            [script, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--steps", Steps.ToString(CultureInfo.InvariantCulture),
             "--warmup", Warmup.ToString(CultureInfo.InvariantCulture), "--batch", Batch.ToString(CultureInfo.InvariantCulture),
             "--size", ImageSize.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("step_ms: ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"{python} {script} failed (exit {process.ExitCode}); it needs Debian's python3-torch: {stderr.Result.Trim()}");
        }
        return double.Parse(line["step_ms: ".Length..], CultureInfo.InvariantCulture);
    }

    private static string FindScript()
    {
        var configured = Environment.GetEnvironmentVariable("EDGE_TORCH_BENCH_SCRIPT");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "bench", "torch_bench.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"bench/torch_bench.py not found above {AppContext.BaseDirectory}; set EDGE_TORCH_BENCH_SCRIPT");
    }
}
