namespace Edge.Trainer.Data;

/// <summary>
/// A data set in the MVTec AD layout: per product class <c>train/good/</c>, <c>test/good/</c>, <c>test/&lt;defect&gt;/</c>
/// and optionally <c>ground_truth/&lt;defect&gt;/&lt;name&gt;_mask.png</c>. The root is either one class folder or a folder
/// of class folders. A data set without <c>ground_truth/</c> is valid: it has image-level labels only.
/// </summary>
public sealed class MvtecDataset
{
    public const string Good = "good";

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    private MvtecDataset(string root, IReadOnlyList<string> classNames, IReadOnlyList<DatasetSample> train, IReadOnlyList<DatasetSample> test)
    {
        Root = root;
        ClassNames = classNames;
        Train = train;
        Test = test;
    }

    public string Root { get; }

    /// <summary>Product classes in a stable (ordinal) order; a sample's ClassIndex points into this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public IReadOnlyList<DatasetSample> Train { get; }

    public IReadOnlyList<DatasetSample> Test { get; }

    /// <summary>True when every defective test image has a ground-truth mask (pixel-level evaluation is possible).</summary>
    public bool HasPixelLabels => Test.Any(s => s.IsAnomalous) && Test.Where(s => s.IsAnomalous).All(s => s.MaskPath is not null);

    /// <summary>Scans <paramref name="root"/>; a folder that is not in the layout gives an <see cref="InvalidDataException"/> saying what is missing.</summary>
    public static MvtecDataset Open(string root) => Scan(root, "train");

    /// <summary>
    /// Scans a validation folder: the MVTec AD layout with <c>test/</c> (and optionally <c>ground_truth/</c>) in it or
    /// in each class folder; <c>train/</c> is not needed, and <see cref="Train"/> is empty.
    /// </summary>
    public static MvtecDataset OpenTestOnly(string root) => Scan(root, "test");

    /// <summary>The same data set with only <paramref name="test"/> as its test images (a subset of <see cref="Test"/>).</summary>
    public MvtecDataset WithTest(IReadOnlyList<DatasetSample> test) => new(Root, ClassNames, Train, test);

    /// <summary>A sample's path relative to <see cref="Root"/> with <c>/</c> separators (<c>grain/test/good/003.png</c>): how the manifest names calibration images.</summary>
    public string RelativePath(DatasetSample sample) => Path.GetRelativePath(Root, sample.ImagePath).Replace(Path.DirectorySeparatorChar, '/');

    private static MvtecDataset Scan(string root, string marker)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data folder '{root}' does not exist.");
        }
        var classFolders = Directory.Exists(Path.Combine(root, marker))
            ? [root]
            : Directory.GetDirectories(root).Where(d => Directory.Exists(Path.Combine(d, marker))).Order(StringComparer.Ordinal).ToArray();
        if (classFolders.Length == 0)
        {
            throw new InvalidDataException(
                $"'{root}' is not in the MVTec AD layout: expected {marker}/{(marker == "train" ? "good/" : "")} in it, or in each of its class folders.");
        }
        var classNames = classFolders.Select(f => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))).ToArray();
        var train = new List<DatasetSample>();
        var test = new List<DatasetSample>();
        for (var c = 0; c < classFolders.Length; c++)
        {
            var trainGood = Path.Combine(classFolders[c], "train", Good);
            var trainImages = Images(trainGood);
            if (trainImages.Length == 0 && marker == "train")
            {
                throw new InvalidDataException($"'{trainGood}' holds no PNG or JPEG images; training needs normal images there.");
            }
            train.AddRange(trainImages.Select(p => new DatasetSample(p, classNames[c], c, Good, null)));
            test.AddRange(TestSamples(classFolders[c], classNames[c], c));
        }
        return new MvtecDataset(Path.GetFullPath(root), classNames, train, test);
    }

    private static IEnumerable<DatasetSample> TestSamples(string classFolder, string className, int classIndex)
    {
        var testFolder = Path.Combine(classFolder, "test");
        if (!Directory.Exists(testFolder))
        {
            yield break;
        }
        foreach (var categoryFolder in Directory.GetDirectories(testFolder).Order(StringComparer.Ordinal))
        {
            var category = Path.GetFileName(categoryFolder);
            foreach (var image in Images(categoryFolder))
            {
                string? mask = null;
                if (category != Good)
                {
                    var candidate = Path.Combine(classFolder, "ground_truth", category, Path.GetFileNameWithoutExtension(image) + "_mask.png");
                    mask = File.Exists(candidate) ? candidate : null;
                }
                yield return new DatasetSample(image, className, classIndex, category, mask);
            }
        }
    }

    private static string[] Images(string folder) => !Directory.Exists(folder)
        ? []
        : Directory.GetFiles(folder)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
