using Edge.Torch;
using Edge.Torch.Modules;
using F = Edge.Torch.Functional;

namespace Edge.Trainer.Model;

/// <summary>
/// The patch-aware VQ auto-encoder: encoder, router, one codebook per level, decoder (trainer/MODEL.md). Its
/// parameter names are exactly <see cref="ModelLayout.Parameters"/>, which the ONNX exporter reads.
/// </summary>
public sealed class Pvqae : Module
{
    private readonly PvqaeEncoder _encoder;
    private readonly Router _router;
    private readonly VectorQuantizer[] _quantizers;
    private readonly PvqaeDecoder _decoder;

    public Pvqae(PvqaeConfig config)
    {
        config.Validate();
        Config = config;
        _encoder = RegisterModule("enc", new PvqaeEncoder(config));
        _router = RegisterModule("route", new Router(config));
        _quantizers = Enumerable.Range(0, config.Levels)
            .Select(l => RegisterModule($"vq{l}", new VectorQuantizer(config.CodebookSize, config.EmbeddingDim, config.NormalizedCodes)))
            .ToArray();
        _decoder = RegisterModule("dec", new PvqaeDecoder(config));
    }

    public PvqaeConfig Config { get; }

    /// <summary>Everything a training step or an evaluation needs from one forward pass.</summary>
    public sealed record Output(
        Tensor Reconstruction, Tensor RoutingLogits, Tensor Routing, Tensor VqLoss,
        Tensor[] Latents, Tensor[] Quantized, Tensor[] Indices, Tensor[] Distances) : IDisposable
    {
        public void Dispose()
        {
            foreach (var t in new[] { Reconstruction, RoutingLogits, Routing, VqLoss }.Concat(Latents).Concat(Quantized).Concat(Indices).Concat(Distances))
            {
                t.Dispose();
            }
        }
    }

    /// <summary>
    /// One forward pass. Training routes with a hard Gumbel-softmax at temperature <paramref name="tau"/> (straight-through);
    /// evaluation routes by argmax. A plain VQ-VAE always routes to the finest level.
    /// </summary>
    public Output Forward(Tensor image, double tau = 1.0, double beta = 0.25, bool trackUsage = false)
    {
        using var scope = DisposeScope.Open();
        var latents = _encoder.Forward(image);
        var logits = _router.Forward(latents);
        var results = _quantizers.Select((q, l) => q.Forward(latents[l], beta, trackUsage)).ToArray();
        var vqLoss = results.Select(r => r.Loss).Aggregate((a, b) => a + b);
        Tensor routing;
        if (Config.PlainVq)
        {
            routing = FixedRouting(logits, 0);
        }
        else if (IsTraining)
        {
            routing = F.GumbelSoftmax(logits, tau, hard: true, dim: 1);
        }
        else
        {
            routing = logits.ArgMax(1).OneHot(Config.Levels).Permute(0, 3, 1, 2).Float();
        }
        var reconstruction = _decoder.Forward(results.Select(r => r.StraightThrough).ToArray(), routing);
        return new Output(
            reconstruction.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope(), routing.MoveToOuterDisposeScope(),
            vqLoss.MoveToOuterDisposeScope(),
            latents.Select(t => t.MoveToOuterDisposeScope()).ToArray(),
            results.Select(r => r.Quantized.MoveToOuterDisposeScope()).ToArray(),
            results.Select(r => r.Indices.MoveToOuterDisposeScope()).ToArray(),
            results.Select(r => r.Distances.MoveToOuterDisposeScope()).ToArray());
    }

    /// <summary>The decoder alone, for reconstructions under another routing (the prior's allocation).</summary>
    public Tensor Decode(Tensor[] quantized, Tensor routing) => _decoder.Forward(quantized, routing);

    /// <summary>Codebook perplexity per level since the last reset.</summary>
    public IReadOnlyList<double> Perplexities => _quantizers.Select(q => q.Perplexity()).ToList();

    /// <summary>Re-seeds unused codes of every level from the given latents and starts counting usage again.</summary>
    public int ReseedDeadCodes(Tensor[] latents, Random random)
    {
        var reseeded = 0;
        for (var l = 0; l < _quantizers.Length; l++)
        {
            reseeded += _quantizers[l].ReseedDeadCodes(latents[l], random);
            _quantizers[l].ResetUsage();
        }
        return reseeded;
    }

    /// <summary>Code usage per level since the last reset (checkpoints keep it, so a resumed run re-seeds the same codes).</summary>
    public IReadOnlyList<long[]> Usage => _quantizers.Select(q => q.Usage.ToArray()).ToList();

    /// <exception cref="InvalidDataException"><paramref name="usage"/> does not fit the codebooks.</exception>
    public void RestoreUsage(IReadOnlyList<long[]> usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.Count != _quantizers.Length)
        {
            throw new InvalidDataException($"The checkpoint has code usage for {usage.Count} levels; the model has {_quantizers.Length}.");
        }
        for (var l = 0; l < usage.Count; l++)
        {
            _quantizers[l].RestoreUsage(usage[l]);
        }
    }

    public void ResetUsage()
    {
        foreach (var q in _quantizers)
        {
            q.ResetUsage();
        }
    }

    private Tensor FixedRouting(Tensor logits, int level)
    {
        var shape = logits.Shape;
        using var indices = Tensor.Full([shape[0], shape[2], shape[3]], level, ScalarType.Int64, logits.Device);
        using var hot = indices.OneHot(Config.Levels);
        return hot.Permute(0, 3, 1, 2).Float();
    }
}
