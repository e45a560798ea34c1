using System.CommandLine;
using Edge.Trainer.Synthesis;

namespace Edge.Trainer.Commands;

/// <summary><c>edge-train synth</c>: writes a deterministic synthetic data set for demos and tests.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the data set into (MVTec AD layout).", Required = true };
        var kind = new Option<SyntheticKind>("--kind") { Description = "textures (fabric, wood) or objects (washers, plates).", DefaultValueFactory = _ => SyntheticKind.Textures };
        var count = new Option<int>("--count") { Description = "Normal training images per product class.", DefaultValueFactory = _ => 60 };
        var testCount = new Option<int>("--test-count") { Description = "Test images per class for good and for each defect kind.", DefaultValueFactory = _ => 8 };
        var size = new Option<int>("--size") { Description = "Image width and height in pixels.", DefaultValueFactory = _ => 128 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same options always write the same files.", DefaultValueFactory = _ => 1 };
        var command = new Command("synth", "Write a synthetic data set of normal and defective images with defect masks.")
        {
            output, kind, count, testCount, size, seed,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var folder = result.GetValue(output)!.FullName;
            var written = SyntheticDataset.Write(folder, new SyntheticDatasetOptions
            {
                Kind = result.GetValue(kind),
                TrainCount = result.GetValue(count),
                TestCountPerKind = result.GetValue(testCount),
                ImageSize = result.GetValue(size),
                Seed = result.GetValue(seed),
            });
            Console.WriteLine($"wrote {written} images to {folder}");
            return 0;
        }));
        return command;
    }
}
