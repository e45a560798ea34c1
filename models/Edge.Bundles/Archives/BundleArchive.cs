using System.IO.Compression;
using System.Security.Cryptography;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Archives;

/// <summary>
/// The one-file form of a signed bundle that travels to devices: a flat zip of the manifest, its signature and every
/// listed file, stored uncompressed (graphs are already dense). Extraction trusts nothing in the archive: see
/// <see cref="Extract"/>.
/// </summary>
public static class BundleArchive
{
    /// <summary>Packs a signed bundle into <paramref name="archivePath"/> (written beside it, then renamed into place).</summary>
    /// <returns>The archive's size and lowercase hex SHA-256, what an install command names.</returns>
    /// <exception cref="BundleException">The bundle is not signed.</exception>
    public static (long Size, string Sha256) Pack(Bundle bundle, string archivePath)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!bundle.HasSignature)
        {
            throw new BundleException($"The bundle '{bundle.Folder}' is not signed; devices refuse unsigned bundles: sign it first (edge-train sign)");
        }
        var temporary = archivePath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            var names = bundle.Manifest.Files.Keys.Append(BundleFileNames.Manifest).Append(BundleFileNames.Signature).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                zip.CreateEntryFromFile(Path.Combine(bundle.Folder, name), name, CompressionLevel.NoCompression);
            }
        }
        File.Move(temporary, archivePath, overwrite: true);
        using var stream = File.OpenRead(archivePath);
        return (stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>
    /// Extracts an archive into <paramref name="folder"/> (created; it must not exist yet). Every entry must be a flat
    /// bundle file name (no folders, no path that could point outside), appear once, be the manifest, its signature or a
    /// file the manifest lists, and the sizes actually read (not the sizes the zip claims) stay within
    /// <paramref name="limits"/>. It does not verify the bundle: open the folder with the signature check afterwards.
    /// On any refusal the folder is removed again.
    /// </summary>
    /// <exception cref="BundleException">The archive is damaged, not a zip, or breaks a rule (the message says which).</exception>
    public static void Extract(string archivePath, string folder, ArchiveLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(folder))
        {
            throw new IOException($"The extraction folder '{folder}' already exists");
        }
        Directory.CreateDirectory(folder);
        try
        {
            using var zip = OpenZip(archivePath);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw Refused(archivePath, $"it has {zip.Entries.Count} entries, more than the {limits.MaxEntries} a bundle may have");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.FullName;
                if (!(name is BundleFileNames.Manifest or BundleFileNames.Signature) && !BundleFileNames.IsValidFileName(name))
                {
                    throw Refused(archivePath, $"the entry '{name}' is not a flat bundle file name (letters, digits, '.', '_', '-'; no folders)");
                }
                if (!seen.Add(name))
                {
                    throw Refused(archivePath, $"the entry '{name}' appears twice");
                }
                total += CopyEntry(archivePath, entry, Path.Combine(folder, name), total, limits.MaxTotalBytes, cancellationToken);
            }
            if (!seen.Contains(BundleFileNames.Manifest))
            {
                throw Refused(archivePath, $"it has no {BundleFileNames.Manifest}");
            }
            RefuseUnlisted(archivePath, folder, seen);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Refuses an entry that is neither the manifest, nor its signature, nor a file the manifest lists, whatever its
    /// name (<c>manifest.json.tmp</c> too): the signature covers the manifest and the manifest every listed file's
    /// hash, so nothing vouches for anything else. The manifest read here is not verified yet; the signature check
    /// after extraction binds it, and with it this list.
    /// </summary>
    private static void RefuseUnlisted(string archivePath, string folder, IEnumerable<string> entries)
    {
        var manifestPath = Path.Combine(folder, BundleFileNames.Manifest);
        var length = new FileInfo(manifestPath).Length;
        if (length > Bundle.MaxManifestBytes)
        {
            throw Refused(archivePath, $"its {BundleFileNames.Manifest} has {length} bytes, more than the {Bundle.MaxManifestBytes} allowed");
        }
        IReadOnlyDictionary<string, FileEntry> listed;
        try
        {
            listed = ManifestSerializer.Parse(File.ReadAllBytes(manifestPath)).Files;
        }
        catch (BundleException e)
        {
            throw Refused(archivePath, $"its {BundleFileNames.Manifest} is invalid ({e.Message})");
        }
        var unlisted = entries.Where(n => n is not (BundleFileNames.Manifest or BundleFileNames.Signature) && !listed.ContainsKey(n)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unlisted is not null)
        {
            throw Refused(archivePath, $"the entry '{unlisted}' is not listed in its {BundleFileNames.Manifest}, so nothing vouches for it");
        }
    }

    private static ZipArchive OpenZip(string archivePath)
    {
        try
        {
            return ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException e)
        {
            throw Refused(archivePath, $"it is not a readable zip ({e.Message})");
        }
    }

    /// <summary>Copies one entry, counting the bytes really inflated: a zip bomb's headers can claim any size.</summary>
    private static long CopyEntry(string archivePath, ZipArchiveEntry entry, string target, long before, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        try
        {
            using var source = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written += read;
                if (before + written > limit)
                {
                    throw Refused(archivePath, $"its content passes {limit} bytes (at '{entry.FullName}'), more than a bundle may hold");
                }
                output.Write(buffer, 0, read);
            }
            output.Flush(flushToDisk: true);
        }
        catch (InvalidDataException e)
        {
            throw Refused(archivePath, $"the entry '{entry.FullName}' is damaged ({e.Message})");
        }
        return written;
    }

    private static BundleException Refused(string archivePath, string why) =>
        new($"The bundle archive '{Path.GetFileName(archivePath)}' is refused: {why}");
}
