using System.Diagnostics;
using System.Globalization;
using Edge.Inference.Sessions;
using Edge.Onnx;
using Edge.Onnx.Building;

namespace Edge.Benchmarks;

/// <summary>What one ONNX Runtime call costs through our binding on a graph too small to cost anything itself.</summary>
public sealed class OrtBenchmark : IFigureBenchmark
{
    private const int Runs = 20_000;

    public string Name => "ort";

    public void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("edge-bench-ort-");
        try
        {
            var g = new GraphBuilder("tiny_add");
            var a = g.Input("a", ElementType.Float, 1, 4);
            var b = g.Input("b", ElementType.Float, 1, 4);
            g.Output(g.Add(a, b), "sum", ElementType.Float, 1, 4);
            var path = Path.Combine(folder.FullName, "tiny.onnx");
            g.Build().Save(path);
            using var session = ModelSession.Open(path, new SessionSettings { IntraOpThreads = 1, InterOpThreads = 1 });
            using var binding = session.CreateBinding();
            for (var i = 0; i < 1000; i++)
            {
                binding.Run();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++)
            {
                binding.Run();
            }
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ort run overhead: {watch.Elapsed.TotalMicroseconds / Runs:F2} us"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ort allocations per run: {allocated / (double)Runs:F1}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
