using System.Security.Cryptography;
using System.Text;
using Edge.Agent.Configuration;

namespace Edge.Agent.Http;

/// <summary>
/// Whether a request carries the local endpoint's token (<see cref="HttpAuthConfig"/>): as a bearer token, or as the
/// password of basic authentication. Compared in constant time, so the answer's timing does not reveal a prefix.
/// </summary>
internal sealed class TokenAccess
{
    /// <summary>What a browser needs to prompt for the user and token.</summary>
    public const string Challenge = "Basic realm=\"edge-agent\", charset=\"UTF-8\"";

    private readonly byte[] _bearer;
    private readonly byte[] _basic;

    public TokenAccess(HttpAuthConfig auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        _bearer = Encoding.UTF8.GetBytes(auth.Token);
        _basic = Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.User}:{auth.Token}")));
    }

    public bool Allows(string? authorization)
    {
        var space = authorization?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0)
        {
            return false;
        }
        var scheme = authorization![..space];
        var credentials = Encoding.UTF8.GetBytes(authorization[(space + 1)..].Trim());
        var expected = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? _bearer
            : scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? _basic
            : null;
        return expected is not null && CryptographicOperations.FixedTimeEquals(credentials, expected);
    }
}
