namespace Edge.Fleet;

/// <summary>
/// One command on <see cref="FleetTopics.ModelCommand"/>. <see cref="Id"/> is unique per command: a device refuses an
/// id it has already seen, and a command issued longer ago than its replay window (so an old retained or replayed
/// message changes nothing). Read with <see cref="ModelCommandJson.Parse"/>, which refuses anything malformed.
/// </summary>
public sealed record ModelCommand
{
    public required string Id { get; init; }

    public required ModelAction Action { get; init; }

    public required DateTimeOffset IssuedUtc { get; init; }

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
}
