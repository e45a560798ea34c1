using System.Security.Cryptography;
using Edge.Imaging;
using Edge.Testing;
using Edge.Trainer.Synthesis;

namespace Edge.Trainer.Tests.Synthesis;

public sealed class SyntheticDatasetTests
{
    private static readonly SyntheticDatasetOptions Small = new() { TrainCount = 3, TestCountPerKind = 2, ImageSize = 64, Seed = 5 };

    [Fact]
    public void Data_set_has_the_mvtec_layout_for_every_class_and_defect()
    {
        using var folder = new TempFolder();

        var written = SyntheticDataset.Write(folder.Path, Small);

        Assert.Equal(2 * (3 + 2 + 4 * 2), written);
        foreach (var productClass in new[] { "weave", "grain" })
        {
            Assert.Equal(3, Directory.GetFiles(Path.Combine(folder.Path, productClass, "train", "good"), "*.png").Length);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, productClass, "test", "good"), "*.png").Length);
            foreach (var defect in new[] { "scratch", "hole", "stain", "missing" })
            {
                var images = Directory.GetFiles(Path.Combine(folder.Path, productClass, "test", defect), "*.png").Order().ToArray();
                Assert.Equal(2, images.Length);
                foreach (var image in images)
                {
                    var mask = Path.Combine(folder.Path, productClass, "ground_truth", defect, Path.GetFileNameWithoutExtension(image) + "_mask.png");
                    Assert.True(File.Exists(mask), $"no mask for {image}");
                }
            }
        }
    }

    [Fact]
    public void Same_options_write_byte_identical_files_and_another_seed_does_not()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var third = new TempFolder();

        SyntheticDataset.Write(first.Path, Small);
        SyntheticDataset.Write(second.Path, Small);
        SyntheticDataset.Write(third.Path, Small with { Seed = 6 });

        Assert.Equal(Digest(first.Path), Digest(second.Path));
        Assert.NotEqual(Digest(first.Path), Digest(third.Path));
    }

    [Theory]
    [InlineData(SyntheticKind.Textures)]
    [InlineData(SyntheticKind.Objects)]
    public void Every_defect_mask_marks_a_region_where_the_picture_differs_from_normal_statistics(SyntheticKind kind)
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small with { Kind = kind });

        foreach (var maskPath in Directory.GetFiles(folder.Path, "*_mask.png", SearchOption.AllDirectories))
        {
            var mask = ImageCodec.Load(maskPath, PixelLayout.Gray);
            var marked = mask.Pixels.Count(p => p == 255);
            Assert.InRange(marked, 4, mask.Pixels.Length / 4);
            Assert.All(mask.Pixels, p => Assert.True(p is 0 or 255));
        }
    }

    [Fact]
    public void Normal_images_of_one_class_vary_but_stay_alike()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);
        var images = Directory.GetFiles(Path.Combine(folder.Path, "weave", "train", "good")).Order()
            .Select(p => ImageCodec.Load(p, PixelLayout.Rgb).Pixels).ToArray();

        var meanA = images[0].Average(p => p);
        var meanB = images[1].Average(p => p);

        Assert.False(images[0].AsSpan().SequenceEqual(images[1]));
        Assert.InRange(Math.Abs(meanA - meanB), 0, 20);
    }

    [Fact]
    public void Bad_counts_are_refused_with_the_option_name()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() => SyntheticDataset.Write(folder.Path, Small with { TrainCount = 0 }));

        Assert.Contains("--count", error.Message, StringComparison.Ordinal);
    }

    private static string Digest(string root)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
