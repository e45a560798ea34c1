using System.Diagnostics;
using Edge.Imaging.Preprocessing;
using Edge.Torch;
using Edge.Torch.Optim;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Training;

/// <summary>
/// Trains the auto-encoder on normal images (reconstruction + VQ + budget loss with a linear lambda ramp and an
/// annealed Gumbel temperature), then, with it frozen, the budget prior by masked-token prediction.
/// </summary>
public sealed class PvqaeTrainer
{
    private readonly TrainingOptions _options;
    private readonly MvtecDataset _data;
    private readonly SampleLoader _loader;
    private readonly Random _random;

    public TrainingProgressSink? Progress { get; init; }

    public PvqaeTrainer(TrainingOptions options, MvtecDataset data)
    {
        options.Validate();
        _options = options with { Model = options.Model with { ClassCount = data.ClassNames.Count } };
        _data = data;
        _loader = new SampleLoader(_options.Model.ImageSize, _options.Model.ImageChannels, ChannelNormalization.UnitRange(_options.Model.ImageChannels));
        _random = new Random(options.Seed);
    }

    public PvqaeConfig Config => _options.Model;

    /// <summary>Trains both models; stops early (keeping what was learned) when the time budget or <paramref name="cancel"/> says so.</summary>
    public (Pvqae Model, BudgetPrior Prior) Train(CancellationToken cancel = default)
    {
        LibTorch.ManualSeed((ulong)_options.Seed);
        var watch = Stopwatch.StartNew();
        var model = new Pvqae(Config);
        TrainAutoEncoder(model, watch, cancel);
        var prior = new BudgetPrior(Config);
        if (!Config.PlainVq)
        {
            TrainPrior(model, prior, watch, cancel);
        }
        model.Eval();
        prior.Eval();
        return (model, prior);
    }

    private void TrainAutoEncoder(Pvqae model, Stopwatch watch, CancellationToken cancel)
    {
        model.Train();
        using var optimizer = new Adam(model.NamedParameters(), _options.LearningRate);
        var steps = _options.Steps;
        var deadline = _options.MaxMinutes * 60 * 0.75; // leave a quarter of the time for the prior
        for (var step = 1; step <= steps && !cancel.IsCancellationRequested && watch.Elapsed.TotalSeconds < deadline; step++)
        {
            using var scope = DisposeScope.Open();
            var (images, costs) = Batch(_data.Train, augment: _options.Augment);
            var progress = (double)step / steps;
            var tau = _options.TauStart * Math.Pow(_options.TauEnd / _options.TauStart, progress);
            using var output = model.Forward(images, tau, _options.Beta, trackUsage: true);
            var reconstruction = F.MseLoss(output.Reconstruction, images);
            var budget = Config.PlainVq
                ? Tensor.Scalar(0)
                : (F.Softmax(output.RoutingLogits, 1).Permute(0, 2, 3, 1).Reshape(images.Size(0), -1, Config.Levels) * costs).Sum(2).Mean();
            var loss = reconstruction + output.VqLoss + budget * (_options.BudgetWeight * progress);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            if (step % _options.ReseedEvery == 0 || step == steps)
            {
                Report("autoencoder", step, steps, loss, reconstruction, output.VqLoss, budget, model.Perplexities, watch);
                model.ReseedDeadCodes(output.Latents, _random);
            }
        }
    }

