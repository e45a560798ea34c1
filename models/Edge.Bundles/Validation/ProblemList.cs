namespace Edge.Bundles.Validation;

/// <summary>Collects problems while a manifest or a bundle is checked, then throws them all at once.</summary>
internal sealed class ProblemList
{
    private readonly List<BundleProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(string path, string message) => _problems.Add(new BundleProblem(path, message));

    public void ThrowIfAny(string subject)
    {
        if (_problems.Count > 0)
        {
            throw new BundleException(subject, _problems.ToArray());
        }
    }
}
