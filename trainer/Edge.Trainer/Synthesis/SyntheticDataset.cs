using Edge.Imaging;

namespace Edge.Trainer.Synthesis;

/// <summary>
/// Writes a deterministic synthetic data set in the MVTec AD layout, one folder per product class:
/// <c>train/good/*.png</c>, <c>test/good/</c>, <c>test/&lt;defect&gt;/</c> and <c>ground_truth/&lt;defect&gt;/&lt;name&gt;_mask.png</c>.
/// The same options always give byte-identical files.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>Writes the data set under <paramref name="outputFolder"/> and returns how many images it wrote.</summary>
    public static int Write(string outputFolder, SyntheticDatasetOptions options)
    {
        options.Validate();
        var classes = options.Kind == SyntheticKind.Textures ? SurfacePainter.TextureClasses : SurfacePainter.ObjectClasses;
        var written = 0;
        for (var c = 0; c < classes.Length; c++)
        {
            var classFolder = Path.Combine(outputFolder, classes[c]);
            // Every split has its own stream of random numbers, so changing one count leaves the others' pictures alone.
            written += WriteNormal(Path.Combine(classFolder, "train", "good"), classes[c], options.TrainCount, options, Stream(options, c, 0));
            written += WriteNormal(Path.Combine(classFolder, "test", "good"), classes[c], options.TestCountPerKind, options, Stream(options, c, 1));
            for (var d = 0; d < DefectPainter.Kinds.Length; d++)
            {
                written += WriteDefective(classFolder, classes[c], DefectPainter.Kinds[d], options, Stream(options, c, 2 + d));
            }
        }
        return written;
    }

    private static int WriteNormal(string folder, string productClass, int count, SyntheticDatasetOptions options, Random random)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var canvas = new Canvas(options.ImageSize);
            SurfacePainter.Paint(canvas, productClass, random);
            ImageCodec.Save(canvas.ToImage().AsView(), Path.Combine(folder, $"{i:D3}.png"));
        }
        return count;
    }

    private static int WriteDefective(string classFolder, string productClass, string defect, SyntheticDatasetOptions options, Random random)
    {
        var imageFolder = Path.Combine(classFolder, "test", defect);
        var maskFolder = Path.Combine(classFolder, "ground_truth", defect);
        Directory.CreateDirectory(imageFolder);
        Directory.CreateDirectory(maskFolder);
        for (var i = 0; i < options.TestCountPerKind; i++)
        {
            var canvas = new Canvas(options.ImageSize);
            SurfacePainter.Paint(canvas, productClass, random);
            DefectPainter.Paint(canvas, defect, random);
            ImageCodec.Save(canvas.ToImage().AsView(), Path.Combine(imageFolder, $"{i:D3}.png"));
            ImageCodec.Save(canvas.MaskImage().AsView(), Path.Combine(maskFolder, $"{i:D3}_mask.png"));
        }
        return options.TestCountPerKind;
    }

    private static Random Stream(SyntheticDatasetOptions options, int classIndex, int split) => SeededStreams.For(options.Seed, classIndex, split);
}
