using System.Text.Json.Nodes;
using Edge.Imaging.Preprocessing;
using Edge.Torch;
using System.Globalization;
using Edge.Torch.Optim;
using Edge.Torch.Optim.Schedules;
using Edge.Trainer.Training.Guard;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Training;

/// <summary>
/// Trains the auto-encoder on normal images (reconstruction + VQ + budget loss with a linear lambda ramp and an
/// annealed Gumbel temperature), then, with it frozen, the budget prior by masked-token prediction. With a
/// <see cref="CheckpointFolder"/> it writes a checkpoint every <see cref="TrainingOptions.CheckpointEverySteps"/> steps,
/// at the end of each phase and when stopped early, and can resume from it.
/// </summary>
public sealed class PvqaeTrainer
{
    private readonly TrainingOptions _options;
    private readonly MvtecDataset _data;
    private readonly SampleLoader _loader;
    private readonly IReadOnlyList<DatasetSample> _train;
    private readonly IReadOnlyList<DatasetSample> _validation;

    public PvqaeTrainer(TrainingOptions options, MvtecDataset data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        _options = options with { Model = options.Model with { ClassCount = data.ClassNames.Count } };
        _data = data;
        (_train, _validation) = TrainingHoldout.Split(data.Train, _options.ValidationShare, _options.Seed);
        _loader = new SampleLoader(_options.Model.ImageSize, _options.Model.ImageChannels, ChannelNormalization.UnitRange(_options.Model.ImageChannels));
    }

    public TrainingProgressSink? Progress { get; init; }

    public TrainingStepSink? StepFinished { get; init; }

    /// <summary>Tests only: runs after each auto-encoder update (to break the weights on purpose and watch the guard).</summary>
    internal Action<int, Pvqae>? AfterStep { get; init; }

    /// <summary>Told when a divergence rolled training back.</summary>
    public Action<RollbackEvent>? Rolled { get; init; }

    /// <summary>The auto-encoder step whose weights the finished run kept (the best validation objective), or null.</summary>
    public int? BestStep { get; private set; }

    /// <summary>How the trained routing allocates levels to plain and rich cells of the training images (null for plain VQ).</summary>
    public RoutingStatistics? Routing { get; private set; }

    /// <summary>
    /// The trained prior's mean entropy (nats) over the training images' cells, each masked in turn: 0 when it is sure of
    /// every cell's level, ln(levels) when it has learned nothing. Null for a plain VQ-VAE.
    /// </summary>
    public double? PriorEntropy { get; private set; }

    /// <summary>Normal training images held back to validate on.</summary>
    public IReadOnlyList<DatasetSample> ValidationImages => _validation;

    /// <summary>Told after each checkpoint is written.</summary>
    public Action<CheckpointState>? CheckpointWritten { get; init; }

    /// <summary>Where checkpoints go (<see cref="TrainingCheckpoint"/>); null writes none and cannot resume.</summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>The device to train on; CPU unless told.</summary>
    public Device Device { get; init; } = Device.Cpu;

    /// <summary>The training data's fingerprint, kept in checkpoints so that a resume on other data is refused.</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>The options training runs with: those given, with the data set's class count.</summary>
    public TrainingOptions Options => _options;

    public PvqaeConfig Config => _options.Model;

    /// <summary>Why the last <see cref="Train"/> returned.</summary>
    public TrainingStop Stop { get; private set; }

