using Edge.Bundles.Json;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tensors;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Files;

/// <summary>
/// A bundle folder whose manifest is valid and whose every listed file has the listed size and SHA-256.
/// The folder must be writable only by its owner: files are verified when the bundle is opened, not at each later read.
/// </summary>
public sealed class Bundle
{
    /// <summary>The largest manifest read (its size is checked before it is read into memory).</summary>
    internal const long MaxManifestBytes = 16 << 20;

    private Bundle(string folder, BundleManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public string Folder { get; }

    public BundleManifest Manifest { get; }

    public string ManifestPath => Path.Combine(Folder, BundleFileNames.Manifest);

    /// <summary>Where the signature over <c>manifest.json</c> lives (written by a separate signing step).</summary>
    public string SignaturePath => Path.Combine(Folder, BundleFileNames.Signature);

    public bool HasSignature => File.Exists(SignaturePath);

    /// <summary>
    /// Reads and checks a bundle: the manifest (every problem with its JSON path), then every listed file's size
    /// and SHA-256, missing files, and files in the folder that the manifest does not list (an unlisted graph
    /// is never loaded; any unlisted file is refused because nothing vouches for it).
    /// </summary>
    /// <exception cref="BundleException">Lists every problem found.</exception>
    public static Bundle Open(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new BundleException($"The bundle folder '{folder}' does not exist");
        }
        var manifestPath = Path.Combine(folder, BundleFileNames.Manifest);
        if (!File.Exists(manifestPath))
        {
            throw new BundleException($"The bundle '{folder}' is invalid", [new BundleProblem(JsonPaths.Root, $"{BundleFileNames.Manifest} is missing")]);
        }
        var length = new FileInfo(manifestPath).Length;
        if (length > MaxManifestBytes)
        {
            throw new BundleException($"The bundle '{folder}' is invalid", [new BundleProblem(JsonPaths.Root, $"{BundleFileNames.Manifest} has {length} bytes, more than the {MaxManifestBytes} allowed")]);
        }
        var manifest = ManifestSerializer.Parse(File.ReadAllBytes(manifestPath));
        var problems = new ProblemList();
        VerifyFiles(folder, manifest, problems, cancellationToken);
        problems.ThrowIfAny($"The bundle '{folder}' is invalid");
        return new Bundle(Path.GetFullPath(folder), manifest);
    }

    public bool HasGraph(BundleGraph graph) => Manifest.Files.ContainsKey(BundleFileNames.GraphFile(graph));

    /// <exception cref="InvalidOperationException">The bundle has no such graph (a plain VQ bundle has no budget prior).</exception>
    public string GraphPath(BundleGraph graph) => FilePath(BundleFileNames.GraphFile(graph));

    /// <exception cref="InvalidOperationException">The manifest does not list this file.</exception>
    public string FilePath(string fileName) => Manifest.Files.ContainsKey(fileName)
        ? Path.Combine(Folder, fileName)
        : throw new InvalidOperationException($"The bundle '{Folder}' has no file '{fileName}'.");

    public NpyArray ReadTensor(string fileName) => NpyFile.Read(FilePath(fileName));

    /// <summary>
    /// Replaces the manifest (e.g. after calibration) without touching the other files, atomically. The files map
    /// must be unchanged. An existing signature is deleted first: it signed the old manifest and must be redone.
    /// </summary>
    /// <exception cref="BundleException">The new manifest is invalid or changes the files map.</exception>
    public Bundle ReplaceManifest(BundleManifest updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (!SameFiles(updated.Files, Manifest.Files))
        {
            throw new BundleException("The new manifest is invalid", [new BundleProblem("$.files", "must stay as it is when only the manifest is replaced")]);
        }
        ManifestSerializer.Validate(updated);
        File.Delete(SignaturePath);
        AtomicFile.WriteAllBytes(ManifestPath, ManifestSerializer.Serialize(updated), Path.Combine(Folder, BundleFileNames.ManifestTemp));
        return Open(Folder);
    }

    private static bool SameFiles(IReadOnlyDictionary<string, FileEntry> a, IReadOnlyDictionary<string, FileEntry> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other == pair.Value);

    private static void VerifyFiles(string folder, BundleManifest manifest, ProblemList problems, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, name);
            var entryPath = JsonPaths.Key("$.files", name);
            if (!File.Exists(path))
            {
                problems.Add(entryPath, "is listed but the file is missing from the bundle folder");
                continue;
            }
            var size = new FileInfo(path).Length;
            if (size != entry.Size)
            {
                problems.Add(JsonPaths.Property(entryPath, "size"), $"is {entry.Size} but the file has {size} bytes");
                continue;
            }
            var actual = FileHasher.Hash(path, cancellationToken);
            if (!string.Equals(actual.Sha256, entry.Sha256, StringComparison.Ordinal))
            {
                problems.Add(JsonPaths.Property(entryPath, "sha256"), $"does not match the file's content (its SHA-256 is {actual.Sha256}): the file was changed or damaged");
            }
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (entry is null || BundleFileNames.IsReserved(entry) || manifest.Files.ContainsKey(entry))
            {
                continue;
            }
            var what = entry.EndsWith(BundleFileNames.GraphExtension, StringComparison.Ordinal) ? "an unexpected graph" : "an unexpected file";
            problems.Add("$.files", $"does not list '{entry}', {what} in the bundle folder");
        }
    }
}
