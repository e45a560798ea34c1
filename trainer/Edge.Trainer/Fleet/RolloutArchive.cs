using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Bundles.Manifest;
using Edge.Bundles.Versioning;
using Edge.Trainer.Commands;

namespace Edge.Trainer.Fleet;

/// <summary>
/// What a rollout command says about the archive, read from the zip that <c>edge-train pack</c> wrote: its SHA-256,
/// its size, and the model version from the <c>manifest.json</c> inside. Only the version is read from the manifest:
/// devices check the whole bundle and its signature themselves.
/// </summary>
public sealed record RolloutArchive(string Version, string Sha256, long Size)
{
    /// <summary>A manifest is a few KiB; anything far beyond is not one.</summary>
    private const long MaxManifestBytes = 4 * 1024 * 1024;

    /// <exception cref="UserInputException">The file is missing or is not a signed bundle archive.</exception>
    public static RolloutArchive Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException($"--archive '{path}' does not exist.");
        }
        string sha;
        long size;
        using (var stream = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            size = stream.Length;
        }
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var manifest = zip.GetEntry(BundleFileNames.Manifest)
                ?? throw new UserInputException($"--archive '{path}' has no {BundleFileNames.Manifest}: make it with 'edge-train pack'.");
            if (zip.GetEntry(BundleFileNames.Signature) is null)
            {
                throw new UserInputException($"--archive '{path}' has no {BundleFileNames.Signature}: devices refuse unsigned bundles; sign it and pack it again.");
            }
            if (manifest.Length > MaxManifestBytes)
            {
                throw new UserInputException($"--archive '{path}': its {BundleFileNames.Manifest} has {manifest.Length} bytes, too many for a manifest.");
            }
            return new RolloutArchive(ReadVersion(manifest, path), sha, size);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"--archive '{path}' is not a zip archive: {e.Message}", e);
        }
    }

    private static string ReadVersion(ZipArchiveEntry manifest, string path)
    {
        try
        {
            using var stream = manifest.Open();
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("modelVersion", out var version)
                && version.ValueKind == JsonValueKind.String
                && SemanticVersion.TryParse(version.GetString(), out var parsed))
            {
                return parsed.ToString();
            }
        }
        catch (JsonException e)
        {
            throw new UserInputException($"--archive '{path}': its {BundleFileNames.Manifest} is not valid JSON: {e.Message}", e);
        }
        throw new UserInputException($"--archive '{path}': its {BundleFileNames.Manifest} has no modelVersion that is a semantic version.");
    }
}