    /// <summary>
    /// Trains both models; stops early (keeping what was learned, and writing a checkpoint) when the time budget or
    /// <paramref name="cancel"/> says so, at the end of a step (<see cref="Stop"/> says which). With
    /// <paramref name="resume"/>, continues from the checkpoint in <see cref="CheckpointFolder"/> towards the same steps.
    /// </summary>
    /// <exception cref="UserInputException">Resuming, and there is no checkpoint, or it was trained with other options or data.</exception>
    public (Pvqae Model, BudgetPrior Prior) Train(CancellationToken cancel = default, bool resume = false)
    {
        var state = resume ? CheckResume() : null;
        LibTorch.ManualSeed((ulong)_options.Seed);
        var model = new Pvqae(Config);
        var prior = new BudgetPrior(Config);
        // Made after the two models, so turning the adversarial term on does not change their initial weights.
        using var discriminator = _options.AdversarialWeight > 0 ? new PatchDiscriminator(Config.ImageChannels, _options.DiscriminatorWidth) : null;
        try
        {
            var modules = new TrainingModules(model, prior, discriminator);
            modules.To(Device);
            var clock = new TrainingClock(state?.ElapsedSeconds ?? 0);
            Stop = TrainingStop.Finished;
            if (state is null || state.Phase == CheckpointState.AutoEncoderPhase)
            {
                TrainAutoEncoder(modules, clock, state, cancel);
                state = null;
            }
            if (!Config.PlainVq && Stop != TrainingStop.Cancelled)
            {
                TrainPrior(modules, clock, state, cancel);
            }
        }
        catch
        {
            model.Dispose();
            prior.Dispose();
            throw;
        }
        model.Eval();
        prior.Eval();
        return (model, prior);
    }

    /// <summary>The state of the checkpoint in <see cref="CheckpointFolder"/>, once it is clear that these options and this data can continue it.</summary>
    /// <exception cref="UserInputException">There is no checkpoint, or it was trained with other options or data.</exception>
    public CheckpointState CheckResume()
    {
        var folder = CheckpointFolder ?? throw new InvalidOperationException("Resuming needs a CheckpointFolder.");
        var state = TrainingCheckpoint.Read(folder);
        if (state.OptionsFingerprint != OptionsFingerprint.Compute(_options))
        {
            var saved = JsonNode.Parse(state.Options) as JsonObject ?? [];
            throw new UserInputException(
                $"Cannot resume '{folder}': its checkpoint was trained with other options ({string.Join("; ", OptionsFingerprint.Differences(saved, _options))}); "
                + "resume with the options it started with, or start a new run without --resume.");
        }
        if (state.DataFingerprint is not null && DataFingerprint is not null && state.DataFingerprint != DataFingerprint)
        {
            throw new UserInputException(
                $"Cannot resume '{folder}': its checkpoint was trained on other data ({state.DataFingerprint}, this data set is {DataFingerprint}).");
        }
        return state;
    }

