using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Edge.Bundles.Signing;

namespace Edge.Fleet;

/// <summary>
/// Signs and verifies model commands by the rule that signs bundles (<see cref="SignatureRule"/>; keys from
/// <c>edge-train keygen</c>). What is signed is not the JSON but <see cref="CanonicalBytes"/>, one line per field in a
/// fixed order, made from the parsed command: the device checks exactly what it would carry out, and no JSON form
/// (key order, spacing, escapes) matters. PROTOCOL.md, "Signed commands", defines the bytes.
/// </summary>
public static class ModelCommandSignature
{
    /// <summary>The first line of the signed bytes: names the form, so that another form can never verify as this one.</summary>
    public const string Header = "edge-model-command/1";

    /// <summary>How long a command <c>edge-train</c> signs stays valid.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The signed bytes: UTF-8 lines ending in <c>\n</c>, <c>name:value</c>, always these names in this order (one
    /// <c>url:</c> line per URL, none without), an absent value empty; times as the UTC instant with seven fraction digits.
    /// </summary>
    public static byte[] CanonicalBytes(ModelCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        void Line(string name, string? value)
        {
            if (value is not null && value.Any(char.IsControl))
            {
                throw new ModelCommandException($"{name} holds a control character and cannot be signed");
            }
            text.Append(name).Append(':').Append(value).Append('\n');
        }
        text.Append(Header).Append('\n');
        Line("device", command.Device);
        Line("id", command.Id);
        Line("action", ModelCommandJson.Name(command.Action));
        Line("issuedUtc", Instant(command.IssuedUtc));
        Line("expiresUtc", command.ExpiresUtc is { } expires ? Instant(expires) : null);
        Line("version", command.Version);
        foreach (var url in command.Urls)
        {
            Line("url", url.OriginalString);
        }
        Line("sha256", command.Sha256);
        Line("size", command.Size?.ToString(CultureInfo.InvariantCulture));
        Line("force", command.Force ? "true" : "false");
        Line("floor", command.Floor);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The command for <paramref name="device"/>, valid from <paramref name="issuedUtc"/> for <paramref name="lifetime"/>,
    /// signed by <paramref name="key"/>. Times are cut to whole milliseconds, what the JSON carries.
    /// </summary>
    public static ModelCommand Sign(ModelCommand command, FleetTopics device, DateTimeOffset issuedUtc, TimeSpan lifetime, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var issued = WholeMilliseconds(issuedUtc);
        var unsigned = command with { Device = device.Name, IssuedUtc = issued, ExpiresUtc = WholeMilliseconds(issued + lifetime), Signature = null };
        var value = SignatureRule.Sign(key, CanonicalBytes(unsigned));
        return unsigned with { Signature = new CommandSignature(SigningKeys.KeyId(key), value) };
    }

    /// <summary>
    /// Null when <paramref name="command"/> is signed by one of <paramref name="keys"/> for <paramref name="device"/> and
    /// has not expired at <paramref name="now"/>; otherwise why it is refused.
    /// </summary>
    public static string? Refusal(ModelCommand command, FleetTopics device, TrustedKeys keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(keys);
        if (command.Signature is not { } signature)
        {
            return "the command is not signed: a device carries out only commands signed by one of its command keys (edge-train rollout --key, edge-train sign-command)";
        }
        if (command.Device is null || command.ExpiresUtc is null)
        {
            return "a signed command must name its device and its expiresUtc";
        }
        if (command.Device != device.Name)
        {
            return $"the command is signed for device {command.Device}, not this one ({device.Name})";
        }
        if (!keys.TryGet(signature.KeyId, out var key))
        {
            return $"the command is signed by key {signature.KeyId}, which this device does not trust for commands";
        }
        if (!SignatureRule.Verifies(key, CanonicalBytes(command), signature.Value))
        {
            return "the command's signature does not match its content (changed or forged)";
        }
        if (command.ExpiresUtc <= command.IssuedUtc)
        {
            return "the command's expiresUtc is not after its issuedUtc";
        }
        if (now >= command.ExpiresUtc)
        {
            return $"the command expired at {ModelCommandJson.Time(command.ExpiresUtc.Value)} (this device's clock: {ModelCommandJson.Time(now)})";
        }
        return null;
    }

    private static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