    private void TrainPrior(Pvqae model, BudgetPrior prior, Stopwatch watch, CancellationToken cancel)
    {
        model.Eval();
        var (tokens, classes) = RoutingTokens(model);
        prior.Train();
        using var optimizer = new AdamW(prior.NamedParameters(), 1e-3);
        var count = tokens.Length / Config.TokenCount;
        for (var step = 1; step <= _options.PriorSteps && !cancel.IsCancellationRequested && watch.Elapsed.TotalSeconds < _options.MaxMinutes * 60; step++)
        {
            using var scope = DisposeScope.Open();
            var batch = Math.Min(32, count);
            var input = new long[batch * Config.TokenCount];
            var target = new long[batch];
            var positions = new long[batch];
            var classIds = new long[batch];
            for (var b = 0; b < batch; b++)
            {
                var i = _random.Next(count);
                Array.Copy(tokens, i * Config.TokenCount, input, b * Config.TokenCount, Config.TokenCount);
                var position = _random.Next(Config.TokenCount);
                target[b] = input[b * Config.TokenCount + position];
                input[b * Config.TokenCount + position] = prior.MaskToken;
                positions[b] = position;
                classIds[b] = classes[i];
            }
            var logits = prior.Forward(Tensor.FromArray(input, [batch, Config.TokenCount]), Tensor.FromArray(classIds, [batch]));
            var atMask = logits.Gather(1, Tensor.FromArray(positions, [batch, 1, 1]).Expand(batch, 1, Config.Levels)).Reshape(batch, Config.Levels);
            var loss = F.CrossEntropy(atMask, Tensor.FromArray(target, [batch]));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            if (step % 50 == 0 || step == _options.PriorSteps)
            {
                using var zero = Tensor.Scalar(0);
                Report("prior", step, _options.PriorSteps, loss, zero, zero, zero, [], watch);
            }
        }
    }

    /// <summary>The routing each training image gets (argmax), as prior training tokens, with its class.</summary>
    private (long[] Tokens, long[] Classes) RoutingTokens(Pvqae model)
    {
        var tokens = new List<long>();
        var classes = new List<long>();
        using var noGrad = LibTorch.NoGrad();
        for (var start = 0; start < _data.Train.Count; start += _options.BatchSize)
        {
            using var scope = DisposeScope.Open();
            var samples = _data.Train.Skip(start).Take(_options.BatchSize).ToList();
            var (images, _) = Batch(samples, augment: false);
            using var output = model.Forward(images);
            tokens.AddRange(output.RoutingLogits.ArgMax(1).ToInt64Array());
            classes.AddRange(samples.Select(s => (long)s.ClassIndex));
        }
        return (tokens.ToArray(), classes.ToArray());
    }

    /// <summary>A batch of images [N, C, S, S] and their budget costs [N, cells, levels]: random draws when augmenting, else the given samples.</summary>
    private (Tensor Images, Tensor Costs) Batch(IReadOnlyList<DatasetSample> samples, bool augment)
    {
        var count = augment ? _options.BatchSize : samples.Count;
        var length = _loader.SampleLength;
        var pixels = new float[count * length];
        var costs = new float[count * Config.TokenCount * Config.Levels];
        var augmentation = augment ? new Augmentation() : Augmentation.None;
        for (var i = 0; i < count; i++)
        {
            var sample = augment ? samples[_random.Next(samples.Count)] : samples[i];
            var image = pixels.AsSpan(i * length, length);
            _loader.Load(sample.ImagePath, image, augmentation, _random);
            var entropy = ContextRichness.Compute(image, Config.ImageChannels, Config.ImageSize, Config.CoarsestGrid);
            ContextRichness.Costs(entropy, Config.Levels, _options.Alpha).CopyTo(costs, i * Config.TokenCount * Config.Levels);
        }
        var s = Config.ImageSize;
        return (Tensor.FromArray(pixels, [count, Config.ImageChannels, s, s]), Tensor.FromArray(costs, [count, Config.TokenCount, Config.Levels]));
    }

    private void Report(string phase, int step, int total, Tensor loss, Tensor reconstruction, Tensor vq, Tensor budget, IReadOnlyList<double> perplexity, Stopwatch watch) =>
        Progress?.Invoke(new TrainingProgress(phase, step, total, loss.Item(), reconstruction.Item(), vq.Item(), budget.Item(), perplexity, watch.Elapsed.TotalSeconds));
}

/// <summary>Receives training progress lines.</summary>
public delegate void TrainingProgressSink(TrainingProgress progress);
