using System.CommandLine;
using Edge.Trainer.Commands;

namespace Edge.Trainer;

/// <summary>Entry point of <c>edge-train</c>; each subcommand lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("edge-train: train, export, evaluate and roll out Edge anomaly-detection bundles.")
        {
            SynthCommand.Create(),
            FitCommand.Create(),
            ExportCommand.Create(),
            EvaluateCommand.Create(),
            CalibrateCommand.Create(),
            KeygenCommand.Create(),
            SignCommand.Create(),
            PackCommand.Create(),
            DevicesCommand.Create(),
            RolloutCommand.Create(),
            SignCommandCommand.Create(),
            PublishChunksCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
