namespace Edge.Bundles.Manifest;

/// <summary>The fixed file names of a bundle folder and the rule for the others.</summary>
public static class BundleFileNames
{
    public const string Manifest = "manifest.json";

    /// <summary>Reserved for the signature over <see cref="Manifest"/> (written by <c>Signing.BundleSignature</c>, never listed in the manifest).</summary>
    public const string Signature = "manifest.sig";

    /// <summary>Where the manifest is written before its atomic rename; a leftover one is ignored and never read.</summary>
    public const string ManifestTemp = "manifest.json.tmp";

    /// <summary>Where the signature is written before its atomic rename; a leftover one is ignored and never read.</summary>
    public const string SignatureTemp = "manifest.sig.tmp";

    public const string GraphExtension = ".onnx";

    /// <summary>Graph name as used in file names and in the golden outputs map: <c>encoder</c>, <c>codebook</c>, <c>decoder</c>, <c>budget_prior</c>.</summary>
    public static string GraphName(BundleGraph graph) => graph switch
    {
        BundleGraph.Encoder => "encoder",
        BundleGraph.Codebook => "codebook",
        BundleGraph.Decoder => "decoder",
        BundleGraph.BudgetPrior => "budget_prior",
        _ => throw new ArgumentOutOfRangeException(nameof(graph), graph, "Unknown graph."),
    };

    public static string GraphFile(BundleGraph graph) => GraphName(graph) + GraphExtension;

    public static IReadOnlyList<BundleGraph> AllGraphs { get; } = Enum.GetValues<BundleGraph>();

    public static bool IsReserved(string name) => name is Manifest or Signature or ManifestTemp or SignatureTemp;

    /// <summary>
    /// Bundle files are flat, portable names: letters, digits, '.', '_', '-', not starting with '.',
    /// at most 128 characters. No folders, so no name can point outside the bundle.
    /// </summary>
    public static bool IsValidFileName(string name) =>
        name.Length is > 0 and <= 128
        && name[0] != '.'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
