namespace Edge.Agent.Configuration;

/// <summary>
/// The secret every request to the local endpoint must carry: <c>Authorization: Bearer &lt;token&gt;</c> (scrapers,
/// scripts) or basic authentication as <see cref="User"/> with the token as password (what a browser prompts for).
/// </summary>
public sealed record HttpAuthConfig
{
    /// <summary>Short tokens can be guessed over the network at the rate the box answers.</summary>
    public const int MinTokenLength = 16;

    public required string Token { get; init; }

    public string User { get; init; } = "edge";

    internal static HttpAuthConfig? Read(ConfigReader r)
    {
        var token = r.String("token", required: true);
        var user = r.String("user") ?? "edge";
        if (token is not null && token.Length < MinTokenLength)
        {
            r.Problem("token", $"must have at least {MinTokenLength} characters (e.g. openssl rand -hex 16)");
            token = null;
        }
        if (user.Length == 0 || user.Contains(':', StringComparison.Ordinal))
        {
            r.Problem("user", "must be a non-empty name without ':'");
        }
        r.RejectUnknownKeys();
        return token is null ? null : new HttpAuthConfig { Token = token, User = user };
    }
}
