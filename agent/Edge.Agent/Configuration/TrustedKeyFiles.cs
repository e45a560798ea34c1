using Edge.Bundles.Signing;

namespace Edge.Agent.Configuration;

/// <summary>
/// Reads a list of public key files (<c>updates.trustedKeys</c>) and loads each one as an install would, so that a
/// missing file, a private key or anything else that is not a P-256 public key is a problem at its own path when the
/// configuration is read, not a failed install later.
/// </summary>
internal static class TrustedKeyFiles
{
    public static List<string> Read(ConfigReader r, string key)
    {
        var paths = new List<string>();
        foreach (var (item, path) in r.Array(key))
        {
            if (item?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                r.ProblemAt(path, "must be the path of a PEM public key (a string)");
                continue;
            }
            // An empty entry is no key (an override can blank one out).
            if (item.GetValue<string>() is not { Length: > 0 } file)
            {
                continue;
            }
            if (Problem(file) is { } problem)
            {
                r.ProblemAt(path, problem);
            }
            paths.Add(file);
        }
        return paths;
    }

    private static string? Problem(string file)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"cannot be read: {e.Message.ReplaceLineEndings(" ")}";
        }
        try
        {
            SigningKeys.ImportPublicKey(pem, file).Dispose();
            return null;
        }
        catch (SignatureException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }
}
