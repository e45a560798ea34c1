using System.Globalization;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Synthesis.Photos;

namespace Edge.Benchmarks.Quality;

/// <summary>
/// One data set of the quality benchmark: a class cut from real photographs that a Debian package ships
/// (<see cref="PhotoDataset"/>), or one of <c>edge-train synth</c>'s synthetic sets.
/// </summary>
internal sealed record QualitySet(string Name, string What, string? Package, IReadOnlyList<string> Photos, SyntheticKind? Synthetic)
{
    private const string MateNature = "/usr/share/backgrounds/mate/nature";
    private const string OpenCvSamples = "/usr/share/doc/opencv-doc/examples/data";

    /// <summary>Every set, in the order the benchmark runs them.</summary>
    public static IReadOnlyList<QualitySet> All { get; } =
    [
        Photo("wood", "weathered wood planks, grain sharp below and blurred above", "mate-backgrounds", $"{MateNature}/Wood.jpg"),
        Photo("leaf", "a backlit leaf, parallel veins", "mate-backgrounds", $"{MateNature}/Blinds.jpg"),
        Photo("grass", "a lawn close up, blades in and out of focus", "mate-backgrounds", $"{MateNature}/GreenMeadow.jpg"),
        Photo("pcb", "a circuit board: chips, capacitors, traces, silkscreen", "opencv-doc", $"{OpenCvSamples}/board.jpg"),
        new("textures", "synthetic woven fabric and wood grain, two classes", null, [], SyntheticKind.Textures),
        new("objects", "synthetic washers and plates, two classes", null, [], SyntheticKind.Objects),
    ];

    /// <summary>
    /// The set's data folder under <paramref name="folder"/>, built there unless it already was with the same seed and
    /// the same builder (the trainer assembly); the description line says what it was cut from.
    /// </summary>
    public (string Data, string Description) Build(string folder, int seed)
    {
        var data = Path.Combine(folder, "sets", string.Create(CultureInfo.InvariantCulture, $"seed-{seed}"), Name);
        var stamp = data + ".stamp";
        var missing = Photos.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"the photograph {string.Join(", ", missing)} is missing: install {Package} (EDGE_SETUP_BENCH=1 scripts/setup.sh does)");
        }
        var expected = Stamp(seed);
        if (!Directory.Exists(data) || !File.Exists(stamp) || File.ReadAllText(stamp) != expected)
        {
            // The stamp is written last, so a build cut short is built again rather than reused.
            Directory.CreateDirectory(Path.GetDirectoryName(data)!);
            File.Delete(stamp);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
            Write(data, seed);
            File.WriteAllText(stamp, expected);
        }
        return (data, Describe(data, seed));
    }

    private static QualitySet Photo(string name, string what, string package, params string[] photos) => new(name, what, package, photos, null);

    private void Write(string data, int seed)
    {
        if (Synthetic is { } kind)
        {
            SyntheticDataset.Write(data, new SyntheticDatasetOptions { Kind = kind, Seed = seed });
        }
        else
        {
            PhotoDataset.Write(data, Photos, new PhotoSetOptions { Seed = seed });
        }
    }

    private string Describe(string data, int seed)
    {
        if (Synthetic is { } kind)
        {
            return $"{What}; edge-train synth --kind {kind.ToString().ToLowerInvariant()} --seed {seed}";
        }
        var record = PhotoSetRecord.Read(data);
        var photos = record.Sources.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Path} ({Package}, {s.Width}x{s.Height} shrunk 1/{s.Scale}, {s.TrainTiles} training and {s.HeldOutTiles} held-out tiles)"));
        var train = record.Crops.Count(c => c.Image.StartsWith("train/", StringComparison.Ordinal));
        var defective = record.Crops.Count(c => c.Defect is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"{What}; cut from {string.Join(", ", photos)}: {train} train, {record.Crops.Count - train - defective} good and {defective} defective test crops");
    }

    /// <summary>What the set's files depend on: this set, the seed, the photographs' sizes and the build of the code that cuts them.</summary>
    private string Stamp(int seed) => string.Join('\n',
        [
            $"set {Name}",
            string.Create(CultureInfo.InvariantCulture, $"seed {seed}"),
            $"builder {typeof(PhotoDataset).Assembly.ManifestModule.ModuleVersionId}",
            .. Photos.Select(p => string.Create(CultureInfo.InvariantCulture, $"photo {p} {new FileInfo(p).Length}")),
        ]) + "\n";
}
