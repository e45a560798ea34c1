using Edge.Imaging;
using Edge.Imaging.Preprocessing;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Synthesis;

namespace Edge.Trainer.Tests.Data;

public sealed class MvtecDatasetTests
{
    private static readonly SyntheticDatasetOptions Small = new() { TrainCount = 3, TestCountPerKind = 2, ImageSize = 48, Seed = 3 };

    [Fact]
    public void A_folder_of_class_folders_gives_every_class_its_train_and_test_samples_with_masks()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);

        var data = MvtecDataset.Open(folder.Path);

        Assert.Equal(["grain", "weave"], data.ClassNames);
        Assert.Equal(6, data.Train.Count);
        Assert.All(data.Train, s => Assert.False(s.IsAnomalous));
        Assert.Equal(2 * (2 + 4 * 2), data.Test.Count);
        Assert.Equal(16, data.Test.Count(s => s.IsAnomalous));
        Assert.All(data.Test.Where(s => s.IsAnomalous), s => Assert.True(File.Exists(s.MaskPath)));
        Assert.True(data.HasPixelLabels);
        Assert.All(data.Train.Where(s => s.ProductClass == "weave"), s => Assert.Equal(1, s.ClassIndex));
    }

    [Fact]
    public void A_single_class_folder_is_a_data_set_of_one_class()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);

        var data = MvtecDataset.Open(Path.Combine(folder.Path, "weave"));

        Assert.Equal(["weave"], data.ClassNames);
        Assert.Equal(3, data.Train.Count);
    }

    [Fact]
    public void A_data_set_without_ground_truth_has_image_labels_only()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);
        Directory.Delete(Path.Combine(folder.Path, "weave", "ground_truth"), recursive: true);

        var data = MvtecDataset.Open(Path.Combine(folder.Path, "weave"));

        Assert.False(data.HasPixelLabels);
        Assert.Equal(8, data.Test.Count(s => s.IsAnomalous));
        Assert.All(data.Test, s => Assert.Null(s.MaskPath));
    }

    [Fact]
    public void A_folder_not_in_the_layout_is_refused_with_what_was_expected()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "photos"));

        var error = Assert.Throws<InvalidDataException>(() => MvtecDataset.Open(folder.Path));

        Assert.Contains("train/good", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_folder_is_refused_with_its_path()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => MvtecDataset.Open("/nonexistent/data"));

        Assert.Contains("/nonexistent/data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_image_names_its_file()
    {
        using var folder = new TempFolder();
        var bad = folder.File("broken.png");
        File.WriteAllBytes(bad, [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        var loader = new SampleLoader(32, 3, ChannelNormalization.UnitRange(3));

        var error = Assert.Throws<InvalidDataException>(() => loader.Load(bad, new float[loader.SampleLength], Augmentation.None, new Random(1)));

        Assert.Contains("broken.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_augmentation_a_sample_is_the_plain_resized_normalized_image()
    {
        using var folder = new TempFolder();
        var path = folder.File("gradient.png");
        var image = new Image(4, 4, PixelLayout.Gray);
        for (var i = 0; i < 16; i++)
        {
            image.Pixels[i] = (byte)(i * 10);
        }
        ImageCodec.Save(image.AsView(), path);
        var loader = new SampleLoader(4, 3, new ChannelNormalization([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
        var sample = new float[loader.SampleLength];

        loader.Load(path, sample, Augmentation.None, new Random(1));

        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 16; i++)
            {
                Assert.Equal((i * 10 / 255f - 0.5f) / 0.25f, sample[c * 16 + i], 4);
            }
        }
    }

    [Fact]
    public void Horizontal_flip_mirrors_every_row_and_the_same_seed_gives_the_same_augmentation()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);
        var path = MvtecDataset.Open(folder.Path).Train[0].ImagePath;
        var loader = new SampleLoader(48, 3, ChannelNormalization.UnitRange(3));
        var plain = new float[loader.SampleLength];
        loader.Load(path, plain, Augmentation.None, new Random(1));
        var flipOnly = Augmentation.None with { HorizontalFlip = true };
        var flipped = FirstFlipped(loader, path, flipOnly);

        for (var y = 0; y < 48; y++)
        {
            Assert.Equal(plain[y * 48], flipped[y * 48 + 47]);
        }

        var a = new float[loader.SampleLength];
        var b = new float[loader.SampleLength];
        loader.Load(path, a, new Augmentation(), new Random(9));
        loader.Load(path, b, new Augmentation(), new Random(9));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Masks_load_as_zeros_and_ones_at_the_model_size()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.Path, Small);
        var defective = MvtecDataset.Open(folder.Path).Test.First(s => s.IsAnomalous);
        var loader = new SampleLoader(24, 3, ChannelNormalization.UnitRange(3));
        var mask = new float[24 * 24];

        loader.LoadMask(defective.MaskPath, mask);

        Assert.All(mask, v => Assert.True(v is 0f or 1f));
        Assert.Contains(1f, mask);
        loader.LoadMask(null, mask);
        Assert.All(mask, v => Assert.Equal(0f, v));
    }

    private static float[] FirstFlipped(SampleLoader loader, string path, Augmentation flipOnly)
    {
        // Random(seed).Next(2) decides the flip; find a seed that flips.
        for (var seed = 0; ; seed++)
        {
            if (new Random(seed).Next(2) == 1)
            {
                var sample = new float[loader.SampleLength];
                loader.Load(path, sample, flipOnly, new Random(seed));
                return sample;
            }
        }
    }
}
