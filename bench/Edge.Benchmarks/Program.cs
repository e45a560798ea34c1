using System.Reflection;

namespace Edge.Benchmarks;

/// <summary>
/// Runs the project's benchmarks and prints each figure as one <c>name: value</c> line,
/// so that runs can be compared from one to the next. Arguments, if any, pick benchmarks by name.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var benchmarks = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IFigureBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IFigureBenchmark)Activator.CreateInstance(t)!)
            .Where(b => args.Length == 0 || args.Contains(b.Name, StringComparer.OrdinalIgnoreCase))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var failed = 0;
        foreach (var benchmark in benchmarks)
        {
            Console.Error.WriteLine($"# {benchmark.Name}");
            try
            {
                benchmark.Run(Console.Out);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"{benchmark.Name} failed: {e.Message}");
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
