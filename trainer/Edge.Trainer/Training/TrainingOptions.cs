using Edge.Trainer.Model;

namespace Edge.Trainer.Training;

/// <summary>
/// What to train and for how long; <see cref="Presets"/> gives the named starting points and <c>fit --config</c>
/// overrides them key by key (<see cref="OptionsOverride"/>). The JSON names are the properties' camelCase names.
/// </summary>
public sealed record TrainingOptions
{
    public PvqaeConfig Model { get; init; } = new();

    /// <summary>Native-resolution tiles (off: the whole image is resized to the model's input).</summary>
    public TilingOptions Tiling { get; init; } = new();

    public int BatchSize { get; init; } = 8;

    /// <summary>Auto-encoder steps; training also stops at <see cref="MaxMinutes"/>.</summary>
    public int Steps { get; init; } = 600;

    public int PriorSteps { get; init; } = 300;

    /// <summary>
    /// Time budget for the whole run (a resumed run counts the time it spent before its checkpoint): the auto-encoder
    /// gets three quarters, the prior the rest. Not part of <see cref="OptionsFingerprint"/>: a resumed run may get more.
    /// </summary>
    public double MaxMinutes { get; init; } = 10;

    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Steps over which the learning rate rises linearly from 0 (Adam's first moments are unreliable at the start).</summary>
    public int WarmupSteps { get; init; } = 50;

    /// <summary>After the warm-up the rate follows a half cosine down to this share of <see cref="LearningRate"/> at the last step.</summary>
    public double FinalLearningRateFactor { get; init; } = 0.1;

    /// <summary>Gradients are scaled down together to at most this L2 norm (0 = no clipping).</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Share of each class's normal training images held back to validate on (0 = none; then the best weights are the last).</summary>
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>A step whose loss exceeds this many times the recent median has diverged: training rolls back.</summary>
    public double DivergenceFactor { get; init; } = 5;

    /// <summary>Roll-backs (each to the last good state, at half the learning rate) before fit gives up with the reason.</summary>
    public int MaxRollbacks { get; init; } = 3;

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

    /// <summary>
    /// Steps between checkpoints, in either phase; a checkpoint is also written when a phase ends or training stops
    /// early. Not part of <see cref="OptionsFingerprint"/>: it does not change what is learned.
    /// </summary>
    public int CheckpointEverySteps { get; init; } = 200;

    public int Seed { get; init; } = 1;

    public bool Augment { get; init; } = true;

    /// <summary>Weight of the patch discriminator's adversarial term (hinge loss); 0 trains without a discriminator.</summary>
    public double AdversarialWeight { get; init; }

    /// <summary>Auto-encoder steps before the adversarial term starts (the discriminator trains from then on too).</summary>
    public int AdversarialWarmupSteps { get; init; } = 200;

    /// <summary>Channels of the patch discriminator's first convolution.</summary>
    public int DiscriminatorWidth { get; init; } = 16;

    /// <exception cref="ArgumentException">A value is out of range; the message names its key.</exception>
    public void Validate()
    {
        Model.Validate();
        Tiling.Validate(Model.ImageSize);
        Require(BatchSize >= 1, "batchSize", BatchSize, "at least 1");
        Require(Steps >= 1, "steps", Steps, "at least 1");
        Require(AdversarialWeight >= 0, "adversarialWeight", AdversarialWeight, "not negative");
        Require(AdversarialWarmupSteps >= 0, "adversarialWarmupSteps", AdversarialWarmupSteps, "not negative");
        Require(DiscriminatorWidth >= 1, "discriminatorWidth", DiscriminatorWidth, "at least 1");
        Require(PriorSteps >= 0, "priorSteps", PriorSteps, "not negative");
        Require(MaxMinutes > 0, "maxMinutes", MaxMinutes, "positive");
        Require(LearningRate > 0, "learningRate", LearningRate, "positive");
        Require(WarmupSteps >= 0, "warmupSteps", WarmupSteps, "not negative");
        Require(FinalLearningRateFactor is > 0 and <= 1, "finalLearningRateFactor", FinalLearningRateFactor, "in (0, 1]");
        Require(GradientClipNorm >= 0, "gradientClipNorm", GradientClipNorm, "not negative");
        Require(ValidationShare is >= 0 and < 0.5, "validationShare", ValidationShare, "in [0, 0.5)");
        Require(DivergenceFactor > 1, "divergenceFactor", DivergenceFactor, "above 1");
        Require(MaxRollbacks >= 0, "maxRollbacks", MaxRollbacks, "not negative");
        Require(Beta >= 0, "beta", Beta, "not negative");
        Require(Alpha > 1f, "alpha", Alpha, "above 1");
        Require(BudgetWeight >= 0, "budgetWeight", BudgetWeight, "not negative");
        Require(TauStart > 0, "tauStart", TauStart, "positive");
        Require(TauEnd > 0, "tauEnd", TauEnd, "positive");
        Require(ReseedEvery >= 1, "reseedEvery", ReseedEvery, "at least 1");
        Require(CheckpointEverySteps >= 1, "checkpointEverySteps", CheckpointEverySteps, "at least 1");
    }

    private static void Require(bool valid, string key, object value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentException(FormattableString.Invariant($"{key} must be {rule} (got {value})."));
        }
    }
}
