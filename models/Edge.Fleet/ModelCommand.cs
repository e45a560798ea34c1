namespace Edge.Fleet;

/// <summary>
/// One command on <see cref="FleetTopics.ModelCommand"/>. <see cref="Id"/> is unique per command: a device refuses an
/// id it has already seen, and a command issued longer ago than its replay window (so an old retained or replayed
/// message changes nothing). Read with <see cref="ModelCommandJson.Parse"/>, which refuses anything malformed. A device
/// carries out only a command signed for it (<see cref="ModelCommandSignature"/>): <see cref="Device"/>,
/// <see cref="Id"/>, <see cref="IssuedUtc"/> and <see cref="ExpiresUtc"/> are inside the signed bytes, so a signed
/// command is good once, on one device, for a limited time.
/// </summary>
public sealed record ModelCommand
{
    public required string Id { get; init; }

    public required ModelAction Action { get; init; }

    public required DateTimeOffset IssuedUtc { get; init; }

    /// <summary>The one device the command is for, <c>site/device</c> (signed commands).</summary>
    public string? Device { get; init; }

    /// <summary>After this the command is refused (signed commands).</summary>
    public DateTimeOffset? ExpiresUtc { get; init; }

    /// <summary>The bundle version to install (install only).</summary>
    public string? Version { get; init; }

    /// <summary>Where the packed bundle (zip) can be downloaded, tried in order (install only).</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>Lowercase hex SHA-256 of the archive (install only).</summary>
    public string? Sha256 { get; init; }

    /// <summary>Archive size in bytes (install only); the download is refused beyond it.</summary>
    public long? Size { get; init; }

    /// <summary>Install even when the version is not newer than the active one.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Raises the device's version floor to this (install and report only): from then on no command installs or rolls
    /// back to a version below it. A floor only rises.
    /// </summary>
    public string? Floor { get; init; }

    /// <summary>The signature over <see cref="ModelCommandSignature.CanonicalBytes"/>; null when unsigned.</summary>
    public CommandSignature? Signature { get; init; }
}
