using System.Globalization;
using Edge.Bundles.Versioning;
using Edge.Fleet;
using Edge.Trainer.Commands;

namespace Edge.Trainer.Fleet;

/// <summary>
/// What one rollout installs and how it proceeds, validated once by <see cref="Create"/>; each error names the
/// option to fix.
/// </summary>
public sealed record RolloutSettings
{
    public required Uri ArchiveUrl { get; init; }

    public required string Version { get; init; }

    /// <summary>Lowercase hex SHA-256 of the archive.</summary>
    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required WavePlan Waves { get; init; }

    /// <summary>Stop at the first failed device, without waiting for the rest of its wave.</summary>
    public bool HaltOnFailure { get; init; }

    /// <summary>The share of a wave (0 to 1) that may fail before the rollout stops ahead of the next wave.</summary>
    public double MaxFailureRate { get; init; }

    /// <summary>How long each device has, from its command, to reach a final state.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Install even when the version is not newer than the device's.</summary>
    public bool Force { get; init; }

    /// <summary>The version floor each command raises the devices to (none when null): nothing below it is installed or rolled back to afterwards.</summary>
    public string? Floor { get; init; }

    /// <summary>
    /// Validates the options. <paramref name="archive"/> (read from <c>--archive</c>) supplies the version, hash and
    /// size; given too, they must agree with it. Without it, version, hash and size are required.
    /// </summary>
    /// <exception cref="UserInputException">An option is missing or wrong; the message names it.</exception>
    public static RolloutSettings Create(
        string archiveUrl, RolloutArchive? archive, string? version, string? sha256, long? size,
        string waves, bool haltOnFailure, double maxFailureRate, double timeoutMinutes, bool force, string? floor = null)
    {
        ArgumentNullException.ThrowIfNull(archiveUrl);
        ArgumentNullException.ThrowIfNull(waves);
        if (!Uri.TryCreate(archiveUrl, UriKind.Absolute, out var url)
            || !((url.Scheme is "http" or "https" && !string.IsNullOrEmpty(url.Host)) || url.Scheme == ArchiveChunks.Scheme))
        {
            throw new UserInputException($"--archive-url '{archiveUrl}' is not an http or https address, e.g. http://models.local/edge-1.4.0.zip, nor mqtt-chunks:<sha256> as 'edge-train publish-chunks' prints it.");
        }
        // An archive sent as MQTT chunks is named by its hash: the URL gives it, or must agree with what does.
        var chunks = url.Scheme == ArchiveChunks.Scheme
            ? ArchiveChunks.Sha256Of(url) ?? throw new UserInputException($"--archive-url '{archiveUrl}' must be mqtt-chunks: followed by the archive's SHA-256 (64 lowercase hexadecimal digits).")
            : null;
        var hash = sha256?.ToLowerInvariant();
        if (hash is not null && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
        {
            throw new UserInputException($"--sha256 '{sha256}' is not a SHA-256: write its 64 hexadecimal digits (sha256sum prints them).");
        }
        if (size is <= 0)
        {
            throw new UserInputException($"--size {size} is not a size: write the archive's size in bytes (1 or more).");
        }
        string? normalized = null;
        if (version is not null)
        {
            normalized = SemanticVersion.TryParse(version, out var parsed, out var why)
                ? parsed.ToString()
                : throw new UserInputException($"--version '{version}' is not a semantic version: {why}.");
        }
        if (archive is not null)
        {
            Agree("--version", normalized, archive.Version);
            Agree("--sha256", hash, archive.Sha256);
            Agree("--size", size?.ToString(CultureInfo.InvariantCulture), archive.Size.ToString(CultureInfo.InvariantCulture));
        }
        var finalVersion = normalized ?? archive?.Version;
        if (chunks is not null)
        {
            Agree("--sha256", hash ?? archive?.Sha256, chunks, "--archive-url");
        }
        var finalHash = hash ?? archive?.Sha256 ?? chunks;
        var finalSize = size ?? archive?.Size;
        var missing = new List<string>();
        if (finalVersion is null)
        {
            missing.Add("--version");
        }
        if (finalHash is null)
        {
            missing.Add("--sha256");
        }
        if (finalSize is null)
        {
            missing.Add("--size");
        }
        if (missing.Count > 0)
        {
            throw new UserInputException($"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} required without --archive: give the packed zip with --archive FILE, or each of --version, --sha256 and --size.");
        }
        if (!double.IsFinite(maxFailureRate) || maxFailureRate is < 0 or > 1)
        {
            throw new UserInputException($"--max-failure-rate must be a fraction from 0 to 1 (got {maxFailureRate.ToString(CultureInfo.InvariantCulture)}).");
        }
        if (!double.IsFinite(timeoutMinutes) || timeoutMinutes <= 0 || timeoutMinutes > 7 * 24 * 60)
        {
            throw new UserInputException($"--timeout-minutes must be above 0 and at most a week (got {timeoutMinutes.ToString(CultureInfo.InvariantCulture)}).");
        }
        string? finalFloor = null;
        if (floor is not null)
        {
            if (!SemanticVersion.TryParse(floor, out var parsedFloor, out var whyNot))
            {
                throw new UserInputException($"--floor '{floor}' is not a semantic version: {whyNot}.");
            }
            if (parsedFloor > SemanticVersion.Parse(finalVersion!))
            {
                throw new UserInputException($"--floor {parsedFloor} is above the version {finalVersion} being rolled out: the devices could never run it.");
            }
            finalFloor = parsedFloor.ToString();
        }
        return new RolloutSettings
        {
            ArchiveUrl = url,
            Version = finalVersion!,
            Sha256 = finalHash!,
            Size = finalSize!.Value,
            Waves = WavePlan.Parse(waves),
            HaltOnFailure = haltOnFailure,
            MaxFailureRate = maxFailureRate,
            Timeout = TimeSpan.FromMinutes(timeoutMinutes),
            Force = force,
            Floor = finalFloor,
        };
    }

    private static void Agree(string option, string? given, string fromArchive)
    {
        if (given is not null && given != fromArchive)
        {
            throw new UserInputException($"{option} {given} disagrees with the archive ({fromArchive}); leave it out, the archive gives it.");
        }
    }

    private static void Agree(string option, string? given, string fromUrl, string urlOption)
    {
        if (given is not null && given != fromUrl)
        {
            throw new UserInputException($"{urlOption} names the archive {fromUrl}, but its SHA-256 is {given} ({option} or --archive): publish this archive with 'edge-train publish-chunks' and use the URL it prints.");
        }
    }
}