    private void TrainAutoEncoder(TrainingModules modules, TrainingClock clock, CheckpointState? resumeFrom, CancellationToken cancel)
    {
        var model = modules.AutoEncoder;
        model.Train();
        using var optimizer = new Adam(model.NamedParameters(), _options.LearningRate);
        var discriminator = modules.Discriminator;
        discriminator?.Train();
        // The usual GAN betas; on --resume this optimizer's moments start afresh (the discriminator's weights do not).
        using var discriminatorOptimizer = discriminator is null ? null : new Adam(discriminator.NamedParameters(), _options.LearningRate, beta1: 0.5, beta2: 0.9);
        var steps = _options.Steps;
        var step = 0;
        var rateFactor = 1.0;
        if (resumeFrom is not null)
        {
            TrainingCheckpoint.Restore(CheckpointFolder!, modules, optimizer);
            model.RestoreUsage(resumeFrom.Usage);
            step = resumeFrom.Step;
            rateFactor = resumeFrom.LearningRateFactor;
        }
        // A run shorter than the warm-up warms up over all of it.
        var schedule = new WarmupCosineSchedule(Math.Min(_options.WarmupSteps, steps), steps, _options.FinalLearningRateFactor);
        var guard = new DivergenceGuard(_options.DivergenceFactor);
        using var watch = new ValidationWatch(model, ValidationBatch(), _options.BudgetWeight);
        var rollbacks = 0;
        TrainingSnapshot? lastGood = null;
        try
        {
            var deadline = _options.MaxMinutes * 60 * 0.75; // leave a quarter of the time for the prior
            while (step < steps && KeepGoing(clock, deadline, cancel))
            {
                step++;
                using var scope = DisposeScope.Open();
                var random = StepRandom(1, step);
                var (images, costs) = Batch(_train, augment: _options.Augment, random);
                var progress = (double)step / steps;
                var tau = _options.TauStart * Math.Pow(_options.TauEnd / _options.TauStart, progress);
                using var output = model.Forward(images, tau, _options.Beta, trackUsage: true);
                var reconstruction = F.MseLoss(output.Reconstruction, images);
                var budget = Config.PlainVq
                    ? Tensor.Scalar(0, device: Device)
                    : BudgetLoss.PerPixelValue(output.RoutingLogits, costs, Config);
                var loss = reconstruction + output.VqLoss + budget * (_options.BudgetWeight * progress);
                var adversarial = discriminator is not null && step > _options.AdversarialWarmupSteps;
                if (adversarial)
                {
                    loss = loss + discriminator!.GeneratorLoss(output.Reconstruction) * _options.AdversarialWeight;
                }
                var lossValue = loss.Item();
                if (guard.Check(lossValue) is { } reason)
                {
                    // Nothing of this step is applied: back to the last good state, at half the rate, or stop with the reason.
                    rollbacks++;
                    if (rollbacks > _options.MaxRollbacks || lastGood is null)
                    {
                        throw new TrainingDivergedException(string.Create(CultureInfo.InvariantCulture,
                            $"training diverged at auto-encoder step {step}: {reason}; {(lastGood is null ? "no good state to roll back to yet" : $"{_options.MaxRollbacks} roll-backs at lower learning rates did not help")}. Lower learningRate (now {_options.LearningRate * rateFactor:G3}) or raise warmupSteps."));
                    }
                    rateFactor *= 0.5;
                    Rolled?.Invoke(new RollbackEvent(step, lastGood.Step, reason, _options.LearningRate * rateFactor));
                    lastGood.Restore(model, optimizer);
                    // The guard keeps its history: the losses before the divergence are still the trend to hold.
                    step = lastGood.Step;
                    continue;
                }
                optimizer.ZeroGrad();
                loss.Backward();
                if (_options.GradientClipNorm > 0)
                {
                    GradientClipping.ClipByNorm(model.Parameters(), _options.GradientClipNorm);
                }
                SetLearningRate(optimizer, _options.LearningRate * rateFactor * schedule.Factor(step - 1));
                optimizer.Step();
                AfterStep?.Invoke(step, model);
                if (adversarial)
                {
                    // The auto-encoder's backward pass also left gradients on the discriminator: cleared before its own step.
                    discriminatorOptimizer!.ZeroGrad();
                    using var fake = output.Reconstruction.Detach();
                    discriminator!.Loss(images, fake).Backward();
                    discriminatorOptimizer.Step();
                }
                if (step == 1 && resumeFrom is null)
                {
                    // Codes start as random directions that the first latents, all alike, do not reach: every code
                    // the first batch left unused starts from one of its latents instead (a one-pass k-means start).
                    model.ReseedDeadCodes(output.Latents, random);
                }
                if (step % _options.ReseedEvery == 0 || step == steps)
                {
                    var validation = watch.Measure(step);
                    Report(CheckpointState.AutoEncoderPhase, step, steps, loss, reconstruction, output.VqLoss, budget, model.Perplexities, clock, validation);
                    // The state after a healthy stretch is what a later divergence rolls back to: taken before the
                    // re-seeding, since fresh codes can themselves make the next loss jump (seen on textures, seed 4,
                    // step 201 at 8x); a roll-back then drops that re-seeding instead of replaying it.
                    lastGood?.Dispose();
                    lastGood = TrainingSnapshot.Take(step, model, optimizer);
                    model.ReseedDeadCodes(output.Latents, random);
                }
                StepFinished?.Invoke(CheckpointState.AutoEncoderPhase, step, steps);
                if (step % _options.CheckpointEverySteps == 0 && step < steps)
                {
                    SaveCheckpoint(modules, optimizer, State(CheckpointState.AutoEncoderPhase, step, steps, clock) with { Usage = model.Usage, LearningRateFactor = rateFactor });
                }
            }
            // The end of the phase, or where it stopped: either way what --resume continues from.
            SaveCheckpoint(modules, optimizer, State(CheckpointState.AutoEncoderPhase, step, steps, clock) with { Usage = model.Usage, LearningRateFactor = rateFactor });
            if (step >= steps)
            {
                // Finished: the prior and the export get the weights that validated best.
                BestStep = watch.RestoreBest();
            }
        }
        finally
        {
            lastGood?.Dispose();
        }
    }

