namespace Edge.Benchmarks;

/// <summary>
/// One benchmark: measures something and prints its figures as <c>name: value</c> lines.
/// Every non-abstract implementation in this assembly is found and run by <see cref="Program"/>.
/// </summary>
public interface IFigureBenchmark
{
    /// <summary>Short name, used by <c>make bench ONLY=name</c> to pick benchmarks.</summary>
    string Name { get; }

    void Run(TextWriter output);
}
