using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>The scoring methods by their manifest names (<c>budget-x-recon</c>, ...), for command lines and reports.</summary>
public static class ScoringMethodNames
{
    public static IEnumerable<string> All => ManifestEnumNames.ScoringMethods.Select(m => m.Text);

    public static string Of(ScoringMethod method) => ManifestEnumNames.Of(ManifestEnumNames.ScoringMethods, method);

    public static bool TryParse(string name, out ScoringMethod method)
    {
        foreach (var (text, value) in ManifestEnumNames.ScoringMethods)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                method = value;
                return true;
            }
        }
        method = default;
        return false;
    }
}
