using System.Globalization;
using Edge.Trainer.Training;

namespace Edge.Trainer.Reporting;

/// <summary>Progress as plain lines (one per report and per checkpoint), for logs, CI and pipes.</summary>
public sealed class PlainTrainingDisplay : TrainingDisplay
{
    private readonly TextWriter _out;

    public PlainTrainingDisplay(TextWriter output, TrainingOptions options, double elapsedAtStart, Func<double>? clock = null)
        : base(options, elapsedAtStart, clock)
    {
        _out = output;
    }

    public override T Show<T>(Func<T> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training();
    }

    public override void Report(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var eta = EtaText(progress.Phase);
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{progress.Phase,-11} step {progress.Step,5}/{progress.TotalSteps}  {ProgressText.Terms(progress)}  {ProgressText.Duration(progress.ElapsedSeconds)}{(eta.Length > 0 ? "  eta " + eta : "")}"));
    }

    public override void CheckpointWritten(CheckpointState state, string path)
    {
        ArgumentNullException.ThrowIfNull(state);
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checkpoint: {state.Phase} step {state.Step}/{state.TotalSteps} saved to {path}"));
    }

    public override void Line(string text) => _out.WriteLine(text);
}
