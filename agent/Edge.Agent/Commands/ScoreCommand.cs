using System.CommandLine;
using System.Text.Json;
using Edge.Agent.Configuration;
using Edge.Agent.Pipeline;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;

namespace Edge.Agent.Commands;

/// <summary>
/// <c>edge-agent score --bundle B IMAGE...</c>: scores image files offline with the bundle through the same
/// <see cref="FrameScorer"/> the service scores frames with (the class's thresholds included), and prints one JSON line
/// per image. A tiled bundle scores each image at native resolution (overlapping tiles, batched through the graphs).
/// An unreadable image, or one smaller than a tiled bundle's tile, gets an error line of its own (the others are
/// still scored) and makes the exit code non-zero.
/// </summary>
internal static class ScoreCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var bundle = new Option<DirectoryInfo>("--bundle") { Description = "Bundle folder.", Required = true };
        var productClass = new Option<string?>("--class") { Description = "Product class (the prior's class token, and its thresholds where the bundle has them); the bundle's first by default." };
        var images = new Argument<FileInfo[]>("images") { Description = "PNG or JPEG files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("score", "Score image files with a bundle and print one JSON line per image.") { bundle, productClass, images };
        command.SetAction((parse, _) => StartupErrors.GuardAsync("score", () =>
        {
            using var loggers = Hosting.AgentHost.StartupLoggers();
            using var model = ModelLoader.Load(parse.GetValue(bundle)!.FullName, new OnnxRuntimeConfig(), loggers.CreateLogger("Edge.Agent.Model"));
            using var scorer = ScorerFor(model, parse.GetValue(productClass));
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
                FrameScore result;
                try
                {
                    result = scorer.Score(image.AsView());
                }
                catch (InvalidOperationException e)
                {
                    // A tiled bundle and an image smaller than one tile at its scale: this image cannot be scored.
                    failures++;
                    Console.Error.WriteLine($"edge-agent score: error: {file.FullName}: {e.Message}");
                    continue;
                }
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    path = file.FullName,
                    score = result.Score,
                    threshold = result.Threshold,
                    normalizedScore = result.Threshold is { } threshold ? NormalizedScore.Of(result.Score, threshold) : (double?)null,
                    anomalous = result.Anomalous,
                    box = new[] { result.Box.X, result.Box.Y, result.Box.Width, result.Box.Height },
                    modelVersion = model.Version,
                }, Json));
            }
            return Task.FromResult(failures == 0 ? 0 : StartupErrors.CannotStart);
        }));
        return command;
    }

    /// <summary>A frame scorer for the class (its thresholds where the bundle has them); an unknown class names the bundle's.</summary>
    private static FrameScorer ScorerFor(ActiveModel model, string? productClass)
    {
        try
        {
            return new FrameScorer(model.Model, new FrameScorerSettings { ProductClass = productClass });
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"--class {productClass}: {e.Message}", e);
        }
    }
}
