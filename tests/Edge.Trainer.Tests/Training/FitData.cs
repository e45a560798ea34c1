using System.Diagnostics;
using Edge.Testing;
using Edge.Trainer.Synthesis;

namespace Edge.Trainer.Tests.Training;

/// <summary>
/// A tiny synthetic data set (two classes, 32x32) and helpers to run <c>edge-train fit</c> as a child process, the way
/// a user does, with a tiny model from a --config file.
/// </summary>
public sealed class FitData : IDisposable
{
    public static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    private readonly TempFolder _folder = new("edge-fit-");

    public FitData()
    {
        SyntheticDataset.Write(DataFolder, new SyntheticDatasetOptions { TrainCount = 6, TestCountPerKind = 1, ImageSize = 32, Seed = 3 });
    }

    public string DataFolder => _folder.File("data");

    /// <summary>A --config file for a model small enough to train in seconds on two cores.</summary>
    public static string TinyConfig(TempFolder folder, int steps, int priorSteps, int checkpointEvery, string extra = "")
    {
        var path = folder.File($"tiny-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "model": { "imageSize": 32, "baseWidth": 8, "embeddingDim": 8, "codebookSize": 16, "routingHidden": 8, "priorWidth": 8, "priorHeads": 2 },
              "batchSize": 2, "steps": {{steps}}, "priorSteps": {{priorSteps}}, "reseedEvery": 10, "checkpointEverySteps": {{checkpointEvery}}{{extra}}
            }
            """);
        return path;
    }

    /// <summary>Runs edge-train to its end: exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"edge-train {string.Join(' ', arguments)} ran over three minutes.");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Starts edge-train with its output streams redirected (so it prints plain lines, no progress bars).</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("edge-train did not start.");
    }

    public void Dispose() => _folder.Dispose();
}
