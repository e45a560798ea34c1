using System.CommandLine;
using System.Text.Json;
using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;

namespace Edge.Agent.Commands;

/// <summary>
/// <c>edge-agent score --bundle B IMAGE...</c>: scores image files offline with the bundle, as the service would score
/// a frame, and prints one JSON line per image. An unreadable image gets an error line of its own (the others are
/// still scored) and makes the exit code non-zero.
/// </summary>
internal static class ScoreCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder.", Required = true };
        var productClass = new Option<string?>("--class") { Description = "Product class (the prior's class token); the bundle's first by default." };
        var images = new Argument<FileInfo[]>("images") { Description = "PNG or JPEG files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("score", "Score image files with a bundle and print one JSON line per image.") { bundle, productClass, images };
        command.SetAction((parse, _) => StartupErrors.GuardAsync("score", () =>
        {
            using var loggers = Hosting.AgentHost.StartupLoggers();
            using var model = ModelLoader.Load(parse.GetValue(bundle)!.FullName, new OnnxRuntimeConfig(), loggers.CreateLogger("Edge.Agent.Model"));
            var classes = model.Model.Manifest.ClassNames;
            var name = parse.GetValue(productClass);
            var classId = name is null ? 0 : IndexOf(classes, name);
            if (classId < 0)
            {
                throw new StartupException($"--class {name} is not one of the bundle's classes ({string.Join(", ", classes)})");
            }
            using var detector = model.Model.CreateDetector();
            var preprocessor = new FramePreprocessor(model.Model.Preprocessing);
            var size = model.Model.InputSize;
            var failures = 0;
            foreach (var file in parse.GetValue(images)!)
            {
                Image image;
                try
                {
                    image = ImageCodec.Load(file.FullName);
                }
                catch (Exception e) when (e is ImagingException or IOException or UnauthorizedAccessException)
                {
                    failures++;
                    Console.Error.WriteLine($"edge-agent score: error: {file.FullName}: {e.Message}");
                    continue;
                }
                preprocessor.Run(image.AsView(), detector.Input);
                var score = detector.Detect(classId);
                var roi = new RoiMask([], image.Width, image.Height, new PixelRect(0, 0, image.Width, image.Height), size);
                var verdict = MapRegions.Evaluate(detector.Map, size, roi, model.PixelThreshold ?? model.ImageThreshold ?? double.PositiveInfinity);
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    path = file.FullName,
                    score,
                    threshold = model.ImageThreshold,
                    anomalous = model.ImageThreshold is { } t ? score > t : (bool?)null,
                    box = new[] { verdict.Box.X, verdict.Box.Y, verdict.Box.Width, verdict.Box.Height },
                    modelVersion = model.Version,
                }, Json));
            }
            return Task.FromResult(failures == 0 ? 0 : StartupErrors.CannotStart);
        }));
        return command;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}
