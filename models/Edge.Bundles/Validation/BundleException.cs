namespace Edge.Bundles.Validation;

/// <summary>
/// A bundle (or a manifest) that cannot be used. <see cref="Problems"/> lists every problem found,
/// each with its JSON path, so that one run of a tool shows everything that needs fixing.
/// </summary>
public sealed class BundleException : Exception
{
    public BundleException()
        : this("The bundle is invalid.", [])
    {
    }

    public BundleException(string message)
        : this(message, [])
    {
    }

    public BundleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public BundleException(string subject, IReadOnlyList<BundleProblem> problems)
        : base(Describe(subject, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<BundleProblem> Problems { get; }

    private static string Describe(string subject, IReadOnlyList<BundleProblem> problems) =>
        problems.Count == 0
            ? subject
            : $"{subject}: {problems.Count} problem(s): " + string.Join("; ", problems);
}