    private static void SetLearningRate(Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.Groups)
        {
            group.LearningRate = rate;
        }
    }

    private void TrainPrior(TrainingModules modules, TrainingClock clock, CheckpointState? resumeFrom, CancellationToken cancel)
    {
        var (model, prior) = (modules.AutoEncoder, modules.Prior);
        model.Eval();
        prior.Train();
        using var optimizer = new AdamW(prior.NamedParameters(), 1e-3);
        var step = 0;
        if (resumeFrom is not null)
        {
            TrainingCheckpoint.Restore(CheckpointFolder!, modules, optimizer);
            step = resumeFrom.Step;
        }
        var (tokens, classes) = RoutingTokens(model);
        var count = tokens.Length / Config.TokenCount;
        var total = _options.PriorSteps;
        while (step < total && KeepGoing(clock, _options.MaxMinutes * 60, cancel))
        {
            step++;
            using var scope = DisposeScope.Open();
            var random = StepRandom(2, step);
            var batch = Math.Min(32, count);
            var input = new long[batch * Config.TokenCount];
            var target = new long[batch];
            var positions = new long[batch];
            var classIds = new long[batch];
            for (var b = 0; b < batch; b++)
            {
                var i = random.Next(count);
                Array.Copy(tokens, i * Config.TokenCount, input, b * Config.TokenCount, Config.TokenCount);
                var position = random.Next(Config.TokenCount);
                target[b] = input[b * Config.TokenCount + position];
                input[b * Config.TokenCount + position] = prior.MaskToken;
                positions[b] = position;
                classIds[b] = classes[i];
            }
            var logits = prior.Forward(Tensor.FromArray(input, [batch, Config.TokenCount], Device), Tensor.FromArray(classIds, [batch], Device));
            var atMask = logits.Gather(1, Tensor.FromArray(positions, [batch, 1, 1], Device).Expand(batch, 1, Config.Levels)).Reshape(batch, Config.Levels);
            var loss = F.CrossEntropy(atMask, Tensor.FromArray(target, [batch], Device));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            if (step % 50 == 0 || step == total)
            {
                using var zero = Tensor.Scalar(0);
                Report(CheckpointState.PriorPhase, step, total, loss, zero, zero, zero, [], clock);
            }
            StepFinished?.Invoke(CheckpointState.PriorPhase, step, total);
            if (step % _options.CheckpointEverySteps == 0 && step < total)
            {
                SaveCheckpoint(modules, optimizer, State(CheckpointState.PriorPhase, step, total, clock));
            }
        }
        SaveCheckpoint(modules, optimizer, State(CheckpointState.PriorPhase, step, total, clock));
        PriorEntropy = MeanEntropy(prior, tokens, classes);
    }

    private double MeanEntropy(BudgetPrior prior, long[] tokens, long[] classes)
    {
        var count = Math.Min(64, tokens.Length / Config.TokenCount);
        using var scope = DisposeScope.Open();
        using var noGrad = LibTorch.NoGrad();
        prior.Eval();
        var probabilities = prior.Predict(
            Tensor.FromArray(tokens[..(count * Config.TokenCount)], [count, Config.TokenCount], Device),
            Tensor.FromArray(classes[..count], [count], Device));
        prior.Train();
        var entropy = (probabilities * probabilities.ClampMin(1e-12).Log()).Sum(2).Neg().Mean();
        return entropy.Item();
    }

    /// <summary>Whether to run another step; records why not.</summary>
    private bool KeepGoing(TrainingClock clock, double deadlineSeconds, CancellationToken cancel)
    {
        if (cancel.IsCancellationRequested)
        {
            Stop = TrainingStop.Cancelled;
            return false;
        }
        if (clock.Seconds >= deadlineSeconds)
        {
            Stop = TrainingStop.TimeBudget;
            return false;
        }
        return true;
    }

    private CheckpointState State(string phase, int step, int total, TrainingClock clock) =>
        new(phase, step, total, clock.Seconds, OptionsFingerprint.Compute(_options), DataFingerprint)
        {
            Options = OptionsOverride.ToJson(_options).ToJsonString(),
        };

    private void SaveCheckpoint(TrainingModules modules, Optimizer optimizer, CheckpointState state)
    {
        if (CheckpointFolder is null)
        {
            return;
        }
        TrainingCheckpoint.Save(CheckpointFolder, modules, optimizer, state);
        CheckpointWritten?.Invoke(state);
    }

    /// <summary>
    /// Each step draws its batch, augmentation and re-seeding from its own generator, seeded by the run's seed, the
    /// phase and the step, so a resumed run sees exactly the batches an uninterrupted one would.
    /// </summary>
    private Random StepRandom(int phase, int step) => new(unchecked((_options.Seed * 1_000_003) + (phase * 7_919) + (step * 104_729)));

    /// <summary>The routing each training image gets (argmax), as prior training tokens, with its class.</summary>
    private (long[] Tokens, long[] Classes) RoutingTokens(Pvqae model)
    {
        var tokens = new List<long>();
        var classes = new List<long>();
        var richness = new List<float>();
        // No augmentation; in tiled mode the generator places the tiles, and each image gives several.
        var random = new Random(0);
        var passes = _options.Tiling.Enabled ? 4 : 1;
        using var noGrad = LibTorch.NoGrad();
        for (var start = 0; start < _train.Count * passes; start += _options.BatchSize)
        {
            using var scope = DisposeScope.Open();
            var samples = Enumerable.Range(start, Math.Min(_options.BatchSize, (_train.Count * passes) - start)).Select(i => _train[i % _train.Count]).ToList();
            var entropies = new float[samples.Count * Config.TokenCount];
            var (images, _) = Batch(samples, augment: false, random, entropies);
            richness.AddRange(entropies);
            using var output = model.Forward(images);
            tokens.AddRange(output.RoutingLogits.ArgMax(1).ToInt64Array());
            classes.AddRange(samples.Select(s => (long)s.ClassIndex));
        }
        Routing = RoutingStatistics.Compute(richness, tokens, Config.Levels);
        return (tokens.ToArray(), classes.ToArray());
    }

    /// <summary>Source pixels one tile covers in tiled mode (the input size at the tiling scale), else null.</summary>
    private int? TileSourceSide => _options.Tiling.Enabled ? (int)Math.Round(Config.ImageSize / _options.Tiling.Scale) : null;

    /// <summary>The held-back images (at most 32, un-augmented; in tiled mode one fixed tile each), or null when there are none.</summary>
    private (Tensor Images, Tensor Costs)? ValidationBatch() =>
        _validation.Count == 0 ? null : Batch(_validation.Take(32).ToList(), augment: false, new Random(0));

    /// <summary>A batch of images [N, C, S, S] and their budget costs [N, cells, levels]: random draws when augmenting, else the given samples.</summary>
    private (Tensor Images, Tensor Costs) Batch(IReadOnlyList<DatasetSample> samples, bool augment, Random random, float[]? entropies = null)
    {
        var count = augment ? _options.BatchSize : samples.Count;
        var length = _loader.SampleLength;
        var pixels = new float[count * length];
        var costs = new float[count * Config.TokenCount * Config.Levels];
        var augmentation = (augment ? new Augmentation() : Augmentation.None) with { TileSourceSide = TileSourceSide };
        for (var i = 0; i < count; i++)
        {
            var sample = augment ? samples[random.Next(samples.Count)] : samples[i];
            var image = pixels.AsSpan(i * length, length);
            _loader.Load(sample.ImagePath, image, augmentation, random);
            var entropy = ContextRichness.Compute(image, Config.ImageChannels, Config.ImageSize, Config.CoarsestGrid);
            if (entropies is not null)
            {
                entropy.CopyTo(entropies.AsSpan(i * Config.TokenCount));
            }
            ContextRichness.Costs(entropy, Config.Levels, _options.Alpha).CopyTo(costs, i * Config.TokenCount * Config.Levels);
        }
        var s = Config.ImageSize;
        return (Tensor.FromArray(pixels, [count, Config.ImageChannels, s, s], Device), Tensor.FromArray(costs, [count, Config.TokenCount, Config.Levels], Device));
    }

    private void Report(string phase, int step, int total, Tensor loss, Tensor reconstruction, Tensor vq, Tensor budget, IReadOnlyList<double> perplexity, TrainingClock clock, double? validation = null) =>
        Progress?.Invoke(new TrainingProgress(phase, step, total, loss.Item(), reconstruction.Item(), vq.Item(), budget.Item(), perplexity, clock.Seconds) { Validation = validation });
}
