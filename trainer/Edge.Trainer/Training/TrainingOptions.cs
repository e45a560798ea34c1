using Edge.Trainer.Model;

namespace Edge.Trainer.Training;

/// <summary>What to train and for how long; <see cref="Presets"/> gives the named starting points.</summary>
public sealed record TrainingOptions
{
    public PvqaeConfig Model { get; init; } = new();

    public int BatchSize { get; init; } = 8;

    /// <summary>Auto-encoder steps; training also stops at <see cref="MaxMinutes"/>.</summary>
    public int Steps { get; init; } = 600;

    public int PriorSteps { get; init; } = 300;

    public double MaxMinutes { get; init; } = 10;

    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Commitment weight beta of the VQ loss.</summary>
    public double Beta { get; init; } = 0.25;

    /// <summary>Cost growth per finer level in the budget loss (alpha &gt; 1).</summary>
    public float Alpha { get; init; } = 2f;

    /// <summary>Maximum weight of the budget loss, reached linearly at the last step (the paper's best: 1.25).</summary>
    public double BudgetWeight { get; init; } = 1.25;

    public double TauStart { get; init; } = 1.0;

    public double TauEnd { get; init; } = 0.2;

    /// <summary>Steps between re-seeding codes that went unused.</summary>
    public int ReseedEvery { get; init; } = 50;

    public int Seed { get; init; } = 1;

    public bool Augment { get; init; } = true;

    public void Validate()
    {
        Model.Validate();
        if (BatchSize < 1 || Steps < 1 || PriorSteps < 0 || MaxMinutes <= 0 || LearningRate <= 0)
        {
            throw new ArgumentException("batchSize, steps and maxMinutes must be positive, priorSteps not negative.");
        }
        if (Alpha <= 1f)
        {
            throw new ArgumentException($"alpha must be above 1 (got {Alpha}).");
        }
    }
}
