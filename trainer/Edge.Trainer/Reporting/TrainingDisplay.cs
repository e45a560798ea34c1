using Edge.Trainer.Training;

namespace Edge.Trainer.Reporting;

/// <summary>
/// What <c>edge-train fit</c> shows while it trains: progress bars on a terminal (<see cref="TerminalTrainingDisplay"/>),
/// plain lines when standard output goes to a file or a pipe (<see cref="PlainTrainingDisplay"/>). The trainer's
/// callbacks arrive on the training thread.
/// </summary>
public abstract class TrainingDisplay
{
    protected TrainingDisplay(TrainingOptions options, double elapsedAtStart, Func<double>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var budget = options.MaxMinutes * 60;
        Phases = options.Model.PlainVq
            ? [new(CheckpointState.AutoEncoderPhase, options.Steps, budget * 0.75)]
            : [new(CheckpointState.AutoEncoderPhase, options.Steps, budget * 0.75), new(CheckpointState.PriorPhase, options.PriorSteps, budget)];
        Eta = new EtaEstimate(elapsedAtStart, clock);
    }

    /// <summary>The phases in training order, with their steps and the run time by which each must end.</summary>
    public IReadOnlyList<PhasePlan> Phases { get; }

    protected EtaEstimate Eta { get; }

    /// <summary>Runs <paramref name="training"/> while the display is up.</summary>
    public abstract T Show<T>(Func<T> training);

    /// <summary>After every step.</summary>
    public virtual void Step(string phase, int step, int totalSteps) => Eta.Observe(phase, step);

    /// <summary>A progress report with the loss terms (also written to log.jsonl).</summary>
    public abstract void Report(TrainingProgress progress);

    public abstract void CheckpointWritten(CheckpointState state, string path);

    /// <summary>A message line beside the progress.</summary>
    public abstract void Line(string text);

    /// <summary>Time left in <paramref name="phase"/> at its current pace (and within the time budget), as text; empty until it is known.</summary>
    protected string EtaText(string phase)
    {
        var plan = Phases.FirstOrDefault(p => p.Name == phase);
        return plan is not null && Eta.Remaining(phase, plan.Steps, plan.DeadlineSeconds) is { } seconds ? ProgressText.Duration(seconds) : "";
    }
}

/// <param name="Name">The phase (<see cref="CheckpointState.AutoEncoderPhase"/> or <see cref="CheckpointState.PriorPhase"/>).</param>
/// <param name="DeadlineSeconds">Run time (resumed runs included) at which the time budget stops the phase.</param>
public sealed record PhasePlan(string Name, int Steps, double DeadlineSeconds);
