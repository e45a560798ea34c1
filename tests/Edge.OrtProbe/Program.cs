using Edge.Inference;
using Edge.Inference.Runtime;

namespace Edge.OrtProbe;

/// <summary>Loads ONNX Runtime the way the product does (EDGE_ORT_LIBRARY honoured) and prints what got loaded.</summary>
public static class Program
{
    /// <param name="args">"--log MODEL": route ORT's verbose log to stdout and open MODEL.</param>
    public static int Main(string[] args)
    {
        try
        {
            var logging = args.Length == 2 && args[0] == "--log";
            var environment = logging
                ? OrtRuntime.Initialize(new ConsoleLineLogger(), minimumLevel: Microsoft.Extensions.Logging.LogLevel.Trace)
                : OrtRuntime.Initialize();
            if (logging)
            {
                using var session = Edge.Inference.Sessions.ModelSession.Open(args[1], logger: new ConsoleLineLogger());
            }
            Console.WriteLine($"version: {environment.GetVersionString()}");
            Console.WriteLine($"providers: {string.Join(",", environment.GetAvailableProviders())}");
            foreach (var line in File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 6 && p[5].Contains(".so", StringComparison.Ordinal)).Select(p => p[5]).Distinct())
            {
                Console.WriteLine($"mapped: {line}");
            }
            return 0;
        }
        catch (Exception e) when (e is InferenceException or DllNotFoundException or TypeInitializationException)
        {
            Console.Error.WriteLine($"error: {e.Message} {e.InnerException?.Message}");
            return 1;
        }
    }
}
