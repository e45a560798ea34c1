using Edge.Bundles.Fingerprint;
using Edge.Bundles.Tests.Support;
using Edge.Testing;

namespace Edge.Bundles.Tests.Fingerprint;

public class TrainingDataFingerprintTests
{
    private static readonly (string Path, string Content)[] Images =
    [
        ("carpet/train/good/000.png", "carpet zero"),
        ("bottle/train/good/001.PNG", "bottle one"),
        ("bottle/train/good/000.jpg", "bottle zero"),
        ("bottle/train/good/é.jpeg", "accented"),
        ("bottle/train/good/Z.bmp", "capital"),
    ];

    [Fact]
    public void The_fingerprint_ignores_creation_order_location_and_non_images()
    {
        using var temp = new TempFolder();
        var a = temp.File("a");
        var b = temp.File("elsewhere/b");
        Create(a, Images);
        Create(b, Images.Reverse().ToArray());
        File.WriteAllText(Path.Combine(b, "README.txt"), "not an image");

        var first = TrainingDataFingerprint.Compute(a);
        var second = TrainingDataFingerprint.Compute(b);

        Assert.Equal(first, second);
        Assert.Equal(5, first.ImageCount);
        Assert.Matches("^[0-9a-f]{64}$", first.Sha256);
    }

    [Fact]
    public void Renaming_or_changing_an_image_changes_the_fingerprint()
    {
        using var temp = new TempFolder();
        var folder = temp.File("data");
        Create(folder, Images);
        var original = TrainingDataFingerprint.Compute(folder).Sha256;

        File.Move(Path.Combine(folder, "carpet/train/good/000.png"), Path.Combine(folder, "carpet/train/good/002.png"));
        var renamed = TrainingDataFingerprint.Compute(folder).Sha256;
        File.WriteAllText(Path.Combine(folder, "bottle/train/good/Z.bmp"), "capitaL");
        var changed = TrainingDataFingerprint.Compute(folder).Sha256;

        Assert.Equal(3, new[] { original, renamed, changed }.Distinct().Count());
    }

    [Fact]
    public void The_fingerprint_matches_an_independent_python_implementation_of_its_definition()
    {
        using var temp = new TempFolder();
        var folder = temp.File("data");
        Create(folder, Images);
        const string script = """
            import hashlib, os, sys
            root = sys.argv[1]
            exts = {'.png', '.jpg', '.jpeg', '.bmp', '.tif', '.tiff'}
            files = []
            for d, _, names in os.walk(root):
                for n in names:
                    if os.path.splitext(n)[1].lower() in exts:
                        p = os.path.join(d, n)
                        files.append((os.path.relpath(p, root).replace(os.sep, '/').encode('utf-8'), p))
            h = hashlib.sha256()
            for key, p in sorted(files):
                h.update(key + b'\0' + hashlib.sha256(open(p, 'rb').read()).digest())
            print(h.hexdigest())
            """;
        Assert.Equal(Python.Run(script, folder), TrainingDataFingerprint.Compute(folder).Sha256);
    }

    private static void Create(string root, IEnumerable<(string Path, string Content)> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }
}
