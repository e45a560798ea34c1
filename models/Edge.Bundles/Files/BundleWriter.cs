using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;

namespace Edge.Bundles.Files;

/// <summary>
/// Writes a new bundle: add the files (each hashed while it is written and flushed to disk), then
/// <see cref="Commit"/> the manifest, which lists them and is written last and atomically. A folder without
/// its manifest is not a bundle, so a writer that stops half-way never leaves something that opens.
/// Not thread-safe.
/// </summary>
public sealed class BundleWriter
{
    private readonly Dictionary<string, FileEntry> _files = new(StringComparer.Ordinal);
    private bool _committed;

    private BundleWriter(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>The files added so far.</summary>
    public IReadOnlyDictionary<string, FileEntry> Files => _files;

    /// <summary>Starts a bundle in <paramref name="folder"/>, which must not exist or be empty.</summary>
    public static BundleWriter Create(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"The bundle folder '{folder}' is not empty; a bundle is written into a new folder.");
        }
        Directory.CreateDirectory(folder);
        return new BundleWriter(Path.GetFullPath(folder));
    }

    public FileEntry AddFile(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PrepareName(name);
        FileEntry entry;
        using (var destination = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            entry = FileHasher.Copy(content, destination, cancellationToken);
            destination.Flush(flushToDisk: true);
        }
        _files[name] = entry;
        return entry;
    }

    public FileEntry AddFile(string name, ReadOnlySpan<byte> content)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return AddFile(name, stream);
    }

    public FileEntry CopyFile(string name, string sourcePath, CancellationToken cancellationToken = default)
    {
        using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return AddFile(name, source, cancellationToken);
    }

    public FileEntry CopyGraph(BundleGraph graph, string sourcePath, CancellationToken cancellationToken = default) =>
        CopyFile(BundleFileNames.GraphFile(graph), sourcePath, cancellationToken);

    public FileEntry AddTensor(string name, NpyArray tensor)
    {
        using var buffer = new MemoryStream();
        NpyFile.Write(buffer, tensor);
        buffer.Position = 0;
        return AddFile(name, buffer);
    }

    /// <summary>
    /// Lists the added files in <paramref name="manifest"/> (its own files map is replaced), validates it, writes it
    /// atomically and opens the result, which verifies every file once more.
    /// </summary>
    /// <exception cref="Validation.BundleException">The manifest, or the bundle it describes, is invalid; nothing is written.</exception>
    public Bundle Commit(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (_committed)
        {
            throw new InvalidOperationException("This bundle was already committed.");
        }
        var complete = manifest with { Files = new Dictionary<string, FileEntry>(_files, StringComparer.Ordinal) };
        ManifestSerializer.Validate(complete);
        AtomicFile.WriteAllBytes(
            Path.Combine(Folder, BundleFileNames.Manifest),
            ManifestSerializer.Serialize(complete),
            Path.Combine(Folder, BundleFileNames.ManifestTemp));
        _committed = true;
        return Bundle.Open(Folder);
    }

    private string PrepareName(string name)
    {
        if (_committed)
        {
            throw new InvalidOperationException("This bundle was already committed; start a new one.");
        }
        if (BundleFileNames.IsReserved(name) || !BundleFileNames.IsValidFileName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid bundle file name (letters, digits, '.', '_', '-'; not reserved).", nameof(name));
        }
        if (_files.ContainsKey(name))
        {
            throw new ArgumentException($"'{name}' was already added to this bundle.", nameof(name));
        }
        return Path.Combine(Folder, name);
    }
}
