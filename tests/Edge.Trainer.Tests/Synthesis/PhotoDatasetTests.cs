using System.Security.Cryptography;
using Edge.Imaging;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Synthesis.Photos;

namespace Edge.Trainer.Tests.Synthesis;

/// <summary>
/// The photo data set builder on a generated 600x400 "photograph" of planks (grain, knots, noise), shrunk by 2 to
/// 300x200: six tiles of 80 px for 64 px crops.
/// </summary>
public sealed class PhotoDatasetTests : IDisposable
{
    private static readonly PhotoSetOptions Small = new() { CropSize = 64, TrainCount = 6, TestGoodCount = 3, TestCountPerKind = 2, ShortSide = 200, Seed = 4 };

    private readonly TempFolder _folder = new();

    private readonly string _photo;

    public PhotoDatasetTests()
    {
        _photo = _folder.File("planks.png");
        ImageCodec.Save(Planks(600, 400).AsView(), _photo);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_class_folder_is_what_the_trainer_reads_with_every_defect_kind_and_its_masks()
    {
        var classFolder = Path.Combine(_folder.Path, "sets", "plank");
        PhotoDataset.Write(classFolder, [_photo], Small);

        foreach (var root in new[] { classFolder, Path.Combine(_folder.Path, "sets") })
        {
            var data = MvtecDataset.Open(root);

            Assert.Equal(["plank"], data.ClassNames);
            Assert.Equal(6, data.Train.Count);
            Assert.Equal(3 + 5 * 2, data.Test.Count);
            Assert.Equal(["crack", "good", "hole", "missing", "scratch", "stain"], data.Test.Select(s => s.Category).Distinct().Order(StringComparer.Ordinal));
            Assert.True(data.HasPixelLabels);
            Assert.All(data.Test.Where(s => !s.IsAnomalous), s => Assert.Null(s.MaskPath));
        }
    }

    [Fact]
    public void Same_photograph_and_seed_write_byte_identical_files_and_another_seed_does_not()
    {
        var (first, second, third) = (Path.Combine(_folder.Path, "a", "plank"), Path.Combine(_folder.Path, "b", "plank"), Path.Combine(_folder.Path, "c", "plank"));

        PhotoDataset.Write(first, [_photo], Small);
        PhotoDataset.Write(second, [_photo], Small);
        PhotoDataset.Write(third, [_photo], Small with { Seed = 5 });

        Assert.Equal(Digest(first), Digest(second));
        Assert.NotEqual(Digest(first), Digest(third));
    }

    [Fact]
    public void Every_image_is_its_recorded_crop_and_a_mask_marks_exactly_where_a_defect_changed_it()
    {
        var classFolder = Path.Combine(_folder.Path, "plank");
        var record = PhotoDataset.Write(classFolder, [_photo], Small);
        var source = PhotoDataset.LoadShrunk(_photo, Small);

        Assert.Equal(300, source.Width);
        Assert.Equal(6 + 3 + 5 * 2, record.Crops.Count);
        foreach (var crop in record.Crops)
        {
            var image = ImageCodec.Load(Path.Combine(classFolder, crop.Image), PixelLayout.Rgb);
            var original = source.Crop(new PixelRect(crop.X, crop.Y, crop.Size, crop.Size));
            var maskPath = Path.Combine(classFolder, "ground_truth", crop.Defect ?? "none", Path.GetFileNameWithoutExtension(crop.Image) + "_mask.png");
            if (crop.Defect is null)
            {
                Assert.False(File.Exists(maskPath));
                Assert.Equal(original.Pixels, image.Pixels);
                continue;
            }
            var mask = ImageCodec.Load(maskPath, PixelLayout.Gray).Pixels;
            Assert.All(mask, p => Assert.True(p is 0 or 255));
            var marked = Enumerable.Range(0, mask.Length).Where(i => mask[i] == 255).ToArray();
            Assert.InRange(marked.Length, 4, mask.Length / 4);
            // Outside the mask at most a faint fringe (the painter's 4 grey levels, plus rounding); inside, a change.
            var change = Enumerable.Range(0, mask.Length).Select(i => Change(original, image, i)).ToArray();
            Assert.All(Enumerable.Range(0, mask.Length).Where(i => mask[i] == 0), i => Assert.InRange(change[i], 0, 5));
            Assert.True(marked.Count(i => change[i] >= 3) >= marked.Length / 2, $"{crop.Image}: most of its mask should have changed");
        }
    }

    [Fact]
    public void Test_crops_never_share_a_pixel_with_a_training_crop_and_every_crop_lies_in_the_photograph()
    {
        var record = PhotoDataset.Write(Path.Combine(_folder.Path, "plank"), [_photo], Small with { TrainCount = 40, TestGoodCount = 10, TestCountPerKind = 6 });

        var train = record.Crops.Where(c => c.Image.StartsWith("train/", StringComparison.Ordinal)).ToList();
        var test = record.Crops.Where(c => c.Image.StartsWith("test/", StringComparison.Ordinal)).ToList();
        Assert.Equal(40, train.Count);
        Assert.Equal(10 + 5 * 6, test.Count);
        Assert.All(test, t => Assert.DoesNotContain(train, t.Overlaps));
        Assert.All(record.Crops, c => Assert.True(c.X >= 0 && c.Y >= 0 && c.X + c.Size <= 300 && c.Y + c.Size <= 200, $"{c.Image} is outside"));
        var photo = Assert.Single(record.Sources);
        Assert.Equal((600, 400, 2, 6), (photo.Width, photo.Height, photo.Scale, photo.TrainTiles + photo.HeldOutTiles));
        Assert.Equal(2, photo.HeldOutTiles);
    }

    [Fact]
    public void The_record_reads_back_as_it_was_written()
    {
        var classFolder = Path.Combine(_folder.Path, "plank");
        var written = PhotoDataset.Write(classFolder, [_photo], Small);

        var read = PhotoSetRecord.Read(classFolder);

        Assert.Equal(written.Sources, read.Sources);
        Assert.Equal(written.Crops, read.Crops);
    }

    [Fact]
    public void A_photograph_too_small_for_two_tiles_is_refused_with_its_name()
    {
        var tiny = _folder.File("tiny.png");
        ImageCodec.Save(Planks(150, 100).AsView(), tiny);

        var error = Assert.Throws<ArgumentException>(() => PhotoDataset.Write(Path.Combine(_folder.Path, "tiny"), [tiny], Small));

        Assert.Contains("tiny.png", error.Message, StringComparison.Ordinal);
    }

    private static int Change(Image a, Image b, int pixel) =>
        Enumerable.Range(0, 3).Max(c => Math.Abs(a.Pixels[pixel * 3 + c] - b.Pixels[pixel * 3 + c]));

    /// <summary>Horizontal planks with a wavy grain, a knot per plank and a little noise, in browns.</summary>
    private static Image Planks(int width, int height)
    {
        var image = new Image(width, height, PixelLayout.Rgb);
        var random = new Random(7);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var plank = y / 40;
                var (kx, ky) = (80 + plank * 137 % width, plank * 40 + 20);
                var knot = MathF.Exp(-((x - kx) * (x - kx) + (y - ky) * (y - ky)) / 60f);
                var grain = 0.5f + 0.5f * MathF.Sin(y * 0.9f + 3f * MathF.Sin(x * 0.02f + plank));
                var tone = 0.45f + 0.25f * grain - 0.3f * knot + 0.05f * random.NextSingle() - (y % 40 == 0 ? 0.2f : 0f);
                row[x * 3] = (byte)(255 * Math.Clamp(tone + 0.15f, 0f, 1f));
                row[x * 3 + 1] = (byte)(255 * Math.Clamp(tone, 0f, 1f));
                row[x * 3 + 2] = (byte)(255 * Math.Clamp(tone - 0.15f, 0f, 1f));
            }
        }
        return image;
    }

    private static string Digest(string folder) => string.Join(";", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f))
        .Order(StringComparer.Ordinal)
        .Select(f => f + "=" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))));
}
