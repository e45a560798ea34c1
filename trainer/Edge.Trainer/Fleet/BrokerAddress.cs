using Edge.Trainer.Commands;

namespace Edge.Trainer.Fleet;

/// <summary>A broker given as <c>mqtt://HOST[:PORT]</c> (1883 by default).</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public static BrokerAddress Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt" || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath is not ("" or "/"))
        {
            throw new UserInputException($"'{text}' is not a broker address: write mqtt://HOST:PORT, e.g. mqtt://127.0.0.1:1883.");
        }
        return new BrokerAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 1883 : uri.Port);
    }
}
