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
/// The two are measured in alternating rounds and each side reports its best round, so that load from
/// other processes on a shared machine hits both alike. EDGE_BENCH_THREADS sets the thread count
/// (default: the processor count).
/// </summary>
public sealed class TorchBenchmark : IFigureBenchmark
{
    private const int Batch = 16;
    private const int ImageSize = 64;
    private const int Warmup = 5;
    private const int Steps = 10;
    private const int Rounds = 3;

    public string Name => "torch";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var threads = int.TryParse(Environment.GetEnvironmentVariable("EDGE_BENCH_THREADS"), out var t) && t > 0 ? t : Environment.ProcessorCount;
        output.WriteLine($"torch threads: {threads}");
        var script = FindScript();
        LibTorch.NumThreads = threads;
        LibTorch.ManualSeed(0);
        using var net = MakeNet();
        using var optimizer = new AdamW(net.NamedParameters(), learningRate: 1e-3);
        using var images = Tensor.Randn([Batch, 3, ImageSize, ImageSize]);
        using var labels = Tensor.RandInt(0, 10, [Batch]);
        var csharp = new StepTime(double.MaxValue, double.MaxValue);
        var python = new StepTime(double.MaxValue, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            csharp = StepTime.Best(csharp, MeasureCSharp(net, optimizer, images, labels, warmup: round == 0 ? Warmup : 0));
            python = StepTime.Best(python, MeasurePython(script, threads));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ms (C#): {csharp.WallMs:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ms (PyTorch): {python.WallMs:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step ratio (C# / PyTorch): {csharp.WallMs / python.WallMs:F3}"));
        // CPU time per step is less disturbed by other processes than wall time on a shared machine.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step cpu ms (C#): {csharp.CpuMs:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torch step cpu ms (PyTorch): {python.CpuMs:F3}"));
    }

    private static Sequential MakeNet() => new(
        new Conv2d(3, 16, 3, padding: 1), new GroupNorm(4, 16), new SiLU(), Pooling.MaxPool2d(2),
        new Conv2d(16, 32, 3, padding: 1), new BatchNorm2d(32), new ReLU(), Pooling.MaxPool2d(2),
        new Conv2d(32, 64, 3, padding: 1), new GroupNorm(8, 64), new SiLU(), new AdaptiveAvgPool(1, 1),
        new Flatten(), new Linear(64, 10));

    // Mean milliseconds per training step over one round.
    private static StepTime MeasureCSharp(Sequential net, AdamW optimizer, Tensor images, Tensor labels, int warmup)
    {
        void Step()
        {
            using var scope = LibTorch.NewDisposeScope();
            var loss = Functional.CrossEntropy(net.Forward(images), labels);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            loss.Item();
        }

        for (var i = 0; i < warmup; i++)
        {
            Step();
        }
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Steps; i++)
        {
            Step();
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        return new StepTime(watch.Elapsed.TotalMilliseconds / Steps, cpu.TotalMilliseconds / Steps);
    }

    private static StepTime MeasurePython(string script, int threads)
    {
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
        var lines = stdout.Result.Split('\n');
        double? Figure(string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal)) is { } line
                ? double.Parse(line[(name.Length + 2)..], CultureInfo.InvariantCulture)
                : null;
        var wall = Figure("step_ms");
        var cpu = Figure("step_cpu_ms");
        if (process.ExitCode != 0 || wall is null || cpu is null)
        {
            throw new InvalidOperationException(
                $"{python} {script} failed (exit {process.ExitCode}); it needs Debian's python3-torch: {stderr.Result.Trim()}");
        }
        return new StepTime(wall.Value, cpu.Value);
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

    private readonly record struct StepTime(double WallMs, double CpuMs)
    {
        public static StepTime Best(StepTime a, StepTime b) => new(Math.Min(a.WallMs, b.WallMs), Math.Min(a.CpuMs, b.CpuMs));
    }
}
