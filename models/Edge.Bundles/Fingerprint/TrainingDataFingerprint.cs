using System.Security.Cryptography;
using System.Text;
using Edge.Bundles.Files;

namespace Edge.Bundles.Fingerprint;

/// <summary>
/// A fingerprint of the images under a folder that depends only on their relative paths and contents, never on
/// the order the file system lists them in, timestamps or the folder's own location.
/// Definition: take every file under the folder (recursively) whose extension is an image extension
/// (.png, .jpg, .jpeg, .bmp, .tif, .tiff, any case); its relative path uses '/' separators and is UTF-8 encoded;
/// sort the files by those UTF-8 bytes (unsigned, byte by byte); the fingerprint is SHA-256 over, for each file
/// in that order, its path bytes, one 0x00 byte, and the 32 raw bytes of the SHA-256 of its content.
/// (0x00 cannot occur in a path, so the concatenation is unambiguous.)
/// </summary>
public static class TrainingDataFingerprint
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    public static bool IsImageFile(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static DataFingerprint Compute(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The data folder '{folder}' does not exist.");
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsImageFile)
            .Select(path => (Path: path, Key: Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))))
            .ToList();
        files.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));

        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, key) in files)
        {
            total.AppendData(key);
            total.AppendData([0]);
            total.AppendData(Convert.FromHexString(FileHasher.Hash(path, cancellationToken).Sha256));
        }
        return new DataFingerprint(Convert.ToHexStringLower(total.GetHashAndReset()), files.Count);
    }
}
