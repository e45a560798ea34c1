using System.Security.Cryptography;
using Edge.Bundles.Signing;
using Edge.Fleet;

namespace Edge.Agent.Updates;

/// <summary>
/// Decides whether a model command comes from the fleet's owner: signed (<see cref="ModelCommandSignature"/>) by one of
/// the device's command keys (<c>updates.commandKeys</c>, else <c>updates.trustedKeys</c>), for this device, and not
/// expired. The keys are read once, at start; keys that cannot be read refuse every command with that reason.
/// Thread-safe: verifying reads the keys only.
/// </summary>
public sealed class CommandAuthority : IDisposable
{
    private readonly FleetTopics _device;
    private readonly TimeProvider _time;
    private readonly TrustedKeys? _keys;
    private readonly string? _problem;

    /// <param name="keyPaths">PEM public keys whose signatures are accepted.</param>
    /// <param name="device">This device: a command signed for another one is refused.</param>
    /// <param name="time">The device's clock, for expiry.</param>
    public CommandAuthority(IReadOnlyList<string> keyPaths, FleetTopics device, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(keyPaths);
        _device = device;
        _time = time ?? TimeProvider.System;
        if (keyPaths.Count == 0)
        {
            _problem = "no command keys are configured (updates.commandKeys, or updates.trustedKeys): every model command is refused";
            return;
        }
        try
        {
            _keys = TrustedKeys.FromFiles(keyPaths);
        }
        catch (Exception e) when (e is SignatureException or CryptographicException or IOException or UnauthorizedAccessException)
        {
            _problem = $"the command keys cannot be read, so every model command is refused: {e.Message}";
        }
    }

    /// <summary>Null when the fleet's owner signed <paramref name="command"/> for this device and it is still valid; otherwise why not.</summary>
    public string? Refusal(ModelCommand command) =>
        _problem ?? ModelCommandSignature.Refusal(command, _device, _keys!, _time.GetUtcNow());

    public void Dispose() => _keys?.Dispose();
}
