namespace Edge.Bundles.Validation;

/// <summary>One thing wrong with a bundle: where (a JSON path such as <c>$.input.mean[1]</c>) and what.</summary>
/// <param name="Path">JSON path into the manifest; for problems with files, the path of the file's entry.</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
public sealed record BundleProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
